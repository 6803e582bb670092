package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

class QmailFormatTest {
    private final QmailFormat format = new QmailFormat(100);

    @Test
    void eachAngleBracketLineStartsARecipientWithTheServersOwnWords() {
        DecodedBounce d = format.decode(MtaFixtures.parse("qmail-two-recipients.eml"));
        assertNotNull(d);
        assertEquals(MessageKind.BOUNCE, d.kind());
        assertEquals(3, d.records().size());

        RecipientRecord alice = d.records().get(0);
        MtaFixtures.assertRecord(alice, "alice@far.example", "5.1.1", 550, "550-5.1.1 The mailbox alice@far.example 550 5.1.1 does not exist here");
        assertEquals("RCPT", alice.command());
        assertEquals("198.51.100.7", alice.remoteMta());
        assertNull(alice.reasonHint());

        RecipientRecord bob = d.records().get(1);
        assertEquals("bob@shop.example", bob.recipient());
        assertEquals("5.1.1", bob.status());
        assertNull(bob.replyCode());
        assertEquals("Sorry, no mailbox here by that name. (#5.1.1)", bob.diagnostic());
        assertEquals(Reason.USERUNKNOWN, bob.reasonHint());

        RecipientRecord carol = d.records().get(2);
        assertEquals("5.1.2", carol.status());
        assertEquals(Reason.HOSTUNKNOWN, carol.reasonHint());
    }

    @Test
    void derivedLayoutWithOriginalMessageFollowsMarker() {
        DecodedBounce d = format.decode(MtaFixtures.parse("qmail-variant-sender-rejected.eml"));
        assertNotNull(d);
        assertEquals(1, d.records().size());
        RecipientRecord r = d.records().get(0);
        MtaFixtures.assertRecord(r, "erin@corp.example", "5.7.1", 554, "554 5.7.1 Sender address rejected: domain blacklisted");
        assertEquals("MAIL", r.command());
        assertEquals("203.0.113.40", r.remoteMta());
    }

    @Test
    void otherMailIsNotOurs() {
        byte[] raw = "From: a@b.example\nSubject: hi\n\n<x@y.example>: hello\n".getBytes(StandardCharsets.UTF_8);
        assertNull(format.decode(MtaFixtures.parseBytes(raw)));
    }
}
