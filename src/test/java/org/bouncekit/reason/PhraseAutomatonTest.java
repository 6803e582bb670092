package org.bouncekit.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The automaton (a dense table for ASCII, sparse edges for other chars) against a naive reference written
 * from its contract: the phrase with the lowest table index that occurs wins; a gap phrase "a ... b" matches
 * at the first "b" (by position) that has an "a" ending at most {@link PhraseTable#GAP} chars before it,
 * with the latest such "a". Phrase and matched text must both agree.
 */
class PhraseAutomatonTest {
    private static final PhraseTable BUILT_IN = PhraseTable.builtIn();

    /** The contract, phrase by phrase with indexOf: slow, obviously right. */
    static PhraseTable.Hit naiveFind(List<PhraseTable.Phrase> phrases, String text) {
        for (PhraseTable.Phrase p : phrases) {
            String first = p.parts()[0];
            if (p.parts().length == 1) {
                if (text.contains(first)) {
                    return new PhraseTable.Hit(p, first);
                }
                continue;
            }
            String second = p.parts()[1];
            for (int s = text.indexOf(second); s >= 0; s = text.indexOf(second, s + 1)) {
                int a = text.lastIndexOf(first, s - first.length());
                if (a >= 0 && s - (a + first.length()) <= PhraseTable.GAP) {
                    return new PhraseTable.Hit(p, text.substring(a, s + second.length()));
                }
            }
        }
        return null;
    }

    static void assertSameHit(PhraseTable.Hit expected, PhraseTable.Hit actual, String text) {
        String why = "text: " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        if (expected == null) {
            assertNull(actual, why);
        } else {
            assertNotNull(actual, why);
            assertEquals(expected.phrase(), actual.phrase(), why);
            assertEquals(expected.matched(), actual.matched(), why);
        }
    }

    /** Every fixture message of the project, sorted; more than a hundred. */
    static List<Path> fixtureMessages() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src", "test", "resources", "fixtures"))) {
            files = s.filter(p -> p.toString().endsWith(".eml")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.size() > 100, "fixtures found: " + files.size());
        return files;
    }

    @Test
    void agreesWithTheNaiveReferenceOnEveryFixtureMessage() throws IOException {
        List<Path> files = fixtureMessages();
        int hits = 0;
        for (Path f : files) {
            String text = TextNormalizer.normalize(Files.readString(f, StandardCharsets.ISO_8859_1));
            String utf8 = TextNormalizer.normalize(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            for (String t : new String[] {text, utf8}) {
                PhraseTable.Hit expected = naiveFind(BUILT_IN.phrases(), t);
                assertSameHit(expected, BUILT_IN.find(t), f + " " + t);
                hits += expected == null ? 0 : 1;
            }
        }
        assertTrue(hits > files.size(), "most fixtures hold a phrase: " + hits);
    }

    @Test
    void agreesWithTheNaiveReferenceOnStitchedTextsWithOtherScripts() {
        // fragments of real phrases (Cyrillic, Japanese, accented ones too), separated by chars in no phrase,
        // runs of filler or nothing, so that partial matches, overlaps and failure links across scripts occur
        List<PhraseTable.Phrase> all = BUILT_IN.phrases();
        String[] separators = {" ", "", "\u4e00", "\u00ff", "\u0416 ", "~", "\t"};
        Random random = new Random(7);
        for (int round = 0; round < 5000; round++) {
            StringBuilder sb = new StringBuilder();
            int pieces = 1 + random.nextInt(8);
            for (int i = 0; i < pieces; i++) {
                String p = all.get(random.nextInt(all.size())).text().replace(" ... ", " ");
                int from = random.nextInt(Math.max(1, p.length() / 2));
                int to = random.nextInt(3) == 0 ? p.length() : from + random.nextInt(p.length() - from + 1);
                sb.append(p, from, to);
                sb.append(random.nextInt(4) == 0 ? "y".repeat(random.nextInt(100))
                        : separators[random.nextInt(separators.length)]);
            }
            String text = TextNormalizer.normalize(sb.toString());
            assertSameHit(naiveFind(all, text), BUILT_IN.find(text), text);
        }
    }

    @Test
    void smallTablesWithSharedPrefixesAndSuffixesMatchTheReference() throws IOException {
        PhraseTable t = PhraseTable.read(new BufferedReader(new StringReader(
                "[blocked]\nab ... ab\n[spamdetected]\nabab\n[userunknown]\nb\n[mailboxfull]\n\u044f\u0449\u0438\u043a"
                        + " ... \u043f\u043e\u043b\u043e\u043d\n[hostunknown]\nx\u00e9y\n")), "test");
        String[] texts = {"abab", "ab ab", "aab xx ab", "ab", "b", "ba", "abcab", "\u044f\u0449\u0438\u043a \u043f\u043e\u043b\u043e\u043d",
            "\u044f\u0449\u044f\u0449\u0438\u043a\u043f\u043e\u043b\u043e\u043d", "xey", "xxey", "\u044f\u0449\u0438\u043a",
            TextNormalizer.normalize("x\u00c9y"), "a\u0100b"};
        for (String text : texts) {
            assertSameHit(naiveFind(t.phrases(), text), t.find(text), text);
        }
    }

    @Test
    void theBuiltInTableHasTheSixteenBitLayout() {
        assertTrue(new PhraseAutomaton(BUILT_IN.phrases()).shortTables());
    }

    /**
     * A table of more than {@link PhraseAutomaton#SHORT_STATES} states keeps the int layout; both layouts against
     * the reference, on texts stitched from the phrases and random chars so that phrases and near misses occur.
     */
    @Test
    void tablesTooLargeForSixteenBitsAndSmallerOnesMatchTheReference() throws IOException {
        for (int phraseCount : new int[] {1_500, 5_000}) {
            Random random = new Random(phraseCount);
            String alphabet = "abcd e\u00e9";
            StringBuilder table = new StringBuilder("[blocked]\n");
            for (int p = 0; p < phraseCount; p++) {
                table.append(randomWord(random, alphabet, 10 + random.nextInt(12)));
                if (p % 7 == 0) {
                    table.append(" ... ").append(randomWord(random, alphabet, 5 + random.nextInt(6)));
                }
                table.append('\n');
            }
            PhraseTable t = PhraseTable.read(new BufferedReader(new StringReader(table.toString())), "large");
            PhraseAutomaton automaton = new PhraseAutomaton(t.phrases());
            assertEquals(phraseCount < 3_000, automaton.shortTables(), "phrases: " + phraseCount);
            for (int k = 0; k < 300; k++) {
                StringBuilder text = new StringBuilder();
                for (int piece = 0; piece < 6; piece++) {
                    String[] parts = t.phrases().get(random.nextInt(phraseCount)).parts();
                    String part = parts[random.nextInt(parts.length)];
                    // a whole part, or a part cut short: a near miss deep in the automaton
                    text.append(random.nextBoolean() ? part : part.substring(0, 1 + random.nextInt(part.length())));
                    text.append(randomWord(random, alphabet, random.nextInt(40)));
                }
                String normalized = TextNormalizer.normalize(text.toString());
                assertSameHit(naiveFind(t.phrases(), normalized), t.find(normalized), normalized);
            }
        }
    }

    private static String randomWord(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
