package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IMailServerFormatTest {
    private final IMailServerFormat format = new IMailServerFormat(100);

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void readsLabelledAddressesAndTheGeneratedResponse(String eol) {
        DecodedBounce d = format.decode(EndOfLine.parse("imail-undeliverable.eml", eol));
        assertEquals(2, d.records().size());
        RecipientRecord walt = d.records().get(0);
        assertEquals("walt@receiver.example", walt.recipient());
        assertEquals("Unknown user", walt.diagnostic());
        assertNull(walt.status());
        assertNull(walt.replyCode());
        RecipientRecord xena = d.records().get(1);
        assertEquals("xena@other.example", xena.recipient());
        assertEquals("554-Message rejected: listed at\n554 bl.example.org", xena.diagnostic());
        assertEquals(554, xena.replyCode());
        assertNull(xena.status());
    }

    @Test
    void ignoresOtherMailers() {
        String mail = "From: postmaster@x.example\nSubject: Undeliverable Mail\nX-Mailer: Other 1.0\n\n"
                + "Unknown user: a@b.example\n";
        assertNull(format.decode(MtaFixtures.parseBytes(mail.getBytes(StandardCharsets.UTF_8))));
    }
}
