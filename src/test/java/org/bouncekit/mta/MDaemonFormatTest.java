package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

class MDaemonFormatTest {
    private final MDaemonFormat format = new MDaemonFormat(100);

    @Test
    void theReplyToTheRefusedRcptIsTheDiagnostic() {
        DecodedBounce d = format.decode(OddFixtures.parse("mdaemon-permanent-failure.eml"));
        assertEquals(MessageKind.BOUNCE, d.kind());
        assertEquals(1, d.records().size());
        RecipientRecord r = d.records().get(0);
        MtaFixtures.assertRecord(r, "r.novak@partner.example.net", "5.1.1", 550,
                "550 5.1.1 <r.novak@partner.example.net>: Recipient address rejected: User unknown in virtual mailbox table");
        assertEquals("RCPT", r.command());
    }

    @Test
    void aLocalErrorFailsTheMessagesRecipients() {
        RecipientRecord r = format.decode(OddFixtures.parse("mdaemon-domain-unknown.eml")).records().get(0);
        MtaFixtures.assertRecord(r, "p.hale@gone.example.net", null, null, "Name server reports domain name unknown");
        assertEquals(Reason.HOSTUNKNOWN, r.reasonHint());
    }

    @Test
    void onlyTheRecipientsTheServerRefusedFail() {
        String transcript = "From: MDaemon@mail.example.org\nSubject: Permanent Delivery Failure\n\n"
                + "The attached message had PERMANENT fatal delivery errors.\n\n--- Session Transcript ---\n"
                + " Thu 2023-06-08 10:22:04: *  To: a@x.example, b@x.example\n"
                + " Thu 2023-06-08 10:22:05: --> RCPT To:<a@x.example>\n"
                + " Thu 2023-06-08 10:22:05: <-- 250 2.1.5 Ok\n"
                + " Thu 2023-06-08 10:22:05: --> RCPT To:<b@x.example>\n"
                + " Thu 2023-06-08 10:22:06: <-- 552-5.2.2 The mailbox is full\n"
                + " Thu 2023-06-08 10:22:06: <-- 552 5.2.2 try again later\n"
                + " Thu 2023-06-08 10:22:06: --> QUIT\n--- End Transcript ---\n";
        DecodedBounce d = format.decode(OddFixtures.text(transcript));
        assertEquals(1, d.records().size());
        MtaFixtures.assertRecord(d.records().get(0), "b@x.example", "5.2.2", 552,
                "552-5.2.2 The mailbox is full 552 5.2.2 try again later");
    }

    @Test
    void ordinaryMailFromAnMDaemonHostIsNotOurs() {
        assertNull(format.decode(OddFixtures.text("From: someone@mail.example.org\nX-MDaemon-Deliver-To: me@x.example\n"
                + "Subject: Lunch\n\nSee you at noon.\n")));
    }

    @Test
    void stripsTheTimestamp() {
        assertEquals("--> QUIT", MDaemonFormat.withoutTimestamp("Thu 2023-06-08 10:22:06: --> QUIT"));
        assertEquals("no stamp: here", MDaemonFormat.withoutTimestamp("no stamp: here"));
    }
}
