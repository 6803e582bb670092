package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The record of four-char sequences only ever shortens a search: every answer is String's own. */
class IndexedTextTest {
    @Test
    void answersAsStringDoes() {
        Random random = new Random(5);
        String alphabet = "abcd \n\u0130\u00e9";
        for (int round = 0; round < 5_000; round++) {
            String text = randomText(random, alphabet, random.nextInt(60));
            IndexedText indexed = new IndexedText(text);
            for (int k = 0; k < 20; k++) {
                String needle = randomText(random, alphabet, random.nextInt(8));
                int from = random.nextInt(text.length() + 2) - 1;
                assertEquals(text.contains(needle), indexed.contains(needle), () -> text + " / " + needle);
                assertEquals(text.indexOf(needle), indexed.indexOf(needle), () -> text + " / " + needle);
                assertEquals(text.indexOf(needle, from), indexed.indexOf(needle, from), () -> text + " / " + needle);
                IndexedText.Marker marker = new IndexedText.Marker(needle);
                assertEquals(text.indexOf(needle), indexed.indexOf(marker), () -> text + " / " + needle);
                assertEquals(indexed.mayContain(needle), indexed.mayContain(marker), () -> text + " / " + needle);
            }
        }
    }

    @Test
    void lowercasesAsLowerSameLengthDoes() {
        Random random = new Random(9);
        String alphabet = "aBcD? \n\u00c0\u00e9\u0130\u03a3\ud801\udc00";
        for (int round = 0; round < 5_000; round++) {
            String text = randomText(random, alphabet, random.nextInt(40))
                    + (random.nextInt(4) == 0 ? "\ud801\udc00" : ""); // a whole pair too, not only lone halves
            IndexedText indexed = IndexedText.lowercased(text);
            String lower = TextMarkers.lowerSameLength(text);
            assertEquals(lower, indexed.text());
            for (int k = 0; k < 10; k++) {
                String needle = randomText(random, "abcd \u00e0i\u03c3", random.nextInt(6));
                assertEquals(lower.indexOf(needle), indexed.indexOf(needle), () -> text + " / " + needle);
            }
        }
    }

    @Test
    void rulesOutAMarkerWithoutSearching() {
        IndexedText indexed = new IndexedText("this is the mail system at host mx.example.org.");
        assertTrue(indexed.mayContain("mail system at host"));
        assertFalse(indexed.mayContain("transcript of session follows"));
        assertTrue(indexed.mayContain("abc"), "too short to rule out");
    }

    @Test
    void aLongTextIsSearchedWithoutARecord() {
        IndexedText indexed = new IndexedText("x".repeat(IndexedText.MAX_INDEXED + 1));
        assertTrue(indexed.mayContain("transcript of session follows"));
        assertFalse(indexed.contains("transcript of session follows"));
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
