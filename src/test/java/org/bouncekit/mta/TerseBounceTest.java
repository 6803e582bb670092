package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.bouncekit.BounceClassifier;
import org.bouncekit.BounceReport;
import org.bouncekit.MessageKind;
import org.junit.jupiter.api.Test;

/** Bounces that carry no SMTP code at all, only the failure in words. */
class TerseBounceTest {
    private static BounceReport classify(String from, String subject, String body) {
        String msg = "From: " + from + "\nTo: <news@sender.example>\nSubject: " + subject + "\n\n" + body;
        return BounceClassifier.create().classify(msg.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void daemonNoticeNamingTheFailureIsABounce() {
        BounceReport r = classify("MAILER-DAEMON@relay.example.com", "Returned mail: your newsletter",
                "User's mailbox is full: <tove@example.se>\nUnable to deliver mail.\n");
        assertEquals(MessageKind.BOUNCE, r.kind());
        assertEquals("tove@example.se", r.verdicts().get(0).recipient());
        assertEquals("mailboxfull", r.verdicts().get(0).reason().wireName());
    }

    @Test
    void daemonMailWithoutAFailureIsNotABounce() {
        BounceReport r = classify("postmaster@relay.example.com", "Returned mail statistics for October",
                "Hello, the monthly statistics are attached. Questions: help@example.com\n");
        assertEquals(MessageKind.NOT_BOUNCE, r.kind());
    }

    @Test
    void dsnRecipientOnAnInternalHostWithoutDotsIsKept() {
        String msg = "From: MAILER-DAEMON@gw.example.org\nSubject: Undelivered Mail Returned to Sender\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"D\"\n\n--D\n"
                + "Content-Type: message/delivery-status\n\nReporting-MTA: dns; gw.example.org\n\n"
                + "Final-Recipient: rfc822; ops@mailhub\nAction: failed\nStatus: 5.1.1\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 <ops@mailhub>: User unknown\n\n--D--\n";
        BounceReport r = BounceClassifier.create().classify(msg.getBytes(StandardCharsets.UTF_8));
        assertEquals("ops@mailhub", r.verdicts().get(0).recipient());
    }
}
