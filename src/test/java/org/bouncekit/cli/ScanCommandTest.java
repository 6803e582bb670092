package org.bouncekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncekit.TestMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static List<JsonNode> lines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static byte[] mbox(byte[]... messages) {
        StringBuilder sb = new StringBuilder();
        for (byte[] m : messages) {
            sb.append("From MAILER-DAEMON Tue Nov  3 10:00:00 2026\n").append(new String(m, StandardCharsets.UTF_8)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonLinesGiveOneObjectPerMessageInInputOrder() throws IOException {
        byte[] a = TestMessages.dsn("a@example.org", "failed", "5.1.1", "550 5.1.1 User unknown", "mx.example.org");
        byte[] b = TestMessages.dsn("b@example.org", "delayed", "4.4.1", "connect to mx.example.org: Connection timed out", "mx.example.org");
        Path box = write("bounces.mbox", mbox(a, b, "Subject: hello\n\nJust a note.\n".getBytes(StandardCharsets.UTF_8)));
        CliRun run = CliRun.of("scan", "--format", "jsonl", "--threads", "2", "--correlate-header", "X-Campaign-Id", box.toString());
        assertEquals(0, run.exit(), run.err());
        List<JsonNode> out = lines(run.out());
        assertEquals(3, out.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i, out.get(i).get("index").asInt());
            assertEquals(box.toString(), out.get(i).get("source").asText());
        }
        JsonNode v = out.get(0).get("verdicts").get(0);
        assertEquals("bounce", out.get(0).get("kind").asText());
        assertEquals("a@example.org", v.get("recipient").asText());
        assertEquals("5.1.1", v.get("status").asText());
        assertEquals(550, v.get("replyCode").asInt());
        assertEquals("permanent", v.get("class").asText());
        assertEquals("userunknown", v.get("reason").asText());
        assertEquals("suppress", v.get("decision").asText());
        assertEquals("nov-2026", out.get(0).get("original").get("headers").get("X-Campaign-Id").asText());
        assertEquals("delay", out.get(1).get("kind").asText());
        assertEquals("retry", out.get(1).get("verdicts").get(0).get("decision").asText());
        assertEquals("not-bounce", out.get(2).get("kind").asText());
        assertEquals(0, out.get(2).get("verdicts").size());
    }

    @Test
    void manyMessagesKeepTheirOrderAndTheirOwnResultsAcrossBatchesAndFiles() throws IOException {
        // more than a batch of messages per file, the last batch partial, and a second file after it
        int perFile = 75;
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            byte[][] messages = new byte[perFile][];
            for (int i = 0; i < perFile; i++) {
                messages[i] = TestMessages.dsn("user" + f + "-" + i + "@example.org", "failed", "5.1.1",
                        "550 5.1.1 User unknown", "mx.example.org");
            }
            files.add(write("box" + f + ".mbox", mbox(messages)));
        }
        CliRun run = CliRun.of("scan", "--format", "jsonl", "--threads", "3", files.get(0).toString(), files.get(1).toString());
        assertEquals(0, run.exit(), run.err());
        List<JsonNode> out = lines(run.out());
        assertEquals(2 * perFile, out.size());
        for (int n = 0; n < out.size(); n++) {
            int f = n / perFile;
            int i = n % perFile;
            assertEquals(files.get(f).toString(), out.get(n).get("source").asText());
            assertEquals(i, out.get(n).get("index").asInt());
            assertEquals("user" + f + "-" + i + "@example.org", out.get(n).get("verdicts").get(0).get("recipient").asText());
        }
    }

    @Test
    void missingPathIsReportedAndTheOthersAreStillScanned() throws IOException {
        Path ok = write("one.eml", TestMessages.dsn("c@example.net", "failed", "5.2.2", "552 5.2.2 Mailbox full", "mx.example.net"));
        CliRun run = CliRun.of("scan", "--format", "jsonl", dir.resolve("nope.mbox").toString(), ok.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("nope.mbox"), run.err());
        assertEquals(1, run.err().strip().split("\n").length, run.err());
        assertEquals(1, lines(run.out()).size());
    }

    @Test
    void unreadableMessageGivesExitOneAndAResult() throws IOException {
        Path garbage = write("garbage.eml", new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7});
        Path ok = write("ok.eml", TestMessages.dsn("d@example.com", "failed", "5.1.1", "550 5.1.1 No such user", "mx.example.com"));
        CliRun run = CliRun.of("scan", "--format", "jsonl", garbage.toString(), ok.toString());
        List<JsonNode> out = lines(run.out());
        assertEquals(2, out.size());
        assertEquals("unreadable", out.get(0).get("kind").asText());
        assertFalse(out.get(0).get("error").asText().isBlank());
        assertEquals(1, run.exit());
    }

    @Test
    void csvAndSummaryFormats() throws IOException {
        Path ok = write("ok.eml", TestMessages.dsn("e@example.com", "failed", "5.7.1",
                "554 5.7.1 Service unavailable; client host blocked using zen.spamhaus.org", "mx.example.com"));
        CliRun csv = CliRun.of("scan", "--format", "csv", ok.toString());
        assertEquals(0, csv.exit(), csv.err());
        String[] rows = csv.out().split("\r?\n");
        assertTrue(rows[0].startsWith("source,index,kind"), rows[0]);
        assertTrue(rows[1].contains("e@example.com") && rows[1].contains("blocked") && rows[1].contains("fix-sender"), rows[1]);
        CliRun summary = CliRun.of("scan", "--format", "summary", ok.toString());
        assertTrue(summary.out().contains("blocked"), summary.out());
    }

    @Test
    void badRulesFileIsAUsageError() throws IOException {
        Path rules = write("my.rules", "phrase.mailboxfull = full\nstatus.5.7.1 = nosuchreason\n".getBytes(StandardCharsets.UTF_8));
        Path ok = write("ok.eml", TestMessages.dsn("f@example.com", "failed", "5.1.1", "550 5.1.1 User unknown", "mx.example.com"));
        CliRun run = CliRun.of("scan", "--rules", rules.toString(), ok.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("my.rules:2") && run.err().contains("nosuchreason"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void unknownFormatIsAUsageError() {
        CliRun run = CliRun.of("scan", "--format", "xml", "x.eml");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("unknown format"), run.err());
    }

    @Test
    void explainMessageShowsEvidence() throws IOException {
        Path ok = write("full.eml", TestMessages.dsn("g@example.org", "failed", "5.2.2", "552 5.2.2 Mailbox is full", "mx.example.org"));
        CliRun run = CliRun.of("explain", "--message", ok.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("evidence:") && run.out().contains("mailboxfull"), run.out());
    }
}
