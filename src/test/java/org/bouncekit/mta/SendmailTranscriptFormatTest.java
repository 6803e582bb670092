package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.bouncekit.MessageKind;
import org.junit.jupiter.api.Test;

class SendmailTranscriptFormatTest {
    private final SendmailTranscriptFormat format = new SendmailTranscriptFormat(100);

    @Test
    void eachSummaryLineIsARecipientWithTheRemoteReplyWhenThereIsOne() {
        DecodedBounce d = format.decode(MtaFixtures.parse("sendmail5-transcript.eml"));
        assertNotNull(d);
        assertEquals(MessageKind.BOUNCE, d.kind());
        assertEquals(3, d.records().size());

        RecipientRecord ken = d.records().get(0);
        assertEquals("ken@corp.example", ken.recipient());
        assertEquals(550, ken.replyCode());
        assertNull(ken.status());
        assertEquals("550 <ken@corp.example>... no such user", ken.diagnostic());
        assertEquals("RCPT", ken.command());
        assertEquals("mx.corp.example", ken.remoteMta());
        assertEquals("failed", ken.action());

        // Sendmail's own 554 wraps the name server's answer: the 550 inside is the reply.
        RecipientRecord liz = d.records().get(1);
        assertEquals("liz@nowhere.example", liz.recipient());
        assertEquals(550, liz.replyCode());
        assertEquals("550 Host unknown (Authoritative answer from name server)", liz.diagnostic());
        assertNull(liz.remoteMta());

        RecipientRecord mo = d.records().get(2);
        assertEquals("delayed", mo.action());
        assertEquals(451, mo.replyCode());
    }

    @Test
    void messagesWithoutATranscriptAreNotOurs() {
        assertNull(format.decode(MtaFixtures.parse("qmail-two-recipients.eml")));
    }
}
