package org.bouncekit.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import org.bouncekit.BounceReport;

/**
 * Counts only, written when the scan ends: messages by kind (every kind, zeros included, so the accounting
 * adds up), recipients by class, reason and decision, and the most frequent recipient domains.
 */
final class SummaryWriter implements ResultWriter {
    private static final int NAME_WIDTH = 22;
    /** Domain names wider than this are cut; the count column stays aligned. */
    private static final int MAX_NAME_WIDTH = 60;

    private final Writer out;
    private final OutputOptions options;
    private final Tally tally = new Tally();

    SummaryWriter(Writer out, OutputOptions options) {
        this.out = out;
        this.options = options;
    }

    @Override
    public void write(String source, int index, BounceReport report) throws IOException {
        tally.add(Objects.requireNonNull(report, "report"));
    }

    @Override
    public void close() throws IOException {
        List<Tally.Count> domains = tally.topDomains(options.topDomains());
        int nameWidth = NAME_WIDTH;
        for (Tally.Count d : domains) {
            int shown = TerminalText.width(TerminalText.clean(d.name())) + 2;
            nameWidth = Math.max(nameWidth, Math.min(MAX_NAME_WIDTH, shown));
        }
        int countWidth = Long.toString(Math.max(tally.messages(), tally.recipients())).length();

        row("messages read", tally.messages(), 0, nameWidth, countWidth);
        for (Tally.Count c : tally.byKind()) {
            row(c.name(), c.count(), 1, nameWidth, countWidth);
        }
        row("truncated", tally.truncated(), 1, nameWidth, countWidth);
        row("recipients", tally.recipients(), 0, nameWidth, countWidth);

        section("by class", tally.byClass(), nameWidth, countWidth);
        section("by reason", tally.byReason(), nameWidth, countWidth);
        section("by decision", tally.byDecision(), nameWidth, countWidth);
        String title = "recipient domains";
        if (tally.distinctDomains() > domains.size()) {
            title += " (top " + domains.size() + " of " + tally.distinctDomains() + ")";
        }
        section(title, domains, nameWidth, countWidth);
        out.flush();
    }

    private void section(String title, List<Tally.Count> counts, int nameWidth, int countWidth) throws IOException {
        out.write('\n');
        out.write(title);
        out.write('\n');
        if (counts.isEmpty()) {
            out.write("  (none)\n");
        }
        for (Tally.Count c : counts) {
            row(c.name(), c.count(), 1, nameWidth, countWidth);
        }
    }

    private void row(String name, long count, int level, int nameWidth, int countWidth) throws IOException {
        String indent = "  ".repeat(level);
        // Domains come from bounces: untrusted.
        String shown = TerminalText.fit(name, nameWidth - indent.length() - 1);
        out.write(indent);
        out.write(TerminalText.padRight(shown, nameWidth - indent.length()));
        out.write(TerminalText.padLeft(Long.toString(count), countWidth));
        out.write('\n');
    }
}
