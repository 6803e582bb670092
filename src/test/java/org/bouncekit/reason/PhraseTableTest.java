package org.bouncekit.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

class PhraseTableTest {
    private static PhraseTable table(String text) throws IOException {
        return PhraseTable.read(new BufferedReader(new StringReader(text)), "test");
    }

    @Test
    void firstPhraseInTableOrderWinsNotFirstInText() throws IOException {
        PhraseTable t = table("[mailboxfull]\nmailbox full\n[userunknown]\nuser unknown\n");
        PhraseTable.Hit hit = t.find(TextNormalizer.normalize("User unknown; earlier: mailbox full"));
        assertEquals(Reason.MAILBOXFULL, hit.phrase().reason());
    }

    @Test
    void sectionsMayRepeatSoCompoundPhrasesCanComeFirst() throws IOException {
        PhraseTable t = table("[norelaying]\nrelay access denied\n[blocked]\naccess denied\n[norelaying]\nrelay denied\n");
        assertEquals(Reason.NORELAYING, t.find("554 relay access denied").phrase().reason());
        assertEquals(Reason.BLOCKED, t.find("554 access denied").phrase().reason());
    }

    @Test
    void gapPhraseNeedsBothPartsWithinTheGap() throws IOException {
        PhraseTable t = table("[virusdetected]\nvirus ... found\n");
        assertNotNull(t.find("virus eicar found"));
        assertNull(t.find("virus " + "x".repeat(PhraseTable.GAP + 1) + " found"));
        // a later "virus" close to "found" still matches after an early one too far away
        PhraseTable.Hit hit = t.find("virus " + "x".repeat(200) + " virus w32 found");
        assertEquals("virus w32 found", hit.matched());
        assertNull(t.find("found virus"));
    }

    @Test
    void whiteSpaceAndCaseAreNormalized() throws IOException {
        PhraseTable t = table("[userunknown]\nUser   Unknown\n");
        assertNotNull(t.find(TextNormalizer.normalize("550 USER\r\n   unknown")));
    }

    @Test
    void badTablesAreRejectedWithTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table("# c\n[nosuchreason]\nx\n"));
        assertTrue(e.getMessage().contains("test:2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> table("orphan phrase\n"));
        assertTrue(e.getMessage().contains("test:1"), e.getMessage());
    }

    @Test
    void builtInTableLoadsAndHasPhrasesForTheMainReasons() {
        PhraseTable t = PhraseTable.builtIn();
        assertTrue(t.size() > 500, t.toString());
        for (Reason r : new Reason[] {Reason.USERUNKNOWN, Reason.MAILBOXFULL, Reason.HOSTUNKNOWN, Reason.BLOCKED,
                Reason.SPAMDETECTED, Reason.MESGTOOBIG, Reason.EXPIRED}) {
            assertTrue(t.phrases().stream().anyMatch(p -> p.reason() == r), r.wireName());
        }
    }

    @Test
    void matchingAMegabyteOfAdversarialTextStaysLinear() {
        // Many starts of gap phrases ("virus", "client host", "hostname") with their second part only
        // at the very end: a naive rescan per start would be quadratic (~10^11 steps here).
        StringBuilder sb = new StringBuilder(1 << 20);
        String[] unit = {"virus ", "client host ", "hostname ", "exceeded ", "mail for ", "a"};
        int k = 0;
        while (sb.length() < (1 << 20)) {
            sb.append(unit[k++ % unit.length]);
        }
        sb.append(" found in message rdns does not resolve message rate loops back to myself");
        String text = TextNormalizer.normalize(sb.toString());
        PhraseTable t = PhraseTable.builtIn();
        PhraseTable.Hit hit = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> t.find(text));
        assertNotNull(hit);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> t.find("a".repeat(1 << 20)));
    }

    @Test
    void theAutomatonAgreesWithThePhraseByPhraseScan() {
        // texts stitched from fragments of real phrases, so that near-misses, overlaps and gap
        // phrases with the second part too far away all occur
        PhraseTable t = PhraseTable.builtIn();
        java.util.Random random = new java.util.Random(42);
        java.util.List<PhraseTable.Phrase> all = t.phrases();
        for (int round = 0; round < 3000; round++) {
            StringBuilder sb = new StringBuilder();
            int pieces = 1 + random.nextInt(6);
            for (int i = 0; i < pieces; i++) {
                String p = all.get(random.nextInt(all.size())).text().replace(" ... ", " ");
                int from = random.nextInt(Math.max(1, p.length() / 2));
                int to = random.nextInt(4) == 0 ? p.length() : from + random.nextInt(p.length() - from + 1);
                sb.append(p, from, to);
                sb.append(random.nextBoolean() ? " " : "x".repeat(random.nextInt(120)));
            }
            String text = TextNormalizer.normalize(sb.toString());
            PhraseTable.Hit a = t.find(text);
            PhraseTable.Hit b = t.findByScan(text);
            String why = "text: " + text;
            if (b == null) {
                assertNull(a, why);
            } else {
                assertNotNull(a, why);
                assertEquals(b.phrase(), a.phrase(), why);
                if (b.phrase().parts().length == 1) {
                    assertEquals(b.matched(), a.matched(), why);
                }
            }
        }
    }

    @Test
    void overlappingAndRepeatedPartsMatchLikeTheScan() throws IOException {
        PhraseTable t = table("[blocked]\nab ... ab\n[spamdetected]\nabab\n[userunknown]\nb\n");
        for (String text : new String[] {"abab", "ab ab", "aab xx ab", "ab", "b", "ba", "abcab"}) {
            PhraseTable.Hit a = t.find(text);
            PhraseTable.Hit b = t.findByScan(text);
            assertEquals(b == null ? null : b.phrase(), a == null ? null : a.phrase(), text);
        }
    }
}
