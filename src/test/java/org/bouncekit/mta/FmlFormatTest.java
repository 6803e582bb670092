package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

class FmlFormatTest {
    private final FmlFormat format = new FmlFormat();

    @Test
    void notMemberNoticeNamesTheListAsRejected() {
        DecodedBounce d = format.decode(MtaFixtures.parse("fml-not-member.eml"));
        assertNotNull(d);
        RecipientRecord r = d.records().get(0);
        assertEquals("cats@lists.shop.example", r.recipient());
        assertEquals(Reason.REJECTED, r.reasonHint());
        assertNull(r.status());
        assertNull(r.replyCode());
        assertTrue(r.diagnostic().startsWith("You are not a member of this mailing list"), r.diagnostic());
        assertTrue(!r.diagnostic().contains("From: ivan"), "the quoted post is not the diagnostic");
    }

    @Test
    void mailWithoutTheFmlHeaderIsNotOurs() {
        assertNull(format.decode(MtaFixtures.parse("qmail-two-recipients.eml")));
    }
}
