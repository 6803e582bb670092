package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeldNoticesTest {
    @Test
    void phraseMatchesAcrossWrappedLinesAndRunsOfWhiteSpace() {
        assertTrue(HeldNotices.flatContains("your post is held\n  for\tmoderation now", "held for moderation"));
        assertTrue(HeldNotices.flatContains("held for moderation", "held for moderation"));
        assertFalse(HeldNotices.flatContains("heldfor moderation", "held for moderation"));
        assertFalse(HeldNotices.flatContains("held for moderat", "held for moderation"));
        assertFalse(HeldNotices.flatContains("held for\n", "held for "));
        assertEquals("pending moderation",
                HeldNotices.firstPhrase("a post\r\npending\r\n moderation", List.of("held for moderation", "pending moderation")));
    }

    /** The direct match agrees with flattening the text first, for odd phrases too (leading, double, other white space). */
    @Test
    void agreesWithFlatteningFirst() {
        Random random = new Random(7);
        String alphabet = "ab \n\t\u00a0\u2028";
        List<String> phrases = List.of("a", "ab", "a b", "b a b", "a  b", " a", "a ", "a\tb", "", "\u00a0a", "ab ba");
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (String p : phrases) {
                assertEquals(flat(text.toString()).contains(p), HeldNotices.flatContains(text.toString(), p),
                        () -> "text '" + text + "' phrase '" + p + "'");
            }
        }
    }

    /** Each run of white space (as Character.isWhitespace sees it) as one space, none at the ends. */
    private static String flat(String s) {
        StringBuilder sb = new StringBuilder();
        for (String word : s.split("\\p{javaWhitespace}+")) {
            if (!word.isEmpty()) {
                sb.append(sb.length() > 0 ? " " : "").append(word);
            }
        }
        return sb.toString();
    }
}
