package org.bouncekit.hostile;

import static org.bouncekit.hostile.HostileInputs.latin1;
import static org.bouncekit.hostile.HostileInputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bouncekit.BounceClassifier;
import org.bouncekit.BounceReport;
import org.bouncekit.MessageKind;
import org.bouncekit.Verdict;
import org.bouncekit.cli.Main;
import org.bouncekit.output.OutputFormat;
import org.bouncekit.output.OutputOptions;
import org.bouncekit.output.ResultWriter;
import org.bouncekit.output.ResultWriters;
import org.bouncekit.source.MessageSources;
import org.bouncekit.source.RawMessage;
import org.bouncekit.source.SourceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Issue 6's hostile input suite: every input is generated here. For each: no exception escapes, exactly one
 * result per message, bounded time (a hang guard, not a benchmark), valid JSON, terminal-safe table, CSV
 * without formula starts; where a limit bites, the report says truncated (or unreadable, with an error).
 */
class HostileInputTest {
    /** A hang guard: the default per-message budget is 2 s; this is generous for slow, shared machines. */
    static final Duration GUARD = Duration.ofSeconds(10);
    static final BounceClassifier CLASSIFIER = BounceClassifier.create();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** One generated message and what must hold for its report beyond the invariants. */
    record Case(String name, Supplier<byte[]> input, Consumer<BounceReport> expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One generated mbox file and how many messages it holds. */
    record MboxCase(String name, String fileName, Supplier<byte[]> input, int messages) {
        @Override
        public String toString() {
            return name;
        }
    }

    // ---- expectations ----

    static Consumer<BounceReport> any() {
        return r -> { };
    }

    /** A limit bit: the report must say so. */
    static Consumer<BounceReport> limited() {
        return r -> assertTrue(r.truncated() || r.kind() == MessageKind.UNREADABLE && r.error() != null,
                () -> "a limit bit but the report says neither truncated nor unreadable: " + brief(r));
    }

    static Consumer<BounceReport> kind(MessageKind kind) {
        return r -> assertEquals(kind, r.kind(), () -> "kind of " + brief(r));
    }

    /** Nothing to classify: not a bounce (no error), or unreadable with the reason; never a verdict. */
    static Consumer<BounceReport> nothingToClassify() {
        return r -> {
            assertTrue(r.kind() == MessageKind.NOT_BOUNCE || r.kind() == MessageKind.UNREADABLE, () -> brief(r));
            assertTrue(r.verdicts().isEmpty(), () -> brief(r));
        };
    }

    /** A bounce whose recipients are exactly {@code recipients}. */
    static Consumer<BounceReport> bounceFor(String... recipients) {
        return r -> {
            assertEquals(MessageKind.BOUNCE, r.kind(), () -> "kind of " + brief(r));
            assertEquals(Set.of(recipients), recipients(r), () -> "recipients of " + brief(r));
        };
    }

    /** Includes {@code recipient} among possibly others. */
    static Consumer<BounceReport> hasRecipient(String recipient) {
        return r -> assertTrue(recipients(r).contains(recipient), () -> recipient + " missing in " + brief(r));
    }

    static Consumer<BounceReport> verdictCount(int count) {
        return r -> assertEquals(count, r.verdicts().size(), "verdicts");
    }

    @SafeVarargs
    static Consumer<BounceReport> all(Consumer<BounceReport>... checks) {
        return r -> {
            for (Consumer<BounceReport> c : checks) {
                c.accept(r);
            }
        };
    }

    /** A report in one short line (a 5,000-recipient report printed whole buries the failure). */
    static String brief(BounceReport r) {
        List<String> first = new ArrayList<>();
        for (Verdict v : r.verdicts()) {
            if (first.size() == 5) {
                first.add("...");
                break;
            }
            first.add(v.recipient() + " " + v.status() + " " + v.replyCode() + " " + v.reason());
        }
        return r.kind() + (r.truncated() ? " truncated" : "") + (r.error() != null ? " error=" + r.error() : "")
                + " mta=" + r.mta() + " verdicts=" + r.verdicts().size() + " " + first;
    }

    static Set<String> recipients(BounceReport r) {
        Set<String> out = new HashSet<>();
        r.verdicts().forEach(v -> out.add(v.recipient()));
        return out;
    }

    // ---- the inputs ----

    static Case text(String name, Supplier<String> input, Consumer<BounceReport> expect) {
        return new Case(name, () -> utf8(input.get()), expect);
    }

    static Stream<Case> cases() {
        return Stream.of(
                text("nested multipart reusing the parent's boundary", HostileInputs::nestedReusingParentBoundary,
                        hasRecipient("alice@example.com")),
                text("unterminated boundary", HostileInputs::unterminatedBoundary, bounceFor("alice@example.com")),
                text("boundary never present", HostileInputs::boundaryNeverPresent, any()),
                text("10,000-part multipart", () -> HostileInputs.manyParts(10_000), limited()),
                text("200-level multipart nesting", () -> HostileInputs.nestedMultiparts(200), limited()),
                text("200-level message/rfc822 nesting", () -> HostileInputs.nestedMessages(200), limited()),
                text("1 MB header line", () -> HostileInputs.longHeaderLine(1 << 20), limited()),
                text("100,000 header lines", () -> HostileInputs.manyHeaderLines(100_000), limited()),
                text("100,000 folded continuation lines", () -> HostileInputs.manyFoldedLines(100_000), limited()),
                new Case("50 MB base64 attachment in the returned message",
                        () -> HostileInputs.bigAttachment(50L << 20),
                        all(limited(), bounceFor("alice@example.com"))),
                text("invalid base64", HostileInputs::invalidBase64, any()),
                text("invalid quoted-printable", HostileInputs::invalidQuotedPrintable, any()),
                text("unknown charsets", HostileInputs::unknownCharsets, bounceFor("alice@example.com")),
                text("invalid charset names", HostileInputs::invalidCharsetNames, any()),
                text("10 KB charset name", () -> HostileInputs.longCharsetName(10_240), any()),
                new Case("NUL bytes", HostileInputs::nulBytes, bounceFor("alice@example.com")),
                new Case("binary garbage", () -> HostileInputs.binaryGarbage(256 << 10, 42), any()),
                new Case("binary garbage after headers", () -> HostileInputs.garbageAfterHeaders(1 << 20), any()),
                new Case("all NUL bytes", () -> new byte[1 << 20], any()),
                new Case("empty file", () -> new byte[0], nothingToClassify()),
                new Case("one newline", () -> utf8("\n"), nothingToClassify()),
                new Case("three bytes", () -> utf8("a:\n"), nothingToClassify()),
                new Case("only From_ lines", () -> utf8("From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n".repeat(1000)),
                        any()),
                text("mixed LF, CRLF and CR", HostileInputs::mixedLineEndings, bounceFor("alice@example.com")),
                text("DSN with 10,000 recipients", () -> HostileInputs.manyRecipients(10_000, true),
                        all(limited(), verdictCount(CLASSIFIER.limits().maxRecipients()))),
                text("DSN with 10,000 recipients, diagnostics only in prose",
                        () -> HostileInputs.manyRecipients(10_000, false),
                        all(limited(), verdictCount(CLASSIFIER.limits().maxRecipients()))),
                text("malformed and repeated delivery-status fields", HostileInputs::malformedStatusFields,
                        hasRecipient("alice@example.com")),
                text("missing delivery-status fields", HostileInputs::missingStatusFields, any()),
                text("delivery-status with 200,000 blank lines", () -> HostileInputs.blankLineFlood(100_000),
                        bounceFor("alice@example.com")),
                text("Status 9.9.9", () -> HostileInputs.dsnFor("9.9.9", "999 9.9.9 odd"), hasRecipient("alice@example.com")),
                text("Status 5.1.1.1", () -> HostileInputs.dsnFor("5.1.1.1", "550 user unknown"),
                        hasRecipient("alice@example.com")),
                text("Status 5.1", () -> HostileInputs.dsnFor("5.1", "550 user unknown"), hasRecipient("alice@example.com")),
                text("reply code 999", () -> HostileInputs.dsnFor("5.0.0", "999 mailbox unavailable"),
                        hasRecipient("alice@example.com")),
                text("diagnostic with terminal escapes and control characters", HostileInputs::terminalEscapes,
                        bounceFor("alice@example.com")),
                text("diagnostics starting like spreadsheet formulas", HostileInputs::formulaDiagnostics, any()),
                text("10 KB addresses", () -> HostileInputs.longAddresses(10_240), any()),
                text("addresses with quotes, comments and IDN", HostileInputs::oddAddresses,
                        hasRecipient("alice@b\u00fccher.example")),
                // The outer bounce's recipient must be there. (The inner DSNs' recipients are reported too, as
                // of this writing: MimeParser collects delivery-status parts at every depth.)
                text("bounce of a bounce of a bounce", HostileInputs::bounceOfBounceOfBounce,
                        hasRecipient("postmaster@example.org")),
                text("Turkish dotted capital I before the prose markers", () -> HostileInputs.dottedCapitalI(1000),
                        bounceFor("alice@example.com")),
                text("Turkish dotted capital I in a Content-Type parameter",
                        () -> HostileInputs.dottedCapitalIInContentType(200), bounceFor("alice@example.com")),
                text("HTML with 200,000 ampersands", () -> HostileInputs.htmlAmpersands(200_000), any()),
                text("Subject of 30,000 '=?'", () -> HostileInputs.encodedWordFlood(30_000), any()),
                text("prose with 200,000 lines after the marker", () -> HostileInputs.proseLines(200_000), any()),
                text("100,000 '<' and '@' in prose", HostileInputs::bracketsAndAts, any()),
                new Case("latin-1 bytes in headers and body", () -> latin1(HostileInputs.dsnFor("5.1.1",
                        "550 5.1.1 Empf\u00e4nger unbekannt \u00ff\u00fe")), bounceFor("alice@example.com")));
    }

    static Stream<MboxCase> mboxCases() {
        String from = "From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n";
        String dsn = HostileInputs.dsnFor("5.1.1", "550 5.1.1 user unknown");
        return Stream.of(
                // MboxSplitter's documented rule: a file of only From_ lines is one empty message per line.
                new MboxCase("file of only From_ lines", "only-from.mbox", () -> utf8(from.repeat(1000)), 1000),
                new MboxCase("From_ lines separated by blank lines", "empty-entries.mbox",
                        () -> utf8((from + "\n").repeat(500)), 500),
                new MboxCase("mbox truncated mid-message", "cut.mbox", () -> {
                    String three = (from + dsn + "\n").repeat(3);
                    String fourth = from + dsn;
                    return utf8(three + fourth.substring(0, fourth.length() / 2));
                }, 4),
                new MboxCase("mbox truncated inside a From_ line", "cut-from.mbox",
                        () -> utf8(from + dsn + "\n" + "From MAILER-DAE"), 2),
                new MboxCase("From_ inside bodies, quoted and unquoted", "from-in-body.mbox", () -> utf8(
                        from + dsn.replace("Hello Alice.\n", "Hello Alice.\n\n>From the start\nFrom here on, unquoted\n")
                                + "\n" + from + dsn.replace("Hello Alice.\n", "Hello Alice.\n>From quoted\nFrom unquoted\n")
                                + "\n"), 2),
                new MboxCase("mbox of garbage between From_ lines", "garbage.mbox", () -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    for (int i = 0; i < 20; i++) {
                        out.writeBytes(utf8(from));
                        byte[] junk = HostileInputs.binaryGarbage(2000, i);
                        for (int k = 0; k < junk.length; k++) {
                            if (junk[k] == 'F') {
                                junk[k] = 'f'; // no accidental From_ line after a blank line
                            }
                        }
                        out.writeBytes(junk);
                        out.writeBytes(utf8("\n\n"));
                    }
                    return out.toByteArray();
                }, 20),
                new MboxCase("mbox with CR-only line endings", "cr.mbox",
                        () -> utf8((from + dsn + "\n").repeat(3).replace('\n', '\r')), 3),
                new MboxCase("empty .eml file", "empty.eml", () -> new byte[0], 1),
                new MboxCase("empty mbox", "empty.mbox", () -> new byte[0], 0));
    }

    // ---- the tests ----

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneBoundedReportPerMessage(Case c) {
        byte[] input = c.input().get();
        BounceReport report = assertTimeoutPreemptively(GUARD, () -> CLASSIFIER.classify(input), c.name());
        checkInvariants(report);
        c.expect().accept(report);
        checkRendering(report);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void streamEntryPointAgrees(Case c) throws IOException {
        byte[] input = c.input().get();
        BounceReport fromBytes = CLASSIFIER.classify(input);
        BounceReport fromStream = assertTimeoutPreemptively(GUARD,
                () -> CLASSIFIER.classify(new ByteArrayInputStream(input)), c.name());
        checkInvariants(fromStream);
        assertEquals(fromBytes.kind(), fromStream.kind());
        assertEquals(fromBytes.truncated(), fromStream.truncated());
        assertEquals(recipients(fromBytes), recipients(fromStream));
    }

    @Test
    void fiftyMegabyteStreamIsReadPastNotHeld() {
        BounceReport r = assertTimeoutPreemptively(GUARD, () -> {
            try (InputStream in = HostileInputs.bigAttachmentStream(50L << 20)) {
                return CLASSIFIER.classify(in);
            }
        });
        checkInvariants(r);
        assertTrue(r.truncated(), "50 MB is past the 16 MiB default");
        bounceFor("alice@example.com").accept(r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mimeMessageEntryPoint(Case c) {
        byte[] input = c.input().get();
        if (input.length > 1 << 20) {
            return; // Jakarta Mail's own parsing of huge messages is not what this tests
        }
        MimeMessage message;
        try {
            message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(input));
        } catch (MessagingException | RuntimeException e) {
            return; // Jakarta Mail rejects it before bouncekit sees it
        }
        BounceReport r = assertTimeoutPreemptively(GUARD, () -> CLASSIFIER.classify(message), c.name());
        checkInvariants(r);
        assertEquals(1, parseJsonLines(render(OutputFormat.JSONL, OutputOptions.DEFAULT, r)).size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mboxCases")
    void mboxCountInEqualsCountOut(MboxCase c) throws IOException {
        Path file = dir.resolve(c.fileName());
        Files.write(file, c.input().get());
        List<String> pathErrors = new ArrayList<>();
        StringWriter out = new StringWriter();
        int read = assertTimeoutPreemptively(GUARD, () -> {
            int n = 0;
            try (MessageSources sources = MessageSources.open(List.of(file.toString()), SourceOptions.DEFAULT,
                    pathErrors::add); ResultWriter w = ResultWriters.create(OutputFormat.JSONL, out, OutputOptions.DEFAULT)) {
                while (sources.hasNext()) {
                    RawMessage raw = sources.next();
                    n++;
                    BounceReport r = raw.failed() ? BounceReport.unreadable(raw.error()) : CLASSIFIER.classify(raw.bytes());
                    checkInvariants(r);
                    w.write(raw.source(), raw.index(), raw.truncated() ? r.withTruncated() : r);
                }
            }
            return n;
        }, c.name());
        assertEquals(List.of(), pathErrors);
        assertEquals(c.messages(), read, "messages read");
        List<JsonNode> lines = parseJsonLines(out.toString());
        assertEquals(read, lines.size(), "results written");
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(i, lines.get(i).get("index").asInt(), "index in input order");
        }
    }

    /** The scan command over every hostile input at once: one JSON line per message read, exit 1 for unreadables. */
    @Test
    void scanCommandAccountsForEveryMessage() throws IOException {
        Path inputs = Files.createDirectory(dir.resolve("inputs"));
        long expected = 0;
        int n = 0;
        for (Case c : (Iterable<Case>) cases()::iterator) {
            byte[] bytes = c.input().get();
            if (bytes.length > 8 << 20) {
                continue; // keep the scan quick; the big one is tested on its own
            }
            Files.write(inputs.resolve(String.format("%02d.eml", n++)), bytes);
            expected++;
        }
        for (MboxCase c : (Iterable<MboxCase>) mboxCases()::iterator) {
            Files.write(inputs.resolve(String.format("%02d-%s", n++, c.fileName())), c.input().get());
            expected += c.messages();
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        PrintStream saved = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            exit = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cl.execute("scan", "--format", "jsonl",
                    "--quiet", "--threads", "2", inputs.toString()));
        } finally {
            System.setOut(saved);
        }
        String jsonl = stdout.toString(StandardCharsets.UTF_8) + out;
        List<JsonNode> lines = parseJsonLines(jsonl);
        assertEquals(expected, lines.size(), () -> "one result per message; stderr: " + err);
        boolean anyUnreadable = lines.stream().anyMatch(l -> l.get("kind").asText().equals("unreadable"));
        assertEquals(anyUnreadable ? 1 : 0, exit, () -> "exit status (1 when some are unreadable); stderr: " + err);
    }

    @Test
    void csvNeutralizesFormulaStartsInDiagnostics() {
        BounceReport r = CLASSIFIER.classify(utf8(HostileInputs.formulaDiagnostics()));
        assertEquals(6, r.verdicts().size(), () -> brief(r));
        List<List<String>> rows = Csv.parse(render(OutputFormat.CSV, OutputOptions.DEFAULT, r));
        int diagnostic = rows.get(0).indexOf("diagnostic");
        assertTrue(diagnostic >= 0, "a diagnostic column");
        int guarded = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            String cell = row.get(diagnostic);
            if (cell.isEmpty()) {
                continue; // "\r=1+1": the CR ends the field line, so the DSN gives no diagnostic
            }
            assertTrue(cell.startsWith("'") && "=+-@".indexOf(cell.charAt(1)) >= 0,
                    () -> "formula start not neutralized: " + cell);
            guarded++;
        }
        assertTrue(guarded >= 4, "the =, +, - and @ diagnostics are there, neutralized");
    }

    @Test
    void tableKeepsTheTextButNotTheEscapes() {
        BounceReport r = CLASSIFIER.classify(utf8(HostileInputs.terminalEscapes()));
        for (int width : new int[] {0, 200}) {
            String table = render(OutputFormat.TABLE, new OutputOptions(width, true, false, List.of()), r);
            assertTerminalSafe(table);
            assertTrue(table.contains("alice@example.com"), table);
            assertTrue(table.contains("click"), () -> "visible text of the hyperlink kept: " + table);
        }
        String jsonl = render(OutputFormat.JSONL, OutputOptions.DEFAULT, r);
        assertTrue(jsonl.contains("\\u001B"), "JSON escapes ESC rather than dropping it: " + jsonl);
    }

    // ---- checks shared by every case ----

    static void checkInvariants(BounceReport r) {
        assertNotNull(r, "a report");
        assertNotNull(r.kind(), "kind");
        if (r.kind() == MessageKind.UNREADABLE) {
            assertNotNull(r.error(), "an unreadable message says why");
            assertTrue(r.verdicts().isEmpty(), "no verdicts for unreadable");
        }
        if (r.kind() == MessageKind.NOT_BOUNCE) {
            assertTrue(r.verdicts().isEmpty(), "no verdicts for not-bounce");
        }
        for (Verdict v : r.verdicts()) {
            assertNotNull(v.recipient(), "recipient");
            assertFalse(v.recipient().isBlank(), "recipient");
            assertNotNull(v.bounceClass(), "class");
            assertNotNull(v.reason(), "reason");
            assertNotNull(v.decision(), "decision");
            if (v.status() != null) {
                assertTrue(v.status().matches("[245]\\.\\d{1,3}\\.\\d{1,3}"), () -> "well-formed status: " + v.status());
            }
            if (v.replyCode() != null) {
                assertTrue(v.replyCode() >= 200 && v.replyCode() <= 599, () -> "reply code: " + v.replyCode());
            }
        }
    }

    /** JSON Lines parses back to the report; the table is terminal-safe; CSV has no formula starts. */
    static void checkRendering(BounceReport r) {
        String jsonl = render(OutputFormat.JSONL, OutputOptions.DEFAULT, r);
        assertTrue(jsonl.endsWith("\n"), "a JSON line ends with a newline");
        List<JsonNode> nodes = parseJsonLines(jsonl);
        assertEquals(1, nodes.size(), "one JSON line per message");
        JsonNode n = nodes.get(0);
        assertEquals(r.kind().wireName(), n.get("kind").asText());
        assertEquals(r.verdicts().size(), n.get("verdicts").size());
        assertEquals(r.truncated(), n.path("truncated").asBoolean(false));
        for (int i = 0; i < jsonl.length() - 1; i++) {
            char c = jsonl.charAt(i);
            assertFalse(c < 0x20 || c == 0x7F || c >= 0x80 && c <= 0x9F, () -> "raw control char in JSON line");
        }
        for (OutputOptions o : List.of(new OutputOptions(0, true, true, List.of()), new OutputOptions(80, false, false,
                List.of()), new OutputOptions(160, true, false, List.of()))) {
            assertTerminalSafe(render(OutputFormat.TABLE, o, r));
        }
        assertTerminalSafe(render(OutputFormat.SUMMARY, OutputOptions.DEFAULT, r));
        List<List<String>> rows = Csv.parse(render(OutputFormat.CSV, new OutputOptions(0, false, true, List.of()), r));
        assertEquals(1 + Math.max(1, r.verdicts().size()), rows.size(), "CSV: header plus one row per recipient");
        for (List<String> row : rows) {
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                        () -> "CSV cell starts like a formula: " + cell);
            }
        }
    }

    static void assertTerminalSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                continue;
            }
            int at = i;
            assertFalse(c < 0x20 || c == 0x7F || c >= 0x80 && c <= 0x9F, () -> String.format(
                    "control character U+%04X at %d in terminal output: %s", (int) c, at, excerpt(text, at)));
            assertFalse(Character.getType(c) == Character.FORMAT, () -> String.format(
                    "invisible formatting character U+%04X in terminal output", (int) c));
        }
        assertFalse(text.contains("owned"), "an OSC title must be removed whole");
        assertFalse(text.contains("evil.example"), "a hyperlink target must be removed whole");
    }

    private static String excerpt(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40));
    }

    static String render(OutputFormat format, OutputOptions options, BounceReport r) {
        StringWriter out = new StringWriter();
        try (ResultWriter w = ResultWriters.create(format, out, options)) {
            w.write("hostile.eml", 0, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static List<JsonNode> parseJsonLines(String jsonl) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                assertTrue(node.isObject(), "each line is a JSON object");
                out.add(node);
            } catch (IOException e) {
                fail("invalid JSON line: " + e.getMessage() + "\n" + excerpt(line, 0));
            }
        }
        return out;
    }
}
