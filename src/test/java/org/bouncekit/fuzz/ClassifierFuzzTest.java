package org.bouncekit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncekit.BounceClassifier;
import org.bouncekit.BounceReport;
import org.bouncekit.MessageKind;
import org.bouncekit.Verdict;
import org.bouncekit.output.OutputFormat;
import org.bouncekit.output.OutputOptions;
import org.bouncekit.output.ResultWriter;
import org.bouncekit.output.ResultWriters;
import org.bouncekit.source.MessageSources;
import org.bouncekit.source.RawMessage;
import org.bouncekit.source.SourceOptions;

/**
 * Fuzz tests (Jazzer). Without {@code JAZZER_FUZZ} they run in regression mode inside {@code mvn test}: each
 * stored input under {@code src/test/resources/org/bouncekit/fuzz/ClassifierFuzzTestInputs/<method>/} is
 * replayed once, offline. With {@code JAZZER_FUZZ=1} Jazzer mutates them (see fuzzing-readme.md).
 *
 * <p>Properties: no exception escapes, each call stays within the time budget, and the JSON Lines output
 * parses back with one line per message.
 */
class ClassifierFuzzTest {
    private static final BounceClassifier CLASSIFIER = BounceClassifier.create();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The classifier's own budget is 2 s per message; this only catches hangs, on a busy machine. */
    private static final long BUDGET_NANOS = Duration.ofSeconds(10).toNanos();

    /** One message, any bytes: classified, rendered, parsed back. */
    @FuzzTest(maxDuration = "10m")
    void classifyBytes(byte[] data) {
        long start = System.nanoTime();
        BounceReport report = CLASSIFIER.classify(data);
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed < BUDGET_NANOS, () -> "took " + elapsed / 1_000_000 + " ms");
        checkReport(report);
        List<JsonNode> lines = parse(jsonl(List.of(report)));
        assertEquals(1, lines.size(), "one JSON line per message");
        assertEquals(report.kind().wireName(), lines.get(0).get("kind").asText());
        assertEquals(report.verdicts().size(), lines.get(0).get("verdicts").size());
    }

    /** Any bytes as an mbox file and as a file of unknown layout: one result per message found. */
    @FuzzTest(maxDuration = "10m")
    void mboxToJsonl(byte[] data) throws IOException {
        for (String name : new String[] {"fuzz.mbox", "fuzz-input"}) {
            Path file = Files.createTempFile(Scratch.DIR, null, "-" + name);
            try {
                Files.write(file, data);
                long start = System.nanoTime();
                List<String> pathErrors = new ArrayList<>();
                List<BounceReport> reports = new ArrayList<>();
                List<Integer> indexes = new ArrayList<>();
                try (MessageSources sources = MessageSources.open(List.of(file.toString()), SourceOptions.DEFAULT,
                        pathErrors::add)) {
                    while (sources.hasNext()) {
                        RawMessage raw = sources.next();
                        BounceReport r = raw.failed() ? BounceReport.unreadable(raw.error())
                                : CLASSIFIER.classify(raw.bytes());
                        reports.add(raw.truncated() ? r.withTruncated() : r);
                        indexes.add(raw.index());
                    }
                }
                long elapsed = System.nanoTime() - start;
                assertTrue(elapsed < BUDGET_NANOS * Math.max(1, reports.size()),
                        () -> "took " + elapsed / 1_000_000 + " ms for " + reports.size() + " messages");
                assertEquals(List.of(), pathErrors);
                for (int i = 0; i < indexes.size(); i++) {
                    assertEquals(i, indexes.get(i), "messages numbered in order");
                }
                reports.forEach(ClassifierFuzzTest::checkReport);
                assertEquals(reports.size(), parse(jsonl(reports)).size(), "count in = count out");
                if (!name.endsWith(".mbox")) {
                    assertFalse(reports.isEmpty(), "a file that is not named like an mbox holds at least one message");
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    static void checkReport(BounceReport r) {
        assertNotNull(r);
        assertNotNull(r.kind());
        if (r.kind() == MessageKind.UNREADABLE) {
            assertNotNull(r.error(), "unreadable says why");
        }
        for (Verdict v : r.verdicts()) {
            assertNotNull(v.recipient());
            assertFalse(v.recipient().isBlank());
            assertNotNull(v.reason());
            assertNotNull(v.decision());
            assertNotNull(v.bounceClass());
        }
    }

    static String jsonl(List<BounceReport> reports) {
        StringWriter out = new StringWriter();
        try (ResultWriter w = ResultWriters.create(OutputFormat.JSONL, out, OutputOptions.DEFAULT)) {
            for (int i = 0; i < reports.size(); i++) {
                w.write("fuzz", i, reports.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static List<JsonNode> parse(String jsonl) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            if (!line.isEmpty()) {
                try {
                    JsonNode n = JSON.readTree(line);
                    assertTrue(n.isObject(), "a JSON object per line");
                    out.add(n);
                } catch (IOException e) {
                    throw new AssertionError("invalid JSON line: " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    /** One scratch directory for the whole run (fuzzing makes millions of calls). */
    private static final class Scratch {
        static final Path DIR;

        static {
            try {
                DIR = Files.createTempDirectory("bouncekit-fuzz");
                DIR.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
