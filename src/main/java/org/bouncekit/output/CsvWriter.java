package org.bouncekit.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncekit.BounceReport;
import org.bouncekit.Verdict;

/**
 * One row per recipient (RFC 4180: CRLF line ends, fields quoted when needed, quotes doubled). A message
 * without verdicts still gets a row, with empty recipient fields, so no message is lost. Cells that a
 * spreadsheet would run as a formula are neutralised.
 */
final class CsvWriter implements ResultWriter {
    static final List<String> COLUMNS = List.of("source", "index", "kind", "mta", "recipient", "action", "status",
            "replyCode", "class", "reason", "decision", "remoteMta", "diagnostic", "messageId", "originalMessageId",
            "error");
    static final List<String> CROSSWALK_COLUMNS = List.of("ses", "sparkpost", "postmark", "sendgrid");

    /** Spreadsheets cap a cell at 32,767 characters; longer text is cut so the row stays one row. */
    static final int MAX_CELL_CHARS = 32_000;
    static final String CUT_MARK = "...";
    private static final String EOL = "\r\n";

    private final Writer out;
    private final OutputOptions options;
    private final CrosswalkTable crosswalk;
    private boolean headerWritten;

    CsvWriter(Writer out, OutputOptions options, CrosswalkTable crosswalk) {
        this.out = out;
        this.options = options;
        this.crosswalk = crosswalk;
    }

    @Override
    public void write(String source, int index, BounceReport report) throws IOException {
        Objects.requireNonNull(report, "report");
        writeHeaderOnce();
        if (report.verdicts().isEmpty()) {
            writeRow(source, index, report, null);
        }
        for (Verdict v : report.verdicts()) {
            writeRow(source, index, report, v);
        }
    }

    private void writeHeaderOnce() throws IOException {
        if (headerWritten) {
            return;
        }
        headerWritten = true;
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(options.correlateHeaders());
        if (crosswalk != null) {
            header.addAll(CROSSWALK_COLUMNS);
        }
        writeLine(header);
    }

    private void writeRow(String source, int index, BounceReport r, Verdict v) throws IOException {
        List<String> row = new ArrayList<>(COLUMNS.size() + 8);
        row.add(source);
        row.add(Integer.toString(index));
        row.add(Tally.kindOf(r).wireName());
        row.add(r.mta());
        row.add(v == null ? null : v.recipient());
        row.add(v == null ? null : v.action());
        row.add(v == null ? null : v.status());
        row.add(v == null || v.replyCode() == null ? null : v.replyCode().toString());
        row.add(v == null || v.bounceClass() == null ? null : v.bounceClass().wireName());
        row.add(v == null || v.reason() == null ? null : v.reason().wireName());
        row.add(v == null || v.decision() == null ? null : v.decision().wireName());
        row.add(v == null ? null : v.remoteMta());
        row.add(v == null ? null : v.diagnostic());
        row.add(r.messageId());
        row.add(r.original().messageId());
        row.add(r.error());
        for (String name : options.correlateHeaders()) {
            row.add(CorrelateHeaders.value(r.original().headers(), name));
        }
        if (crosswalk != null) {
            Crosswalk c = v == null ? Crosswalk.NONE : crosswalk.lookup(v.reason(), v.bounceClass());
            row.add(c.ses());
            row.add(c.sparkpost() == null ? null : c.sparkpost().toString());
            row.add(c.postmark());
            row.add(c.sendgrid());
        }
        writeLine(row);
    }

    private void writeLine(List<String> cells) throws IOException {
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        line.append(EOL);
        out.write(line.toString());
    }

    /** One field, guarded against formulas, cut to the spreadsheet limit and quoted when RFC 4180 needs it. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = guardFormula(value);
        if (v.length() > MAX_CELL_CHARS) {
            int end = MAX_CELL_CHARS - CUT_MARK.length();
            if (Character.isHighSurrogate(v.charAt(end - 1))) {
                end--; // never split a surrogate pair
            }
            v = v.substring(0, end) + CUT_MARK;
        }
        return needsQuotes(v) ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    /**
     * A leading {@code = + - @}, tab or CR makes spreadsheets (Excel, LibreOffice, Google Sheets) evaluate
     * the cell, e.g. {@code =HYPERLINK(...)} from a hostile diagnostic; a leading single quote makes it text.
     */
    static String guardFormula(String value) {
        char first = value.charAt(0);
        switch (first) {
            case '=': case '+': case '-': case '@': case '\t': case '\r':
                return "'" + value;
            default:
                return value;
        }
    }

    private static boolean needsQuotes(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        // Leading or trailing spaces survive a round trip only when quoted, for many readers.
        return v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ';
    }

    @Override
    public void close() throws IOException {
        writeHeaderOnce();
        out.flush();
    }
}
