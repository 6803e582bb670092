package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The section reader that searches the lowercased text agrees with the line-by-line one, also where the two
 * lowercasings differ (U+0130 lengthens under String.toLowerCase) and past the line limit.
 */
class ProseLinesSectionTest {
    private static final List<String> STARTS = List.of("failed:", "not yet delivered");
    private static final List<String> ENDS = List.of("-- copy", "original");
    private static final String[] PIECES = {
        "failed:", "FAILED:", "FA\u0130LED:", "not yet delivered", "Not  yet delivered", "-- copy", "  -- COPY",
        "orig\u0130nal", "original", "Original", "a@b.example", " ", "\t", "\n", "\n", "\n", "\r", "x", "\u0130", "\u03a3"};

    @Test
    void agreesWithTheLineByLineReading() {
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(16); i > 0; i--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            assertSame(text.toString(), STARTS, ENDS);
            assertSame(text.toString(), STARTS, List.of());
            assertSame(text.toString(), List.of("f\u0130"), ENDS); // not ASCII: read line by line
        }
    }

    @Test
    void agreesPastTheLineLimit() {
        String many = "x\n".repeat(1998);
        assertSame(many + "failed:\na\n-- copy\n", STARTS, ENDS);
        assertSame(many + "y\nfailed:\na\n-- copy\n", STARTS, ENDS);
        assertSame("failed:\n" + many + "a\nb\n-- copy\nc", STARTS, ENDS);
        assertSame("failed:\n" + many + "-- copy\nc", STARTS, ENDS);
    }

    @Test
    void readsTheLinesBetweenStartAndEnd() {
        String text = "Hello\nThe following address(es) FAILED:\n  a@b.example\n    reply\n------ This is a copy\nrest";
        assertEquals(List.of("  a@b.example", "    reply"),
                ProseLines.section(text, new IndexedText(TextMarkers.lowerSameLength(text)), List.of("address(es) failed:"),
                        List.of("------ this is a copy")));
    }

    private static void assertSame(String text, List<String> starts, List<String> ends) {
        assertEquals(ProseLines.section(text, starts, ends),
                ProseLines.section(text, new IndexedText(TextMarkers.lowerSameLength(text)), starts, ends), () -> "text '" + text + "'");
    }
}
