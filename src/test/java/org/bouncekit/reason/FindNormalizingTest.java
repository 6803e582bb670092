package org.bouncekit.reason;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PhraseTable#findNormalizing} normalizes the text on the way through the automaton; it answers as
 * {@code find(TextNormalizer.normalize(text))} did, phrase and matched words alike.
 */
class FindNormalizingTest {
    private static final PhraseTable BUILT_IN = PhraseTable.builtIn();

    private static void assertSameAsNormalizedFirst(String text) {
        PhraseAutomatonTest.assertSameHit(BUILT_IN.find(TextNormalizer.normalize(text)), BUILT_IN.findNormalizing(text),
                text);
    }

    @Test
    void everyFixtureMessageAnswersAsItsNormalizedText() throws IOException {
        for (Path f : PhraseAutomatonTest.fixtureMessages()) {
            assertSameAsNormalizedFirst(Files.readString(f, StandardCharsets.ISO_8859_1));
            assertSameAsNormalizedFirst(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
    }

    @Test
    void stitchedPhrasesInAnyCaseAndSpacingAnswerAsTheirNormalizedText() {
        // pieces of real phrases (gap phrases among them) in mixed case, joined by runs of white space and
        // controls, accented and decomposed letters (the full Unicode path), dropped chars and other scripts
        List<PhraseTable.Phrase> all = BUILT_IN.phrases();
        String[] separators = {" ", "", "  \t", "\n\n ", "\u00a0", "\u2003", "\u0000", "\u007f", "e\u0301", "\u00c9",
            "\u4e00", "\u0416 ", "~", "\u200b", "\u00ad"};
        Random random = new Random(20261129L);
        for (int round = 0; round < 10_000; round++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextBoolean()) {
                sb.append(separators[random.nextInt(separators.length)]);
            }
            int pieces = 1 + random.nextInt(8);
            for (int i = 0; i < pieces; i++) {
                String p = all.get(random.nextInt(all.size())).text();
                if (random.nextInt(3) > 0) {
                    p = p.replace(" ... ", " " + "y".repeat(random.nextInt(90)) + " ");
                }
                int from = random.nextInt(3) == 0 ? random.nextInt(Math.max(1, p.length() / 2)) : 0;
                String piece = p.substring(from);
                piece = switch (random.nextInt(3)) {
                    case 0 -> piece.toUpperCase(java.util.Locale.ROOT);
                    case 1 -> piece.replace(" ", " \t ");
                    default -> piece;
                };
                sb.append(piece).append(separators[random.nextInt(separators.length)]);
            }
            assertSameAsNormalizedFirst(sb.toString());
        }
    }

    @Test
    void emptyAndBlankTextsFindNothing() {
        for (String text : new String[] {"", " ", "\t\n", "\u00a0\u2003"}) {
            assertNull(BUILT_IN.findNormalizing(text), text);
        }
    }
}
