package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A DSN's records take diagnostics from the prose part, except those of recipients delivered, relayed or
 * expanded: the prose's error text is another recipient's. A report whose only records are such is not read
 * as prose at all; the answer is the same as when it was.
 */
class DeliveredRecipientProseTest {
    private static DecodedBounce decode(String action, String diagnosticField) {
        String message = """
                From: Mail Delivery System <mailer-daemon@mx.example.net>
                To: sender@example.org
                Subject: Delivery Status Notification
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain

                This is the mail system at host mx.example.net.

                <lee@example.com>: host mx.example.com[192.0.2.9] said: 550 5.1.1 mailbox unknown

                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net

                Final-Recipient: rfc822; lee@example.com
                Action: %s
                Status: 2.0.0
                %s
                --b1--
                """.formatted(action, diagnosticField);
        return new BounceFormats(100).decode(MtaFixtures.parseBytes(message.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aDeliveredRecipientTakesNoErrorTextFromTheProse() {
        for (String action : new String[] {"delivered", "relayed", "Expanded"}) {
            DecodedBounce d = decode(action, "");
            assertEquals(1, d.records().size());
            assertNull(d.records().get(0).diagnostic(), action);
            assertNull(d.records().get(0).replyCode(), action);
        }
    }

    @Test
    void aFailedRecipientWithoutDiagnosticTakesTheProsesText() {
        DecodedBounce d = decode("failed", "");
        RecipientRecord r = d.records().get(0);
        assertEquals(550, r.replyCode());
        assertEquals("body", r.diagnosticField());
    }

    @Test
    void aFailedRecipientWithoutReplyCodeTakesTheProsesCode() {
        DecodedBounce d = decode("failed", "Diagnostic-Code: smtp; mailbox unknown\n");
        RecipientRecord r = d.records().get(0);
        assertEquals("mailbox unknown", r.diagnostic());
        assertEquals(550, r.replyCode());
    }
}
