package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Field names come out lowercase (Locale.ROOT) however they are spelled, known or not. */
class DeliveryStatusParserTest {
    @Test
    void knownAndUnknownNamesAreLowercasedAndTrimmed() {
        DeliveryStatus d = DeliveryStatusParser.parse("""
                REPORTING-MTA: dns; mx.example.org
                X-Queue-Thing:  abc\s
                Arrival-Date : Mon, 1 Jan 2024

                Final-Recipient: rfc822; a@example.org
                aCtIoN: failed
                Status: 5.1.1
                """, 10);
        assertEquals(Map.of("reporting-mta", "dns; mx.example.org", "x-queue-thing", "abc",
                "arrival-date", "Mon, 1 Jan 2024"), d.messageFields());
        assertEquals(List.of(Map.of("final-recipient", "rfc822; a@example.org", "action", "failed",
                "status", "5.1.1")), d.recipientFields());
    }

    @Test
    void aNameWithNonAsciiLettersIsLowercasedAsToLowerCaseDoes() {
        // the Kelvin sign lowercases to an ASCII k, the long s stays itself: neither is the known name
        DeliveryStatus d = DeliveryStatusParser.parse("Action\u212A: x\n\u017Ftatus: y\nStatu\u212A: z\n", 10);
        assertEquals(Map.of("actionk", "x", "\u017Ftatus", "y", "statuk", "z"), d.messageFields());
    }
}
