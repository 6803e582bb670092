package org.bouncekit.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bouncekit.BounceClass;
import org.bouncekit.BounceReport;
import org.bouncekit.Decision;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.bouncekit.Verdict;
import org.junit.jupiter.api.Test;

class SummaryWriterTest {

    @Test
    void countsEveryKindAndRecipient() {
        String out = SampleReports.render(OutputFormat.SUMMARY, OutputOptions.DEFAULT, SampleReports.all());
        assertTrue(out.startsWith("messages read         9\n"), out);
        assertLine(out, "  bounce", 4);
        assertLine(out, "  delivery", 0);
        assertLine(out, "  unreadable", 1);
        assertLine(out, "  truncated", 1);
        assertLine(out, "recipients", 8);
        assertLine(out, "  userunknown", 3);
        assertLine(out, "  fix-sender", 1);
        assertLine(out, "  example.org", 2);
        assertLine(out, "  bücher.example", 1);
    }

    @Test
    void kindCountsAddUpToMessagesRead() {
        Tally tally = new Tally();
        SampleReports.all().forEach(item -> tally.add(item.report()));
        long sum = tally.byKind().stream().mapToLong(Tally.Count::count).sum();
        assertEquals(tally.messages(), sum);
        assertEquals(tally.recipients(), tally.byClass().stream().mapToLong(Tally.Count::count).sum());
        assertEquals(tally.recipients(), tally.byDecision().stream().mapToLong(Tally.Count::count).sum());
    }

    @Test
    void listsTheTopDomainsMostFrequentFirst() {
        List<SampleReports.Item> items = new ArrayList<>();
        int index = 0;
        for (String domain : List.of("a.example", "b.example", "b.example", "c.example", "c.example", "c.example")) {
            items.add(new SampleReports.Item("m", index++, bounceTo("x@" + domain)));
        }
        String out = SampleReports.render(OutputFormat.SUMMARY, new OutputOptions(0, false, false, List.of(), 2),
                items);
        String domains = out.substring(out.indexOf("recipient domains"));
        assertEquals("recipient domains (top 2 of 3)\n"
                + "  c.example           3\n"
                + "  b.example           2\n", domains);
    }

    @Test
    void domainsAreCountedLowercaseAndCleaned() {
        List<SampleReports.Item> items = List.of(
                new SampleReports.Item("m", 0, bounceTo("x@Evil.Example\u001b[2J")),
                new SampleReports.Item("m", 1, bounceTo("no-at-sign")));
        String out = SampleReports.render(OutputFormat.SUMMARY, OutputOptions.DEFAULT, items);
        assertFalse(out.contains("\u001b"), out);
        assertTrue(out.contains("\n  evil.example "), out);
        assertTrue(out.contains("  (no domain)"), out);
    }

    @Test
    void domainCountingIsBounded() {
        Tally tally = new Tally();
        for (int i = 0; i < Tally.MAX_DOMAINS + 10; i++) {
            tally.add(bounceTo("x@d" + i + ".example"));
        }
        assertEquals(Tally.MAX_DOMAINS + 1, tally.distinctDomains());
        assertEquals(new Tally.Count(Tally.OTHER_DOMAINS, 10), tally.topDomains(1).get(0));
    }

    @Test
    void emptyScanSaysNone() {
        String out = SampleReports.render(OutputFormat.SUMMARY, OutputOptions.DEFAULT, List.of());
        assertTrue(out.contains("messages read         0"), out);
        assertTrue(out.contains("by reason\n  (none)\n"), out);
    }

    private static void assertLine(String out, String name, long count) {
        boolean found = out.lines().anyMatch(l -> l.startsWith(name + " ") && l.endsWith(" " + count)
                && l.substring(name.length()).strip().equals(Long.toString(count)));
        assertTrue(found, name + " " + count + " in\n" + out);
    }

    private static BounceReport bounceTo(String recipient) {
        Verdict v = new Verdict(recipient, null, null, "failed", "5.1.1", false, 550, false, BounceClass.PERMANENT,
                Reason.USERUNKNOWN, Decision.SUPPRESS, null, null, null, null, null);
        return new BounceReport(MessageKind.BOUNCE, null, null, null, null, List.of(v), null, false);
    }
}
