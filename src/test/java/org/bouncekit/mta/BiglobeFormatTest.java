package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BiglobeFormatTest {
    private final BiglobeFormat format = new BiglobeFormat(100);

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void readsTheAddressListAndTheNonDeliveredInformation(String eol) {
        DecodedBounce d = format.decode(EndOfLine.parse("biglobe-problems.eml", eol));
        assertEquals(1, d.records().size());
        RecipientRecord r = d.records().get(0);
        assertEquals("mika@receiver.biglobe.example", r.recipient());
        assertEquals("The recipient's mailbox has exceeded its storage limit.", r.diagnostic());
        assertNull(r.status());
        assertNull(r.replyCode());
    }

    @Test
    void ignoresSendmailTranscripts() {
        String mail = "From: MAILER-DAEMON@x.example\nSubject: Returned mail\n\n"
                + "   ----- The following addresses had permanent fatal errors -----\n<a@b.example>\n";
        assertNull(format.decode(MtaFixtures.parseBytes(mail.getBytes(StandardCharsets.UTF_8))));
    }
}
