package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

class GroupWiseFormatTest {
    private final GroupWiseFormat format = new GroupWiseFormat(100);

    @Test
    void eachIndentedEntryIsARecipientWithGroupWisesReason() {
        DecodedBounce d = format.decode(OddFixtures.parse("groupwise-two-recipients.eml"));
        assertEquals(2, d.records().size());
        MtaFixtures.assertRecord(d.records().get(0), "j.keller@gw.example.org", null, null, "user not found");
        assertEquals(Reason.USERUNKNOWN, d.records().get(0).reasonHint());
        MtaFixtures.assertRecord(d.records().get(1), "m.ortiz@oldbranch.example.org", null, null, "host not found");
        assertEquals(Reason.HOSTUNKNOWN, d.records().get(1).reasonHint());
    }

    @Test
    void aBareUserIdIsMatchedToTheReturnedMessagesRecipient() {
        DecodedBounce d = format.decode(OddFixtures.text("From: Mailer-Daemon@gw.example.net\n"
                + "Subject: Message status - undeliverable\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
                + "Content-Type: text/plain\n\nThe message that you sent was undeliverable to the following:\n"
                + "\tmbathal (User not on post office)\n\n--b\nContent-Type: message/rfc822\n\n"
                + "From: a@shop.example.com\nTo: Maria Bathal <MBathal@gw.example.net>\nSubject: x\n\nx\n--b--\n"));
        assertEquals(1, d.records().size());
        assertEquals("MBathal@gw.example.net", d.records().get(0).recipient());
        assertEquals(Reason.USERUNKNOWN, d.records().get(0).reasonHint());
    }

    @Test
    void otherMailIsNotOurs() {
        assertNull(format.decode(OddFixtures.text("From: a@b.example\nSubject: hi\n\n\tc@d.example (user not found)\n")));
    }
}
