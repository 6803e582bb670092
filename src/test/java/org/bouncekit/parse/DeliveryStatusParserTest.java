package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** The colon of a line is found by one search on from the line's start: random reports parse as before. */
    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L})
    void parsesAsBefore(long seed) throws IOException {
        Random random = new Random(seed);
        String[] lines = {"Final-Recipient: rfc822; a@example.org", "Original-Recipient: rfc822;b@example.org",
            "Action: failed", "Status: 5.1.1", " folded: on", "\tmore", "", "  ", "no colon here",
            "Reporting-MTA: dns; mx.example.org", "a name that is far too long to be a field name: x", ": empty",
            "X-Whatever:", "Diagnostic-Code: smtp; 550 5.1.1 user: unknown", "two words: value", "\u212Aey: v",
            "x".repeat(39) + ": 39", "y".repeat(40) + ": 40", "z".repeat(41) + ": 41"};
        for (int t = 0; t < 5_000; t++) {
            StringBuilder body = new StringBuilder();
            int count = random.nextInt(16);
            for (int i = 0; i < count; i++) {
                body.append(lines[random.nextInt(lines.length)]).append(random.nextInt(8) == 0 ? "" : "\n");
            }
            same(body.toString(), 1 + random.nextInt(3));
        }
        try (Stream<Path> files = Files.walk(Path.of("samples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                String text = new String(LineEndings.toLf(Files.readAllBytes(p)), StandardCharsets.UTF_8);
                same(text, 100);
                int blank = text.indexOf("\n\n");
                same(blank < 0 ? text : text.substring(blank + 2), 100);
            }
        }
    }

    private static void same(String body, int maxRecipients) {
        DeliveryStatus before = DeliveryStatusParserBefore.parse(body, maxRecipients);
        assertEquals(before, DeliveryStatusParser.parse(body, maxRecipients), body);
    }
}
