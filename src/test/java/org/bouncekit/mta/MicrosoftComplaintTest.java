package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

/** Microsoft JMRP complaints, read by {@link FeedbackReportFormat} without a message/feedback-report part. */
class MicrosoftComplaintTest {
    private final FeedbackReportFormat format = new FeedbackReportFormat(100);

    @Test
    void namesTheRecipientFromMicrosoftsHeader() {
        DecodedBounce d = format.decode(MtaFixtures.parse("hotmail-jmrp-complaint.eml"));
        assertEquals(MessageKind.FEEDBACK, d.kind());
        assertEquals(1, d.records().size());
        RecipientRecord r = d.records().get(0);
        assertEquals("olga@hotmail.example", r.recipient());
        assertEquals(Reason.FEEDBACK, r.reasonHint());
        assertNull(r.status());
        assertNull(r.replyCode());
        assertEquals("Feedback-Type: abuse", r.diagnostic());
    }

    @Test
    void ordinaryForwardedMailIsNotAComplaint() {
        String mail = "From: a@sender.example\nSubject: Fwd: look\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"x\"\n\n--x\nContent-Type: message/rfc822\n\n"
                + "From: b@other.example\nTo: a@sender.example\nSubject: look\n\nhi\n--x--\n";
        assertNull(format.decode(MtaFixtures.parseBytes(mail.getBytes(StandardCharsets.UTF_8))));
    }
}
