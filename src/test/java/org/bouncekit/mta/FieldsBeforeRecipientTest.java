package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** DSNs (Facebook's) whose recipient block puts Status and Diagnostic-Code before Final-Recipient. */
class FieldsBeforeRecipientTest {
    @Test
    void statusAndDiagnosticBelongToTheRecipient() {
        DecodedBounce d = new BounceFormats(100).decode(MtaFixtures.parse("dsn-fields-before-recipient.eml"));
        assertEquals(1, d.records().size());
        RecipientRecord r = d.records().get(0);
        assertEquals("quinn@social.example", r.recipient());
        assertEquals("5.1.1", r.status());
        assertEquals(550, r.replyCode());
        assertEquals("550 5.1.1 Refused due to recipient preferences", r.diagnostic());
    }
}
