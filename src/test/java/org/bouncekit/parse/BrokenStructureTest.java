package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncekit.BounceClassifier;
import org.bouncekit.BounceReport;
import org.bouncekit.MessageKind;
import org.junit.jupiter.api.Test;

/** Reports whose MIME structure is broken in ways seen from real MTAs still yield their recipients. */
class BrokenStructureTest {
    private static final String DSN_FIELDS = "Reporting-MTA: dns; relay.example.net\n\n"
            + "Final-Recipient: rfc822; ida@example.org\nAction: failed\nStatus: 5.1.1\n"
            + "Diagnostic-Code: smtp; 550 5.1.1 <ida@example.org>: no such user\n";

    private static BounceReport classify(String message) {
        return BounceClassifier.create().classify(message.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void lostContentTypeHeaderIsRestoredFromTheBoundaryLine() {
        String msg = "From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.net>\n"
                + "Subject: Returned mail: see transcript for details\n\n"
                + "This is a MIME-encapsulated message\n\n--Q1w2E3/relay.example.net\n\n"
                + "The original message was received from someone@sender.example\n\n"
                + "--Q1w2E3/relay.example.net\nContent-Type: message/delivery-status\n\n" + DSN_FIELDS
                + "\n--Q1w2E3/relay.example.net--\n";
        BounceReport r = classify(msg);
        assertEquals(MessageKind.BOUNCE, r.kind());
        assertEquals("rfc3464", r.mta());
        assertEquals("ida@example.org", r.verdicts().get(0).recipient());
        assertEquals("5.1.1", r.verdicts().get(0).status());
    }

    @Test
    void repairLeavesMessagesWithContentTypeAlone() {
        byte[] ok = ("Content-Type: text/plain\nSubject: x\n\n--not-a-boundary\nhello\n--not-a-boundary\n")
                .getBytes(StandardCharsets.UTF_8);
        assertSame(ok, MissingContentType.repair(ok));
        byte[] once = "Subject: x\n\n--lonely\nhello\n".getBytes(StandardCharsets.UTF_8);
        assertSame(once, MissingContentType.repair(once), "a boundary that never recurs is not one");
    }

    @Test
    void reportWhoseBoundaryNeverAppearsIsReadFromItsPreamble() {
        String msg = "From: MAILER-DAEMON@gw.example.net\nSubject: Delivery Notification: Delivery has failed\n"
                + "Content-Type: multipart/report; BOUNDARY=\"never-used\"; report-type=delivery-status\n\n"
                + "Your message cannot be delivered to the following recipients:\n\n" + DSN_FIELDS;
        BounceReport r = classify(msg);
        assertEquals(List.of("ida@example.org"), r.verdicts().stream().map(v -> v.recipient()).toList());
        assertEquals(550, r.verdicts().get(0).replyCode());
    }

    @Test
    void indentedBoundaryLeavesDsnFieldsInTheTextAndTheyAreStillRead() {
        String msg = "From: MAILER-DAEMON@gw.example.net\nSubject: Returned mail\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B9\"\n\n"
                + "--B9\nContent-Type: text/plain\n\nThe following addresses had delivery problems:\n<ida@example.org>\n\n"
                + " --B9\nContent-Type: message/delivery-status\n\n" + DSN_FIELDS + "\n--B9--\n";
        BounceReport r = classify(msg);
        assertEquals("5.1.1", r.verdicts().get(0).status());
        assertTrue(r.verdicts().get(0).diagnostic().contains("no such user"));
    }

    @Test
    void bounceOfABounceReportsOnlyItsOwnRecipient() {
        String inner = "From: MAILER-DAEMON@inner.example.net\nSubject: Undelivered Mail Returned to Sender\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"IN\"\n\n"
                + "--IN\nContent-Type: message/delivery-status\n\n" + DSN_FIELDS + "\n--IN--\n";
        String outer = "From: MAILER-DAEMON@outer.example.com\nSubject: Undelivered Mail Returned to Sender\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"OUT\"\n\n"
                + "--OUT\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; outer.example.com\n\n"
                + "Final-Recipient: rfc822; postmaster@inner.example.net\nAction: failed\nStatus: 5.2.2\n"
                + "Diagnostic-Code: smtp; 552 5.2.2 mailbox full\n\n--OUT\nContent-Type: message/rfc822\n\n" + inner
                + "\n--OUT--\n";
        BounceReport r = classify(outer);
        assertEquals(List.of("postmaster@inner.example.net"), r.verdicts().stream().map(v -> v.recipient()).toList());
    }

    @Test
    void forwardedBounceWithoutReportOfItsOwnIsReadFromTheAttachedReport() {
        String inner = "From: MAILER-DAEMON@inner.example.net\nSubject: Undelivered Mail Returned to Sender\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"IN\"\n\n"
                + "--IN\nContent-Type: message/delivery-status\n\n" + DSN_FIELDS + "\n--IN--\n";
        String forward = "From: helpdesk@example.com\nSubject: Fwd: Undelivered Mail Returned to Sender\n"
                + "Content-Type: multipart/mixed; boundary=\"F\"\n\n--F\nContent-Type: text/plain\n\nSee below.\n"
                + "--F\nContent-Type: message/rfc822\n\n" + inner + "\n--F--\n";
        BounceReport r = classify(forward);
        assertEquals(List.of("ida@example.org"), r.verdicts().stream().map(v -> v.recipient()).toList());
    }

    @Test
    void aReportLabelledBase64ButWrittenPlainIsReadAsWritten() {
        String msg = "From: MAILER-DAEMON@relay.example.net\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
                + "--b\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n" + DSN_FIELDS
                + "--b--\n";
        BounceReport r = classify(msg);
        assertEquals("ida@example.org", r.verdicts().get(0).recipient());
        assertEquals("5.1.1", r.verdicts().get(0).status());
    }

    @Test
    void realBase64IsStillDecoded() {
        String encoded = java.util.Base64.getMimeEncoder().encodeToString(DSN_FIELDS.getBytes(StandardCharsets.US_ASCII));
        String msg = "From: MAILER-DAEMON@relay.example.net\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
                + "--b\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n" + encoded
                + "\n--b--\n";
        assertEquals("ida@example.org", classify(msg).verdicts().get(0).recipient());
        assertTrue(MimeParser.looksLikeBase64(encoded.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(!MimeParser.looksLikeBase64("Status: 5.1.1".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void blankLinesBeforeTheHeaderAreSkippedOnlyWhenAHeaderFollows() {
        BounceReport r = classify("\n\nFrom: Mail Delivery System <Mailer-Daemon@mx.example.net>\n"
                + "Subject: Mail delivery failed\nX-Failed-Recipients: ida@example.org\n\n"
                + "This message was created automatically by mail delivery software.\n\n"
                + "A message that you sent could not be delivered to one or more of its\n"
                + "recipients. This is a permanent error. The following address(es) failed:\n\n"
                + "  ida@example.org\n    550 5.1.1 no such user\n");
        assertEquals(MessageKind.BOUNCE, r.kind());
        assertEquals(MessageKind.UNREADABLE, classify("\n\njust some text, no header\n").kind());
    }
}
