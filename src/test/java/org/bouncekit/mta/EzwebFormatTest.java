package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EzwebFormatTest {
    private final EzwebFormat format = new EzwebFormat(100);

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void readsTheServerReplyPerRecipientAndTheFilterMark(String eol) {
        DecodedBounce d = format.decode(EndOfLine.parse("ezweb-returned-mail.eml", eol));
        assertEquals(2, d.records().size());
        RecipientRecord hana = d.records().get(0);
        assertEquals("hana-123@ezweb.ne.jp", hana.recipient());
        assertEquals(550, hana.replyCode());
        assertNull(hana.status());
        assertEquals("550 <hana-123@ezweb.ne.jp>: Recipient refused", hana.diagnostic());
        assertEquals(Reason.FILTERED, hana.reasonHint());
        RecipientRecord ichiro = d.records().get(1);
        assertEquals("ichiro@ezweb.ne.jp", ichiro.recipient());
        assertEquals("Each of the following recipients was rejected by a remote mail server.", ichiro.diagnostic());
    }

    @Test
    void ignoresMailFromOtherDomains() {
        String mail = "From: Postmaster@other.example\nSubject: Mail System Error - Returned Mail\n\n<a@ezweb.ne.jp>\n";
        assertNull(format.decode(MtaFixtures.parseBytes(mail.getBytes(StandardCharsets.UTF_8))));
    }
}
