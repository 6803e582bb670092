package org.bouncekit.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalTextTest {

    @Test
    void removesClearScreenAndColours() {
        assertEquals("before after", TerminalText.clean("before \u001b[2J\u001b[Hafter"));
        assertEquals("RED plain", TerminalText.clean("\u001b[1;31mRED\u001b[0m plain"));
        assertEquals("ab", TerminalText.clean("a\u001b[?1049hb"));
    }

    @Test
    void removesOsc8HyperlinkButKeepsItsText() {
        String st = "\u001b]8;;http://evil.example/\u001b\\click here\u001b]8;;\u001b\\";
        assertEquals("click here", TerminalText.clean(st));
        String bel = "\u001b]8;;http://evil.example/\u0007click here\u001b]8;;\u0007";
        assertEquals("click here", TerminalText.clean(bel));
    }

    @Test
    void removesWindowTitleAndOtherControlStrings() {
        assertEquals("text", TerminalText.clean("\u001b]0;pwned\u0007text"));
        assertEquals("x", TerminalText.clean("\u001bPq#0;2;0;0;0#0~~\u001b\\x")); // DCS (sixel)
        assertEquals("x", TerminalText.clean("\u001b_apc payload\u001b\\x"));
        assertEquals("x", TerminalText.clean("\u001b^pm\u001b\\x"));
    }

    @Test
    void removesEightBitControlSequences() {
        assertEquals("red", TerminalText.clean("\u009b31mred"));
        assertEquals("after", TerminalText.clean("\u009d0;title\u009cafter"));
        assertEquals("ab", TerminalText.clean("a\u0085b").replace(" ", ""));
    }

    @Test
    void removesOtherEscapes() {
        assertEquals("lqk", TerminalText.clean("\u001b(0lqk\u001b(B"));
        assertEquals("reset", TerminalText.clean("\u001bcreset"));
        assertEquals("abc", TerminalText.clean("abc\u001b"));
        assertEquals("ab", TerminalText.clean("a\u001b\u001b[0mb"));
        assertEquals("a", TerminalText.clean("a\u001bb"), "ESC b is itself an escape sequence");
    }

    @Test
    void unterminatedControlStringLosesOnlyItsIntroducer() {
        String cleaned = TerminalText.clean("\u001b]0;title without end");
        assertEquals("0;title without end", cleaned);
    }

    @Test
    void carriageReturnCannotOverwriteWhatWasPrinted() {
        assertEquals("550 user unknown 250 OK delivered", TerminalText.clean("550 user unknown\r250 OK delivered"));
        assertEquals("abcxyz", TerminalText.clean("abc\b\b\bxyz"));
    }

    @Test
    void removesBidiOverridesAndInvisibleCharacters() {
        assertEquals("invoicegnp.exe", TerminalText.clean("invoice\u202Egnp.exe"));
        assertEquals("abc", TerminalText.clean("a\u2066b\u2069c"));
        assertEquals("paypal", TerminalText.clean("pay\u200Bpal\u200D\uFEFF"));
        assertEquals("hidden", TerminalText.clean("hidden\uDB40\uDC41\uDB40\uDC42")); // tag characters
        assertEquals("ab", TerminalText.clean("a\u00ADb"));
        assertEquals("ab", TerminalText.clean("a\u3164b"));
    }

    @Test
    void collapsesLineBreaksAndSpaces() {
        assertEquals("550-5.1.1 no such user 550 5.1.1 try again",
                TerminalText.clean("550-5.1.1 no such user\r\n550 5.1.1\t try   again\r\n"));
        assertEquals("a b c", TerminalText.clean("\n a\u2028b\u2029c \n"));
        assertEquals("a b", TerminalText.clean("a\u000B\u000Cb"));
    }

    @Test
    void removesLoneSurrogatesAndNul() {
        assertEquals("ab", TerminalText.clean("a\uD800b\u0000"));
        assertEquals("a\uD83D\uDE00b", TerminalText.clean("a\uD83D\uDE00b"));
    }

    @Test
    void capsStackedCombiningMarks() {
        String zalgo = "e" + "\u0301".repeat(50);
        assertEquals("e" + "\u0301".repeat(4), TerminalText.clean(zalgo));
        assertEquals("x", TerminalText.clean("\u0301x"));
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", TerminalText.clean(null));
        assertEquals("", TerminalText.fit(null, 10));
    }

    @ParameterizedTest
    @CsvSource({"abcdefghij,8,abcde...", "abcdefgh,8,abcdefgh", "abcdefghi,3,abc", "a b c d e f,7,a b..."})
    void fitCutsWithEllipsis(String text, int width, String expected) {
        assertEquals(expected, TerminalText.fit(text, width));
    }

    @Test
    void fitCountsWideCharactersAsTwoColumns() {
        String japanese = "ユーザが存在しません";
        assertEquals(20, TerminalText.width(japanese));
        String fitted = TerminalText.fit(japanese, 10);
        assertEquals("ユーザ...", fitted);
        assertTrue(TerminalText.width(fitted) <= 10);
    }

    @Test
    void fitIgnoresRemovedEscapes() {
        assertEquals("abc", TerminalText.fit("\u001b[31mabc\u001b[0m", 3));
    }

    @Test
    void paddingUsesColumnsNotChars() {
        assertEquals("ユー  |", TerminalText.padRight("ユー", 6) + "|");
        assertEquals("  ab", TerminalText.padLeft("ab", 4));
    }

    @Test
    void wrapBreaksAtSpacesWithinTheWidth() {
        assertEquals(List.of("to do: remove", "the address", "from your list."),
                TerminalText.wrap("to do: remove the address\nfrom your list.", 15, 5));
        assertEquals(List.of("abcdefghij", "klm"), TerminalText.wrap("abcdefghijklm", 10, 5));
        assertEquals(List.of("ユーザが存", "在しません"), TerminalText.wrap("ユーザが存在しません", 10, 5));
        assertEquals(List.of("one two three"), TerminalText.wrap("one \u001b[2Jtwo three", 0, 1));
        assertEquals(List.of(""), TerminalText.wrap(null, 10, 3));
    }

    @Test
    void wrapStopsAtMaxLinesWithEllipsis() {
        List<String> lines = TerminalText.wrap("aaaa bbbb cccc dddd eeee ffff", 9, 2);
        assertEquals(List.of("aaaa bbbb", "cccc d..."), lines);
        String huge = "word ".repeat(5_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertEquals(3, TerminalText.wrap(huge, 20, 3).size()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u001b]", "\u001b[", "\u009d", "\u001bP", "\u001b(", "\r\n"})
    void stayLinearOnRepeatedIntroducers(String unit) {
        String hostile = unit.repeat(500_000) + "end";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            String cleaned = TerminalText.clean(hostile);
            assertFalse(cleaned.contains("\u001b"));
        });
    }

    @Test
    void fitStopsReadingOnceFull() {
        String huge = "x".repeat(20_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertEquals(10, TerminalText.fit(huge, 10).length()));
    }

    /** Seeded random strings from a hostile alphabet: the output never holds anything a terminal acts on. */
    @Test
    void randomHostileInputNeverLeaksControls() {
        String[] alphabet = {"\u001b", "[", "]", "\\", "\u0007", "\u009b", "\u009c", "\u009d", "\r", "\n", "\b",
                "\u202E", "\u2066", "\u200B", "\u2028", "\uD800", "\uDC00", "a", "Z", "1", ";", "ユ", "\u0301",
                "P", "(", "\u0000", "\u007f", " "};
        Random random = new Random(20250301L);
        for (int run = 0; run < 5_000; run++) {
            StringBuilder s = new StringBuilder();
            int len = random.nextInt(60);
            for (int i = 0; i < len; i++) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            int width = random.nextInt(30);
            String out = TerminalText.fit(s, width);
            for (int i = 0; i < out.length(); ) {
                int cp = out.codePointAt(i);
                int type = Character.getType(cp);
                assertFalse(type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR,
                        () -> "leaked U+" + Integer.toHexString(cp) + " from " + escape(s));
                i += Character.charCount(cp);
            }
            if (width > 0) {
                assertTrue(TerminalText.width(out) <= width, () -> "too wide for " + width + ": " + escape(s));
            }
            assertEquals(out, out.strip());
            assertFalse(out.contains("  "));
        }
    }

    private static String escape(CharSequence s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(cp < 0x20 || cp > 0x7E ? String.format("\\u%04x", cp)
                : String.valueOf((char) cp)));
        return b.toString();
    }
}
