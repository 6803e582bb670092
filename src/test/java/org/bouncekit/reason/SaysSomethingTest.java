package org.bouncekit.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ReasonRules#saysSomething} reads the tokens in place; it answers as the regex split it replaced did. */
class SaysSomethingTest {
    /** The method as it was: tokens of a regex split, an address token skipped, three letters say something. */
    private static boolean bySplit(String text) {
        int letters = 0;
        for (String token : text.split("\\s+", 200)) {
            if (token.indexOf('@') >= 0) {
                continue;
            }
            for (int i = 0; i < token.length(); i++) {
                if (Character.isLetter(token.charAt(i)) && ++letters >= 3) {
                    return true;
                }
            }
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "ab", " a b ", "abc", "kim@example.org", "* kim@example.org",
            "<kim@example.org>: x y", "a\u00a0b\u2003c", "\u000b\fa\rb\nc", "1 2 3 @abc de"})
    void answersAsTheSplitDid(String text) {
        assertEquals(bySplit(text), ReasonRules.saysSomething(text), text);
    }

    @Test
    void theLastOfTwoHundredTokensIsTheRestOfTheText() {
        // 199 tokens without letters, then a token holding letters and, after white space, an address: as one
        // token of the split it contains an '@' and says nothing
        String head = " 1".repeat(199).substring(1);
        String text = head + " ab c x@example.org";
        assertFalse(ReasonRules.saysSomething(text));
        assertEquals(bySplit(text), ReasonRules.saysSomething(text));
        // one token earlier the letters stand in a token of their own
        String shorter = " 1".repeat(197).substring(1) + " ab c x@example.org";
        assertTrue(ReasonRules.saysSomething(shorter));
        assertEquals(bySplit(shorter), ReasonRules.saysSomething(shorter));
    }

    @Test
    void randomTextsAnswerAsTheSplitDid() {
        Random random = new Random(20261129L);
        String alphabet = "ab1.@ \t\n\r\f\u000b\u00a0\u2003é<>";
        for (int round = 0; round < 20_000; round++) {
            int length = random.nextInt(round % 10 == 0 ? 900 : 40);
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                // mostly white space and digits, so that many texts have many tokens and few letters
                sb.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : random.nextBoolean() ? ' ' : '1');
            }
            String text = sb.toString();
            assertEquals(bySplit(text), ReasonRules.saysSomething(text), text);
        }
    }
}
