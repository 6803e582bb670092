package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

class DragonFlyFormatTest {
    private final DragonFlyFormat format = new DragonFlyFormat();

    @Test
    void rejectedRecipientCarriesTheServersReplyHostAndCommand() {
        DecodedBounce d = format.decode(MtaFixtures.parse("dragonfly-rcpt.eml"));
        assertNotNull(d);
        RecipientRecord r = d.records().get(0);
        MtaFixtures.assertRecord(r, "grace@far.example", "5.2.2", 552, "552 5.2.2 <grace@far.example>: mailbox over quota");
        assertEquals("mx1.far.example", r.remoteMta());
        assertEquals("RCPT", r.command());
        assertNull(r.reasonHint());
    }

    @Test
    void queueTimeoutIsExpired() {
        DecodedBounce d = format.decode(MtaFixtures.parse("dragonfly-timeout.eml"));
        assertNotNull(d);
        RecipientRecord r = d.records().get(0);
        assertEquals("heidi@slow.example", r.recipient());
        assertNull(r.status());
        assertNull(r.replyCode());
        assertEquals("Could not deliver for the last 604800 seconds. Giving up.", r.diagnostic());
        assertEquals(Reason.EXPIRED, r.reasonHint());
    }

    @Test
    void otherBouncesAreNotOurs() {
        assertNull(format.decode(MtaFixtures.parse("qmail-two-recipients.eml")));
    }
}
