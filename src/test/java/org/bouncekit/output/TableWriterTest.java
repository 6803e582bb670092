package org.bouncekit.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bouncekit.BounceReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableWriterTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 60, 80, 120, 140, 200})
    void nothingFromABounceReachesTheTerminalRaw(int width) {
        String out = SampleReports.render(OutputFormat.TABLE, new OutputOptions(width, true, true,
                List.of(SampleReports.CAMPAIGN_HEADER)), SampleReports.all());
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '\n') {
                continue;
            }
            int type = Character.getType(c);
            assertFalse(type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR,
                    "U+" + Integer.toHexString(c) + " at " + i);
        }
        if (width == 0) {
            assertTrue(out.contains("click here"), "visible text of the hyperlink stays");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 100, 139, 140, 160})
    void linesFitTheTerminal(int width) {
        String out = SampleReports.render(OutputFormat.TABLE, new OutputOptions(width, true, true, List.of()),
                SampleReports.all());
        for (String line : out.split("\n")) {
            assertTrue(TerminalText.width(line) <= width, width + " columns: " + line);
        }
    }

    @Test
    void narrowTerminalsBelowTheMinimumGetTheMinimum() {
        String out = SampleReports.render(OutputFormat.TABLE, new OutputOptions(20, false, false, List.of()),
                SampleReports.benign());
        for (String line : out.split("\n")) {
            assertTrue(TerminalText.width(line) <= TableWriter.MIN_WIDTH, line);
        }
    }

    @Test
    void everyRecipientAndMessageHasARow() {
        String out = SampleReports.render(OutputFormat.TABLE, OutputOptions.DEFAULT, SampleReports.all());
        for (String recipient : List.of("alice@example.com", "bob@example.org", "carol@example.org",
                "dave@example.net", "erin@example.com", "frank@example.com", "user@bücher.example")) {
            assertTrue(out.contains(recipient), recipient);
        }
        assertTrue(out.contains("not-bounce"));
        assertTrue(out.contains("error: MIME part limit reached"));
        assertTrue(out.contains("subject: Re: lunch on Friday?"));
        assertEquals(1, count(out, "RECIPIENT"), "header once");
        assertEquals(3, count(out, "\n== "), "a line for each source");
    }

    @Test
    void footerCountsMessagesByKindAndRecipientsByClassAndDecision() {
        String out = SampleReports.render(OutputFormat.TABLE, OutputOptions.DEFAULT, SampleReports.all());
        String footer = out.substring(out.indexOf("\n\nmessages read:") + 2);
        assertEquals(String.join("\n",
                "messages read: 9",
                "  by kind: bounce 4, delay 1, delivery 0, autoreply 1, feedback 1, not-bounce 1, unreadable 1",
                "  truncated: 1",
                "recipients: 8",
                "  by class: permanent 4, transient 2, informational 2",
                "  by decision: suppress 3, retry 2, fix-sender 1, unsubscribe 1, none 1",
                ""), footer);
    }

    @Test
    void footerWrapsAtTheWidth() {
        String out = SampleReports.render(OutputFormat.TABLE, new OutputOptions(60, false, false, List.of()),
                SampleReports.benign());
        assertTrue(out.contains("  by kind: bounce 3, delay 1, delivery 0, autoreply 1,\n    feedback 1,"), out);
    }

    @Test
    void explainPrintsEvidenceUnderItsVerdict() {
        String out = SampleReports.render(OutputFormat.TABLE, new OutputOptions(0, true, false, List.of()),
                List.of(new SampleReports.Item("a.eml", 0, SampleReports.twoRecipients())));
        List<String> lines = List.of(out.split("\n"));
        int bob = indexOf(lines, "bob@example.org");
        int carol = indexOf(lines, "carol@example.org");
        int evidence = indexOf(lines, "evidence: blocked.phrase [body] \"Client host [198.51.100.7] blocked\"");
        assertTrue(bob < carol && carol < evidence, out);
        assertTrue(out.contains("inferred, not in the bounce: status 4.2.2"), out);
        assertTrue(out.contains("to do: Check the sending IP"), out);
        assertTrue(out.contains("(5.7.1 alone would say policy; the text names a blocklist)"), out);
    }

    @Test
    void withoutExplainNoEvidence() {
        String out = SampleReports.render(OutputFormat.TABLE, OutputOptions.DEFAULT, SampleReports.all());
        assertFalse(out.contains("evidence:"));
    }

    @Test
    void emptyScanPrintsOnlyTheCounts() {
        String out = SampleReports.render(OutputFormat.TABLE, OutputOptions.DEFAULT, List.of());
        assertTrue(out.startsWith("messages read: 0\n"), out);
    }

    @Test
    void hostileTextIsShownCleaned() {
        BounceReport hostile = SampleReports.hostile();
        String out = SampleReports.render(OutputFormat.TABLE, new OutputOptions(0, true, false, List.of()),
                List.of(new SampleReports.Item("h.eml", 0, hostile)));
        assertTrue(out.contains("550 user unknown click here RED txt.exe next line"), out);
        assertTrue(out.contains("mallory@example.com"), out);
        assertTrue(out.contains("remote MTA mx.evil.example"), out);
    }

    @Test
    void invisibleOnlyTextShowsAsDashAndNullSourceOnce() {
        BounceReport r = new BounceReport(org.bouncekit.MessageKind.BOUNCE, null, null, null, null,
                List.of(new org.bouncekit.Verdict("\u001b[2J\u202E", null, null, null, null, false, null, false,
                        null, null, null, "\u0007", null, null, null, null)), null, false);
        String out = SampleReports.render(OutputFormat.TABLE, OutputOptions.DEFAULT,
                List.of(new SampleReports.Item(null, 0, r), new SampleReports.Item(null, 1, r)));
        assertEquals(1, count(out, "== -\n"), out);
        assertTrue(out.contains("    0  bounce      -      "), out);
    }

    private static int indexOf(List<String> lines, String text) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                found.add(i);
            }
        }
        assertEquals(1, found.size(), text + " in " + lines);
        return found.get(0);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
