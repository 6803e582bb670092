package org.bouncekit.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncekit.BounceClass;
import org.bouncekit.BounceReport;
import org.bouncekit.Decision;
import org.bouncekit.MessageKind;
import org.bouncekit.OriginalMessage;
import org.bouncekit.Reason;
import org.bouncekit.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {
    private static final List<String> HEADER = List.of("source", "index", "kind", "mta", "recipient", "action",
            "status", "replyCode", "class", "reason", "decision", "remoteMta", "diagnostic", "messageId",
            "originalMessageId", "error");

    @Test
    void oneRowPerRecipientAndOneForEachMessageWithoutVerdicts() {
        List<SampleReports.Item> items = SampleReports.all();
        List<List<String>> rows = parse(SampleReports.render(OutputFormat.CSV, OutputOptions.DEFAULT, items));
        assertEquals(HEADER, rows.get(0));
        int expected = 0;
        for (SampleReports.Item item : items) {
            expected += Math.max(1, item.report().verdicts().size());
        }
        assertEquals(expected, rows.size() - 1);
        for (List<String> row : rows) {
            assertEquals(HEADER.size(), row.size(), row.toString());
        }
    }

    @Test
    void messageWithoutVerdictsKeepsItsKindAndError() {
        BounceReport unreadable = BounceReport.unreadable("bad, \"broken\"\nMIME");
        List<List<String>> rows = parse(render(unreadable, OutputOptions.DEFAULT));
        List<String> row = rows.get(1);
        assertEquals("unreadable", row.get(HEADER.indexOf("kind")));
        assertEquals("", row.get(HEADER.indexOf("recipient")));
        assertEquals("bad, \"broken\"\nMIME", row.get(HEADER.indexOf("error")));
    }

    @Test
    void quotesPerRfc4180AndRoundTrips() {
        String out = render(SampleReports.twoRecipients(), OutputOptions.DEFAULT);
        assertTrue(out.contains("\"554-5.7.1 Service unavailable; Client host [198.51.100.7] blocked\n554 5.7.1"
                + " using zen.spamhaus.org\""), out);
        assertTrue(out.endsWith("\r\n"));
        List<List<String>> rows = parse(out);
        assertEquals("554-5.7.1 Service unavailable; Client host [198.51.100.7] blocked\n554 5.7.1 using"
                + " zen.spamhaus.org", rows.get(2).get(HEADER.indexOf("diagnostic")));
        assertEquals("452", rows.get(1).get(HEADER.indexOf("replyCode")));
        assertEquals("fix-sender", rows.get(2).get(HEADER.indexOf("decision")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3",
            "@SUM(A1:A9)", "\t=1+1", "\r=1+1"})
    void neutralisesFormulas(String diagnostic) {
        List<List<String>> rows = parse(render(reportWithDiagnostic(diagnostic), OutputOptions.DEFAULT));
        assertEquals("'" + diagnostic, rows.get(1).get(HEADER.indexOf("diagnostic")));
    }

    @Test
    void guardsEveryUntrustedColumnNotOnlyTheDiagnostic() {
        Verdict v = new Verdict("=cmd@example.com", null, null, "failed", "@5.1.1", false, 550, false,
                BounceClass.PERMANENT, Reason.USERUNKNOWN, Decision.SUPPRESS, "ok", "-mx.example", null, null, null);
        BounceReport r = new BounceReport(MessageKind.BOUNCE, "+id", "postfix", null,
                new OriginalMessage("=orig", null, null, null, Map.of()), List.of(v), null, false);
        List<String> row = parse(SampleReports.render(OutputFormat.CSV, OutputOptions.DEFAULT,
                List.of(new SampleReports.Item("=source.eml", 0, r)))).get(1);
        for (String column : List.of("source", "recipient", "status", "remoteMta", "messageId", "originalMessageId")) {
            assertTrue(row.get(HEADER.indexOf(column)).startsWith("'"), column + ": " + row);
        }
        assertEquals("ok", row.get(HEADER.indexOf("diagnostic")));
    }

    @Test
    void ordinaryCellsAreNeitherQuotedNorGuarded() {
        assertEquals("alice@example.com", CsvWriter.cell("alice@example.com"));
        assertEquals("", CsvWriter.cell(null));
        assertEquals("\"a,b\"", CsvWriter.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.cell("say \"hi\""));
        assertEquals("\" padded \"", CsvWriter.cell(" padded "));
        assertEquals("'-ERR", CsvWriter.cell("-ERR"));
    }

    @Test
    void cutsCellsAtTheSpreadsheetLimit() {
        String huge = "x".repeat(100_000);
        String cell = CsvWriter.cell(huge);
        assertEquals(CsvWriter.MAX_CELL_CHARS, cell.length());
        assertTrue(cell.endsWith(CsvWriter.CUT_MARK));
        String emoji = "a" + "\uD83D\uDE00".repeat(20_000);
        String cut = CsvWriter.cell(emoji);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - CsvWriter.CUT_MARK.length() - 1)));
    }

    @Test
    void correlateAndCrosswalkColumnsFollowTheFixedOnes() {
        OutputOptions options = new OutputOptions(0, false, true, List.of(SampleReports.CAMPAIGN_HEADER));
        List<List<String>> rows = parse(render(SampleReports.userUnknown(), options));
        List<String> header = rows.get(0);
        assertEquals(HEADER, header.subList(0, HEADER.size()));
        assertEquals(List.of(SampleReports.CAMPAIGN_HEADER, "ses", "sparkpost", "postmark", "sendgrid"),
                header.subList(HEADER.size(), header.size()));
        List<String> row = rows.get(1);
        assertEquals("spring-2025", row.get(header.indexOf(SampleReports.CAMPAIGN_HEADER)));
        assertEquals("Permanent/NoEmail", row.get(header.indexOf("ses")));
        assertEquals("10", row.get(header.indexOf("sparkpost")));
    }

    @Test
    void correlateHeaderLookupIgnoresCase() {
        OutputOptions options = new OutputOptions(0, false, false, List.of("x-campaign-id"));
        List<List<String>> rows = parse(render(SampleReports.userUnknown(), options));
        assertEquals("spring-2025", rows.get(1).get(rows.get(0).indexOf("x-campaign-id")));
    }

    @Test
    void emptyScanStillWritesTheHeader() {
        List<List<String>> rows = parse(SampleReports.render(OutputFormat.CSV, OutputOptions.DEFAULT, List.of()));
        assertEquals(List.of(HEADER), rows);
    }

    private static BounceReport reportWithDiagnostic(String diagnostic) {
        Verdict v = new Verdict("a@example.com", null, null, "failed", "5.0.0", false, 550, false,
                BounceClass.PERMANENT, Reason.UNDEFINED, Decision.RETRY, diagnostic, null, null, null, null);
        return new BounceReport(MessageKind.BOUNCE, null, null, null, null, List.of(v), null, false);
    }

    private static String render(BounceReport report, OutputOptions options) {
        return SampleReports.render(OutputFormat.CSV, options, List.of(new SampleReports.Item("x.eml", 0, report)));
    }

    /** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes and embedded line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = csv.length();
        while (i < n) {
            char c = csv.charAt(i);
            if (c == '"' && field.length() == 0) {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new AssertionError("unterminated quoted field");
                    }
                    char q = csv.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && csv.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(q);
                    i++;
                }
                if (i < n && csv.charAt(i) != ',' && csv.charAt(i) != '\r') {
                    throw new AssertionError("text after closing quote at " + i);
                }
                continue;
            }
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                if (i + 1 >= n || csv.charAt(i + 1) != '\n') {
                    throw new AssertionError("bare CR outside quotes at " + i);
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else {
                if (c == '"' || c == '\n') {
                    throw new AssertionError("unquoted " + (c == '"' ? "quote" : "LF") + " at " + i);
                }
                field.append(c);
                i++;
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            throw new AssertionError("last record not ended by CRLF");
        }
        return rows;
    }
}
