package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncekit.Limits;
import org.junit.jupiter.api.Test;

/** Values that come from the reader are made when first asked for, once, and read as eagerly made ones did. */
class HeaderBlockTest {
    @Test
    void aValueIsMadeOnceWhenAskedFor() {
        HeaderBlock b = new HeaderBlock();
        String text = "received: from x\nSubject: =?utf-8?Q?caf=C3=A9?=";
        b.addLater("Received", text, 10, 16);
        b.add("Subject", "plain");
        b.addLater("received", text, 26, text.length());
        assertTrue(b.has("Received"));
        assertEquals("from x", b.first("received"));
        assertEquals("from x", b.first("RECEIVED"));
        assertEquals(List.of("from x", "caf\u00e9"), b.all("received"));
        assertSame(b.first("received"), b.valueAt(0), "made once");
        assertEquals("plain", b.first("subject"));
        assertNull(b.first("to"));
    }

    @Test
    void valuesAddedLaterAndNowMixAcrossGrowth() {
        HeaderBlock b = new HeaderBlock();
        String text = "abcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < 100; i++) {
            if (i % 3 == 0) {
                b.add("X-" + i, "now" + i);
            } else {
                b.addLater("X-" + i, text, i % 20, i % 20 + 3);
            }
        }
        for (int i = 99; i >= 0; i--) {
            assertEquals(i % 3 == 0 ? "now" + i : text.substring(i % 20, i % 20 + 3), b.first("x-" + i), "field " + i);
        }
    }

    @Test
    void valuesFromTheReaderAreUnfoldedAndDecoded() {
        String message = "Subject: =?utf-8?Q?caf=C3=A9?=\n =?utf-8?Q?_cr=C3=A8me?=  \nX-Folded:  a\n\tb \n"
                + "X-Latin: \u00e9t\u00e9\nX-Empty:\nX-Crlf: one\r\n two\r\n\r\nbody\n";
        ParsedMessage m = new MimeParser(Limits.DEFAULT).parse(message.getBytes(StandardCharsets.UTF_8),
                System.nanoTime() + 1_000_000_000L);
        HeaderBlock h = m.headers();
        assertEquals("caf\u00e9 cr\u00e8me", h.first("subject"));
        assertEquals("a\tb", h.first("x-folded"));
        assertEquals("\u00e9t\u00e9", h.first("x-latin"));
        assertEquals("", h.first("x-empty"));
        assertEquals("one two", h.first("x-crlf"));
        for (int i = 0; i < h.size(); i++) {
            assertEquals(h.valueAt(i), MimeParser.decodeHeader(h.valueAt(i)), "decoded once: " + h.names().get(i));
        }
    }

    @Test
    void lookUpsFindTheFirstFieldOfEachNameInSmallAndLargeBlocks() {
        for (int fields : new int[] {0, 1, 7, 40, 300}) {
            HeaderBlock b = new HeaderBlock();
            for (int i = 0; i < fields; i++) {
                b.add("X-Field-" + (i % 50), "v" + i);
            }
            for (int i = 0; i < Math.min(fields, 50); i++) {
                assertEquals("v" + i, b.first("x-field-" + i), fields + " fields");
                assertEquals("v" + i, b.first("X-FIELD-" + i), fields + " fields");
            }
            assertNull(b.first("x-field-" + fields % 50 + "0"));
            assertEquals(fields > 0, b.has("x-field-0"));
        }
    }

    @Test
    void namesWhoseHashesCollideAreStillFoundAndMissed() {
        // "a@" and "b!" share String.hashCode, so every name spelled from them does: 2^9 colliding names
        List<String> colliding = new java.util.ArrayList<>(List.of(""));
        for (int k = 0; k < 9; k++) {
            List<String> longer = new java.util.ArrayList<>();
            for (String c : colliding) {
                longer.add(c + "a@");
                longer.add(c + "b!");
            }
            colliding = longer;
        }
        HeaderBlock b = new HeaderBlock();
        for (int i = 0; i < colliding.size() - 1; i++) {
            b.add(colliding.get(i), "v" + i);
        }
        b.add(colliding.get(0), "later");
        for (int i = 0; i < colliding.size() - 1; i++) {
            assertEquals("v" + i, b.first(colliding.get(i)));
        }
        assertNull(b.first(colliding.get(colliding.size() - 1)), "the one name left out");
    }

    @Test
    void namesFromTheReaderAreLowercaseHoweverTheyAreSpelled() {
        String longName = "X-" + "Abc".repeat(14);
        String message = "Content-Type: text/plain\ncontent-type: a\nCONTENT-TYPE: b\nContent-Type: c\n"
                + "X-Spam_Score: 1\nx-spam_score: 2\n" + longName + ": 3\n" + longName + ": 4\n\nbody\n";
        for (int round = 0; round < 2; round++) { // the second time the names come from the shared cache
            HeaderBlock h = new MimeParser(Limits.DEFAULT).parse(message.getBytes(StandardCharsets.UTF_8),
                    System.nanoTime() + 2_000_000_000L).headers();
            String lower = longName.toLowerCase(java.util.Locale.ROOT);
            assertEquals(List.of("content-type", "content-type", "content-type", "content-type", "x-spam_score",
                    "x-spam_score", lower, lower), h.names());
            assertEquals(List.of("text/plain", "a", "b", "c"), h.all("content-type"));
        }
    }
}
