package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

class AmazonSesJsonFormatTest {
    private final AmazonSesJsonFormat format = new AmazonSesJsonFormat(100);

    @Test
    void bounceInsideSnsEnvelopeGivesOneRecordPerBouncedRecipient() {
        DecodedBounce d = format.decode(MtaFixtures.parse("ses-bounce-sns.eml"));
        assertNotNull(d);
        assertEquals(MessageKind.BOUNCE, d.kind());
        assertEquals(2, d.records().size());
        RecipientRecord gone = d.records().get(0);
        MtaFixtures.assertRecord(gone, "gone@customer.example", "5.1.1", 550, "550 5.1.1 <gone@customer.example>: mailbox does not exist");
        assertEquals("out-7.ses.example", gone.remoteMta());
        RecipientRecord full = d.records().get(1);
        assertEquals("Full@customer.example", full.recipient());
        assertEquals("5.2.2", full.status());
        assertEquals(552, full.replyCode());
    }

    @Test
    void complaintWrappedByARelayIsFeedback() {
        DecodedBounce d = format.decode(MtaFixtures.parse("ses-complaint-wrapped.eml"));
        assertNotNull(d);
        assertEquals(MessageKind.FEEDBACK, d.kind());
        RecipientRecord r = d.records().get(0);
        assertEquals("angry@reader.example", r.recipient());
        assertEquals(Reason.FEEDBACK, r.reasonHint());
        assertEquals("Feedback-Type: abuse", r.diagnostic());
    }

    @Test
    void deliveryNotificationIsADeliveryWithTheSmtpResponse() {
        DecodedBounce d = format.decode(MtaFixtures.parse("ses-delivery.eml"));
        assertNotNull(d);
        assertEquals(MessageKind.DELIVERY, d.kind());
        RecipientRecord r = d.records().get(0);
        assertEquals("happy@reader.example", r.recipient());
        assertEquals("2.0.0", r.status());
        assertEquals(250, r.replyCode());
        assertEquals("delivered", r.action());
    }

    @Test
    void textThatIsNotANotificationIsNotOurs() {
        assertNull(format.decode(MtaFixtures.parse("ses-not-json.eml")));
        byte[] deep = ("Content-Type: text/plain\n\n{\"notificationType\":" + "[".repeat(5000) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        assertNull(format.decode(MtaFixtures.parseBytes(deep)));
    }
}
