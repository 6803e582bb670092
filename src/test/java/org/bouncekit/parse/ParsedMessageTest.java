package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncekit.Limits;
import org.junit.jupiter.api.Test;

/** The values computed once per message, and the header index, must read as if computed afresh. */
class ParsedMessageTest {
    private static final String THREE_RECIPIENTS = "From: MAILER-DAEMON@mx.example.net\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
            + "--b\nContent-Type: text/plain\n\nThree failures.\n"
            + "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
            + "Final-Recipient: rfc822; a@example.org\nStatus: 5.1.1\n\n"
            + "Final-Recipient: rfc822; b@example.org\nStatus: 5.2.2\n\n"
            + "Final-Recipient: rfc822; c@example.org\nStatus: 4.4.1\n"
            + "--b--\n";

    private static ParsedMessage parse(String message) {
        return new MimeParser(Limits.DEFAULT).parse(message.getBytes(StandardCharsets.UTF_8), Long.MAX_VALUE);
    }

    @Test
    void aReportParsedForFewRecipientsIsParsedAgainWhenMoreAreAskedFor() {
        ParsedMessage m = parse(THREE_RECIPIENTS);
        assertEquals(1, m.deliveryStatusFields(0, 1).recipientFields().size());
        DeliveryStatus all = m.deliveryStatusFields(0, 100);
        assertEquals(3, all.recipientFields().size());
        assertEquals("4.4.1", all.recipientFields().get(2).get("status"));
        assertEquals(2, m.deliveryStatusFields(0, 2).recipientFields().size());
        assertSame(all, m.deliveryStatusFields(0, 50), "a complete parse serves every later limit");
        assertEquals("dns; mx.example.net", m.deliveryStatusFields(0, 0).messageFields().get("reporting-mta"));
    }

    @Test
    void aDerivedValueIsComputedOncePerMessage() {
        AtomicInteger calls = new AtomicInteger();
        ParsedMessage.Derived<String> upper = new ParsedMessage.Derived<>(p -> {
            calls.incrementAndGet();
            return p.subject().toUpperCase();
        });
        ParsedMessage.Derived<String> nothing = new ParsedMessage.Derived<>(p -> {
            calls.incrementAndGet();
            return null;
        });
        ParsedMessage m = parse("Subject: hello\n\nbody\n");
        assertEquals("HELLO", m.derived(upper));
        assertEquals("HELLO", m.derived(upper));
        assertNull(m.derived(nothing));
        assertNull(m.derived(nothing));
        assertEquals(2, calls.get());
        assertEquals("HELLO", parse("Subject: hello\n\nbody\n").derived(upper));
        assertEquals(3, calls.get(), "another message computes its own");
    }

    @Test
    void headerLookUpsIgnoreCaseAndSeeFieldsAddedLater() {
        HeaderBlock h = new HeaderBlock();
        h.add("X-Failed-Recipients", "a@example.org");
        assertEquals("a@example.org", h.first("x-failed-recipients"));
        assertEquals("a@example.org", h.first("X-FAILED-RECIPIENTS"));
        assertNull(h.first("subject"));
        h.add("Subject", "later");
        h.add("subject", "second");
        assertEquals("later", h.first("Subject"), "the first of several");
        assertEquals(java.util.List.of("later", "second"), h.all("SUBJECT"));
    }
}
