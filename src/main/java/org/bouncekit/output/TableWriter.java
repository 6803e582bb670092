package org.bouncekit.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncekit.BounceReport;
import org.bouncekit.Evidence;
import org.bouncekit.OriginalMessage;
import org.bouncekit.Verdict;

/**
 * Aligned columns for a person, one row per recipient, then the accounting: messages by kind, recipients by
 * class and decision. Every text from a bounce goes through {@link TerminalText}.
 *
 * <p>Rows stream as messages arrive, so column widths are fixed rather than measured. A wide terminal (or
 * no width limit) gets one line per recipient; a narrower one gets two, so that 80 columns stay readable:
 * <pre>
 *     #  KIND        DECISION     CODE         RECIPIENT
 *        CLASS          REASON           DIAGNOSTIC
 * </pre>
 */
final class TableWriter implements ResultWriter {
    /** From this width on, one line per recipient; below it, two. */
    static final int WIDE_LAYOUT_MIN_WIDTH = 140;
    /** Narrower terminals are treated as this wide: a narrower table would be unreadable anyway. */
    static final int MIN_WIDTH = 60;

    private static final int INDEX = 5;
    private static final int KIND = 10;
    private static final int CLASS = 13;
    private static final int REASON = 15;
    private static final int DECISION = 11;
    private static final int CODE = 11;
    private static final int GAP = 2;
    private static final String SPACE = " ".repeat(GAP);
    private static final String INDENT = " ".repeat(INDEX + GAP);
    private static final int UNLIMITED_RECIPIENT = 40;
    private static final String EMPTY = "-";
    private static final int DETAIL_LINES = 4;
    private static final int DIAGNOSTIC_LINES = 10;

    private final Writer out;
    private final OutputOptions options;
    private final CrosswalkTable crosswalk;
    private final Tally tally = new Tally();
    /** Columns per line; 0 means no limit. */
    private final int width;
    private final boolean wide;
    private final int recipientWidth;
    private String lastSource;
    private boolean sourceShown;
    private boolean headerWritten;

    TableWriter(Writer out, OutputOptions options, CrosswalkTable crosswalk) {
        this.out = out;
        this.options = options;
        this.crosswalk = crosswalk;
        this.width = options.terminalWidth() == 0 ? 0 : Math.max(MIN_WIDTH, options.terminalWidth());
        this.wide = width == 0 || width >= WIDE_LAYOUT_MIN_WIDTH;
        if (width == 0) {
            recipientWidth = UNLIMITED_RECIPIENT;
        } else if (wide) {
            int rest = width - (INDEX + KIND + CLASS + REASON + DECISION + CODE + 7 * GAP);
            recipientWidth = Math.max(24, Math.min(UNLIMITED_RECIPIENT, rest * 2 / 5));
        } else {
            recipientWidth = width - (INDEX + KIND + DECISION + CODE + 4 * GAP);
        }
    }

    @Override
    public void write(String source, int index, BounceReport report) throws IOException {
        Objects.requireNonNull(report, "report");
        tally.add(report);
        if (!headerWritten) {
            headerWritten = true;
            writeHeader();
        }
        if (!sourceShown || !Objects.equals(lastSource, source)) {
            sourceShown = true;
            lastSource = source;
            line(TerminalText.fit("== " + (source == null ? EMPTY : source), width));
        }
        String kind = Tally.kindOf(report).wireName();
        if (report.verdicts().isEmpty()) {
            String note = report.error() != null ? "error: " + report.error()
                    : report.subject() != null ? "subject: " + report.subject() : null;
            row(index, kind, null, null, null, null, null, note);
        }
        for (Verdict v : report.verdicts()) {
            row(index, kind, v.recipient(), v.bounceClass() == null ? null : v.bounceClass().wireName(),
                    v.reason() == null ? null : v.reason().wireName(),
                    v.decision() == null ? null : v.decision().wireName(), code(v), v.diagnostic());
            if (options.explain()) {
                explain(v);
            }
        }
        if (options.explain()) {
            explain(report);
        }
    }

    private void writeHeader() throws IOException {
        if (wide) {
            line(cells("#", "KIND", "RECIPIENT", "CLASS", "REASON", "DECISION", "CODE", "DIAGNOSTIC"));
        } else {
            line(cells("#", "KIND", "DECISION", "CODE", "RECIPIENT"));
            line(INDENT + cells2("CLASS", "REASON", "DIAGNOSTIC"));
        }
    }

    private void row(int index, String kind, String recipient, String bounceClass, String reason,
                     String decision, String code, String diagnostic) throws IOException {
        String idx = Integer.toString(index);
        String cls = orEmpty(bounceClass);
        String rsn = orEmpty(reason);
        String dec = orEmpty(decision);
        String cod = orEmpty(code);
        String rcpt = shown(recipient, recipientWidth);
        String diag = shown(diagnostic, diagnosticWidth());
        if (wide) {
            line(cells(idx, kind, rcpt, cls, rsn, dec, cod, diag));
        } else {
            line(cells(idx, kind, dec, cod, rcpt));
            if (recipient != null || diagnostic != null) {
                line(INDENT + cells2(cls, rsn, diag));
            }
        }
    }

    /** Evidence and details of one verdict, indented under its row. */
    private void explain(Verdict v) throws IOException {
        if (cutInRow(v.diagnostic())) {
            detail("diagnostic: " + v.diagnostic(), DIAGNOSTIC_LINES);
        }
        for (Evidence e : v.evidence()) {
            // Single spaces only: TerminalText collapses runs of them.
            StringBuilder s = new StringBuilder("evidence: ").append(e.rule());
            if (e.field() != null) {
                s.append(" [").append(e.field()).append(']');
            }
            if (e.matched() != null) {
                s.append(" \"").append(e.matched()).append('"');
            }
            if (e.note() != null) {
                s.append(" (").append(e.note()).append(')');
            }
            detail(s.toString());
        }
        List<String> inferred = new ArrayList<>(2);
        if (v.statusInferred() && v.status() != null) {
            inferred.add("status " + v.status());
        }
        if (v.replyCodeInferred() && v.replyCode() != null) {
            inferred.add("reply code " + v.replyCode());
        }
        if (!inferred.isEmpty()) {
            detail("inferred, not in the bounce: " + String.join(", ", inferred));
        }
        List<String> parts = new ArrayList<>(4);
        if (v.originalRecipient() != null && !v.originalRecipient().equals(v.recipient())) {
            parts.add("original recipient " + v.originalRecipient());
        }
        if (v.finalRecipient() != null && !v.finalRecipient().equals(v.recipient())) {
            parts.add("final recipient " + v.finalRecipient());
        }
        if (v.action() != null) {
            parts.add("action " + v.action());
        }
        if (v.remoteMta() != null) {
            parts.add("remote MTA " + v.remoteMta());
        }
        if (v.command() != null) {
            parts.add("command " + v.command());
        }
        if (!parts.isEmpty()) {
            detail(String.join("; ", parts));
        }
        if (v.recommendedAction() != null) {
            detail("to do: " + v.recommendedAction());
        }
        if (crosswalk != null) {
            Crosswalk c = crosswalk.lookup(v.reason(), v.bounceClass());
            detail("crosswalk: SES " + orEmpty(c.ses()) + "; SparkPost "
                    + (c.sparkpost() == null ? EMPTY : c.sparkpost().toString()) + "; Postmark "
                    + orEmpty(c.postmark()) + "; SendGrid " + orEmpty(c.sendgrid()));
        }
    }

    /** What ties the message back to what was sent, and whether it was cut short. */
    private void explain(BounceReport report) throws IOException {
        if (report.verdicts().isEmpty() && report.error() != null && cutInRow("error: " + report.error())) {
            detail("error: " + report.error(), DIAGNOSTIC_LINES);
        }
        OriginalMessage o = report.original();
        List<String> parts = new ArrayList<>(4);
        if (o.messageId() != null) {
            parts.add("message-id " + o.messageId());
        }
        if (o.from() != null) {
            parts.add("from " + o.from());
        }
        if (o.to() != null) {
            parts.add("to " + o.to());
        }
        if (o.subject() != null) {
            parts.add("subject " + o.subject());
        }
        for (Map.Entry<String, String> h : CorrelateHeaders.ordered(o.headers(), options.correlateHeaders())) {
            parts.add(h.getKey() + ": " + h.getValue());
        }
        if (!parts.isEmpty()) {
            detail("original: " + String.join("; ", parts));
        }
        if (report.truncated()) {
            detail("truncated: the message exceeded a read limit and was classified from its beginning");
        }
    }

    private void detail(String text) throws IOException {
        detail(text, DETAIL_LINES);
    }

    /** An explanation line under a row, wrapped (not cut) at the width: explaining is about the details. */
    private void detail(String text, int maxLines) throws IOException {
        List<String> lines = TerminalText.wrap(text, width == 0 ? 0 : limit(width, INDENT.length() + 2), maxLines);
        for (int i = 0; i < lines.size(); i++) {
            line((i == 0 ? INDENT : INDENT + "  ") + lines.get(i));
        }
    }

    /** True when the row showed only the start of {@code text} (null: nothing was cut). */
    private boolean cutInRow(String text) {
        if (text == null || width == 0) {
            return false;
        }
        // A little more room gives a longer result exactly when the text did not fit.
        int available = diagnosticWidth();
        return !TerminalText.fit(text, available).equals(TerminalText.fit(text, available + 4));
    }

    /** Columns for the diagnostic in a row; 0 means no limit. */
    private int diagnosticWidth() {
        int used = wide
                ? INDEX + KIND + recipientWidth + CLASS + REASON + DECISION + CODE + 7 * GAP
                : INDEX + GAP + CLASS + GAP + REASON + GAP;
        return limit(width, used);
    }

    private String cells(String... values) {
        int[] widths = wide
                ? new int[] {INDEX, KIND, recipientWidth, CLASS, REASON, DECISION, CODE}
                : new int[] {INDEX, KIND, DECISION, CODE};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                s.append(SPACE);
            }
            if (i == 0) {
                s.append(TerminalText.padLeft(values[i], INDEX));
            } else if (i < values.length - 1) {
                s.append(TerminalText.padRight(values[i], widths[i]));
            } else {
                s.append(values[i]);
            }
        }
        return s.toString();
    }

    private static String cells2(String bounceClass, String reason, String diagnostic) {
        return TerminalText.padRight(bounceClass, CLASS) + SPACE + TerminalText.padRight(reason, REASON) + SPACE
                + diagnostic;
    }

    private static String code(Verdict v) {
        if (v.replyCode() == null && v.status() == null) {
            return null;
        }
        if (v.replyCode() == null) {
            return TerminalText.fit(v.status(), CODE);
        }
        String code = v.status() == null ? v.replyCode().toString() : v.replyCode() + " " + v.status();
        return TerminalText.fit(code, CODE);
    }

    /** Untrusted text cleaned and fitted, or "-" when nothing visible is left. */
    private static String shown(String text, int maxWidth) {
        String s = TerminalText.fit(text, maxWidth);
        return s.isEmpty() ? EMPTY : s;
    }

    private static String orEmpty(String s) {
        return s == null ? EMPTY : s;
    }

    /** Columns left for the last cell; 0 (no limit) stays 0, and at least a few columns remain. */
    private static int limit(int width, int used) {
        return width == 0 ? 0 : Math.max(8, width - used);
    }

    private void line(String text) throws IOException {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        out.write(text, 0, end);
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        if (headerWritten) {
            line("");
        }
        line("messages read: " + tally.messages());
        list("  by kind: ", tally.byKind());
        if (tally.truncated() > 0) {
            line("  truncated: " + tally.truncated());
        }
        line("recipients: " + tally.recipients());
        list("  by class: ", tally.byClass());
        list("  by decision: ", tally.byDecision());
        out.flush();
    }

    /** "label: a 1, b 2, ..." wrapped at the width, continuation lines indented. */
    private void list(String label, List<Tally.Count> counts) throws IOException {
        StringBuilder s = new StringBuilder(label);
        String indent = "    ";
        int lineStart = 0;
        for (int i = 0; i < counts.size(); i++) {
            String item = counts.get(i).name() + " " + counts.get(i).count() + (i < counts.size() - 1 ? "," : "");
            boolean first = i == 0;
            if (!first && width > 0 && s.length() - lineStart + 1 + item.length() > width) {
                line(s.toString());
                s.setLength(0);
                s.append(indent);
                lineStart = 0;
            } else if (!first) {
                s.append(' ');
            }
            s.append(item);
        }
        line(s.toString());
    }
}
