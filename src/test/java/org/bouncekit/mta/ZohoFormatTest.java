package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.bouncekit.MessageKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZohoFormatTest {
    private final ZohoFormat format = new ZohoFormat(100);

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void readsBothRecipientLineFormsAndStopsAtTheQuotedHeaders(String eol) {
        DecodedBounce d = format.decode(EndOfLine.parse("zoho-two-forms.eml", eol));
        assertEquals(MessageKind.BOUNCE, d.kind());
        assertEquals(2, d.records().size());
        RecipientRecord sam = d.records().get(0);
        assertEquals("sam@receiver.example", sam.recipient());
        assertEquals(550, sam.replyCode());
        assertEquals("5.1.1", sam.status());
        assertEquals("550 5.1.1 <sam@receiver.example>: Recipient address rejected", sam.diagnostic());
        RecipientRecord tina = d.records().get(1);
        assertEquals("tina@far.example", tina.recipient());
        assertEquals(451, tina.replyCode());
        assertNull(tina.status());
        assertEquals("451 Temporary lookup failure.", tina.diagnostic());
    }

    @Test
    void aWarningIsADelay() {
        String mail = "From: mailer-daemon@mail.zoho.com\nSubject: Mail Delivery Status Notification (Delay)\n\n"
                + "THIS IS A WARNING MESSAGE ONLY.\n\n"
                + "[Status: Error, Address: <uma@slow.example>, ResponseCode 421, , Host not reachable.]\n";
        DecodedBounce d = format.decode(MtaFixtures.parseBytes(mail.getBytes(StandardCharsets.UTF_8)));
        assertEquals(MessageKind.DELAY, d.kind());
        assertEquals("delayed", d.records().get(0).action());
        assertEquals("uma@slow.example", d.records().get(0).recipient());
        assertEquals(421, d.records().get(0).replyCode());
    }

    @Test
    void ignoresOtherSenders() {
        String mail = "From: mailer-daemon@other.example\nSubject: x\n\n"
                + "a@b.example Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 no\n";
        assertNull(format.decode(MtaFixtures.parseBytes(mail.getBytes(StandardCharsets.UTF_8))));
    }
}
