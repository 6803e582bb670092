package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

class EximFormatTest {
    private final EximFormat format = new EximFormat(100);

    @Test
    void eachIndentedAddressIsARecipientWithTheServersReplyHostAndCommand() {
        DecodedBounce d = format.decode(MtaFixtures.parse("exim-failed.eml"));
        assertNotNull(d);
        assertEquals(MessageKind.BOUNCE, d.kind());
        assertEquals(3, d.records().size());

        RecipientRecord oscar = d.records().get(0);
        MtaFixtures.assertRecord(oscar, "oscar@far.example", "5.1.1", 550, "550 5.1.1 <oscar@far.example>: Recipient address rejected: no such user");
        assertEquals("RCPT", oscar.command());
        assertEquals("mx.far.example", oscar.remoteMta());
        assertEquals("failed", oscar.action());

        RecipientRecord pat = d.records().get(1);
        assertEquals("pat@old.example", pat.recipient());
        assertNull(pat.status());
        assertEquals(554, pat.replyCode());
        assertEquals("554 Sender domain has no reverse DNS", pat.diagnostic());
        assertEquals("MAIL", pat.command());
        assertEquals("mail.old.example", pat.remoteMta());
    }

    @Test
    void pipeDeliveryNamesTheGeneratingAddressAndThePrintedError() {
        RecipientRecord quinn = format.decode(MtaFixtures.parse("exim-failed.eml")).records().get(2);
        assertEquals("quinn@hub.shop.example", quinn.recipient());
        assertEquals("autoresponder: cannot open template: Permission denied", quinn.diagnostic());
        assertEquals(Reason.MAILERERROR, quinn.reasonHint());
    }

    @Test
    void delayWarningGivesDelayedRecords() {
        DecodedBounce d = format.decode(MtaFixtures.parse("exim-delayed.eml"));
        assertNotNull(d);
        assertEquals(MessageKind.DELAY, d.kind());
        RecipientRecord r = d.records().get(0);
        assertEquals("rita@slow.example", r.recipient());
        assertEquals("delayed", r.action());
        assertEquals("4.3.0", r.status());
        assertEquals(451, r.replyCode());
        assertEquals("451 4.3.0 Temporary lookup failure, try later", r.diagnostic());
        assertEquals("RCPT", r.command());
        assertEquals("mx.slow.example", r.remoteMta());
    }

    @Test
    void otherBouncesAreNotOurs() {
        assertNull(format.decode(MtaFixtures.parse("qmail-two-recipients.eml")));
    }
}
