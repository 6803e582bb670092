package org.bouncekit.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncekit.BounceReport;
import org.bouncekit.MessageKind;
import org.bouncekit.OriginalMessage;
import org.junit.jupiter.api.Test;

class JsonLinesWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The field names of issue 3's contract (fixed: scripts depend on them) plus the ones added since. */
    private static final Set<String> MESSAGE_FIELDS = Set.of("source", "index", "kind", "messageId", "mta",
            "subject", "original", "error", "truncated", "verdicts");
    private static final Set<String> ORIGINAL_FIELDS = Set.of("messageId", "from", "to", "subject", "headers");
    private static final Set<String> VERDICT_FIELDS = Set.of("recipient", "originalRecipient", "finalRecipient",
            "action", "status", "statusInferred", "replyCode", "replyCodeInferred", "class", "reason", "decision",
            "diagnostic", "remoteMta", "command", "recommendedAction", "evidence", "crosswalk");
    private static final Set<String> EVIDENCE_FIELDS = Set.of("rule", "matched", "field", "note");
    private static final Set<String> CROSSWALK_FIELDS = Set.of("ses", "sparkpost", "postmark", "sendgrid");

    @Test
    void oneObjectPerMessageOnePerLineInInputOrder() throws IOException {
        List<SampleReports.Item> items = SampleReports.all();
        String out = SampleReports.render(OutputFormat.JSONL, OutputOptions.DEFAULT, items);
        assertTrue(out.endsWith("\n"));
        String[] lines = out.split("\n", -1);
        assertEquals(items.size() + 1, lines.length, "one line per message plus the final newline");
        for (int i = 0; i < items.size(); i++) {
            JsonNode node = MAPPER.readTree(lines[i]);
            assertTrue(node.isObject());
            assertEquals(items.get(i).source(), node.get("source").asText());
            assertEquals(items.get(i).index(), node.get("index").asInt());
            assertEquals(items.get(i).report().kind().wireName(), node.get("kind").asText());
            assertEquals(items.get(i).report().verdicts().size(), node.get("verdicts").size());
        }
    }

    @Test
    void usesOnlyContractFieldNamesAndNeverNull() throws IOException {
        String out = SampleReports.render(OutputFormat.JSONL,
                new OutputOptions(0, false, true, List.of(SampleReports.CAMPAIGN_HEADER)), SampleReports.all());
        for (String line : out.split("\n")) {
            JsonNode message = MAPPER.readTree(line);
            assertNoNulls(message, line);
            assertFields(MESSAGE_FIELDS, message);
            assertTrue(message.has("source") && message.has("index") && message.has("kind")
                    && message.has("original") && message.get("verdicts").isArray(), line);
            assertFields(ORIGINAL_FIELDS, message.get("original"));
            for (JsonNode v : message.get("verdicts")) {
                assertFields(VERDICT_FIELDS, v);
                assertTrue(v.get("statusInferred").isBoolean() && v.get("replyCodeInferred").isBoolean());
                assertTrue(v.get("evidence").isArray());
                for (JsonNode e : v.get("evidence")) {
                    assertFields(EVIDENCE_FIELDS, e);
                    assertTrue(e.get("rule").isTextual());
                }
                assertFields(CROSSWALK_FIELDS, v.get("crosswalk"));
            }
        }
    }

    @Test
    void writesTheContractExample() throws IOException {
        JsonNode node = only(SampleReports.userUnknown());
        assertEquals("bounce", node.get("kind").asText());
        assertEquals("postfix", node.get("mta").asText());
        assertEquals("<campaign-42.1@sender.example>", node.at("/original/messageId").asText());
        assertEquals("spring-2025", node.at("/original/headers/X-Campaign-Id").asText());
        JsonNode v = node.get("verdicts").get(0);
        assertEquals("alice@example.com", v.get("recipient").asText());
        assertEquals("failed", v.get("action").asText());
        assertEquals("5.1.1", v.get("status").asText());
        assertFalse(v.get("statusInferred").asBoolean());
        assertTrue(v.get("replyCode").isInt());
        assertEquals(550, v.get("replyCode").asInt());
        assertEquals("permanent", v.get("class").asText());
        assertEquals("userunknown", v.get("reason").asText());
        assertEquals("suppress", v.get("decision").asText());
        assertEquals("mx.example.com", v.get("remoteMta").asText());
        assertEquals("status.5.1.1", v.at("/evidence/0/rule").asText());
        assertEquals("Diagnostic-Code", v.at("/evidence/1/field").asText());
        assertFalse(node.has("error"));
        assertFalse(node.has("truncated"));
        assertFalse(v.has("crosswalk"), "crosswalk only when asked for");
    }

    @Test
    void enumsUseWireNames() throws IOException {
        JsonNode blocked = only(SampleReports.twoRecipients()).get("verdicts").get(1);
        assertEquals("fix-sender", blocked.get("decision").asText());
        assertEquals("not-bounce", only(SampleReports.notBounce()).get("kind").asText());
    }

    @Test
    void unreadableHasErrorAndEmptyVerdicts() throws IOException {
        JsonNode node = only(BounceReport.unreadable("unterminated boundary"));
        assertEquals("unreadable", node.get("kind").asText());
        assertEquals("unterminated boundary", node.get("error").asText());
        assertTrue(node.get("verdicts").isArray());
        assertEquals(0, node.get("verdicts").size());
        assertEquals(0, node.get("original").size());
    }

    @Test
    void truncatedOnlyWhenTrue() throws IOException {
        assertTrue(only(SampleReports.truncatedJapanese()).get("truncated").asBoolean());
    }

    @Test
    void reportWithoutKindIsWrittenAsUnreadable() throws IOException {
        BounceReport noKind = new BounceReport(null, null, null, null, null, null, "broken", false);
        assertEquals("unreadable", only(noKind).get("kind").asText());
    }

    @Test
    void escapesControlsSeparatorsAndBidiButRoundTripsExactly() throws IOException {
        String out = render(SampleReports.hostile(), OutputOptions.DEFAULT);
        for (char c : out.substring(0, out.length() - 1).toCharArray()) {
            assertFalse(c < 0x20 || (c >= 0x7F && c <= 0x9F), "raw control U+" + Integer.toHexString(c));
            assertFalse(c == '\u2028' || c == '\u2029' || c == '\u202E' || c == '\u202C',
                    "raw separator/bidi U+" + Integer.toHexString(c));
        }
        assertTrue(out.contains("\\u001B[2J") || out.contains("\\u001b[2J"), out);
        assertTrue(out.contains("\\u2028"), out);
        assertTrue(out.contains("\\u202E"), out);
        assertTrue(out.contains("\\u009B"), out);
        JsonNode node = MAPPER.readTree(out);
        assertEquals(SampleReports.HOSTILE_DIAGNOSTIC, node.at("/verdicts/0/diagnostic").asText());
        assertEquals("mx\u0000.evil.example\r\u001b[A", node.at("/verdicts/0/remoteMta").asText());
    }

    @Test
    void keepsOrdinaryUnicodeReadable() throws IOException {
        String out = render(SampleReports.truncatedJapanese(), OutputOptions.DEFAULT);
        assertTrue(out.contains("ユーザが存在しません"), out);
        assertTrue(out.contains("user@bücher.example"), out);
    }

    @Test
    void correlateHeadersFollowTheOrderAsked() throws IOException {
        OriginalMessage original = new OriginalMessage(null, null, null, null,
                Map.of("X-B", "2", "X-A", "1", "X-C", "3"));
        BounceReport r = new BounceReport(MessageKind.BOUNCE, null, null, null, original, List.of(), null, false);
        String out = render(r, new OutputOptions(0, false, false, List.of("X-C", "X-A")));
        assertTrue(out.contains("\"headers\":{\"X-C\":\"3\",\"X-A\":\"1\",\"X-B\":\"2\"}"), out);
    }

    @Test
    void correlateHeaderNamesAreMaskedEvenWithAPlainValue() throws IOException {
        // the name comes from the user's --correlate-header; a bidi or control character in it never goes out raw
        OriginalMessage original = new OriginalMessage(null, null, null, null, Map.of("X-\u202Eevil\u0085", "plain"));
        BounceReport r = new BounceReport(MessageKind.BOUNCE, null, null, null, original, List.of(), null, false);
        String written = render(r, OutputOptions.DEFAULT);
        assertTrue(written.contains("\"headers\":{\"X-?evil?\":\"plain\"}"), written);
        String rendered = ResultWriters.renderer(OutputFormat.JSONL, OutputOptions.DEFAULT).render("x.eml", 0, r);
        assertEquals(written, rendered);
    }

    @Test
    void crosswalkNamesTheOtherServicesCategories() throws IOException {
        JsonNode c = only(SampleReports.userUnknown(), new OutputOptions(0, false, true, List.of()))
                .at("/verdicts/0/crosswalk");
        assertEquals("Permanent/NoEmail", c.get("ses").asText());
        assertTrue(c.get("sparkpost").isInt());
        assertEquals(10, c.get("sparkpost").asInt());
        assertEquals("HardBounce", c.get("postmark").asText());
        assertEquals("Invalid Address", c.get("sendgrid").asText());
        JsonNode auto = only(SampleReports.autoReply(), new OutputOptions(0, false, true, List.of()))
                .at("/verdicts/0/crosswalk");
        assertFalse(auto.has("ses"), "SES has no auto-reply category");
        assertEquals(60, auto.get("sparkpost").asInt());
    }

    @Test
    void closeFlushesButLeavesTheCallersWriterOpen() throws IOException {
        CloseTrackingWriter out = new CloseTrackingWriter();
        ResultWriter writer = ResultWriters.create(OutputFormat.JSONL, out, OutputOptions.DEFAULT);
        writer.write("a.eml", 0, SampleReports.notBounce());
        writer.close();
        assertFalse(out.closed);
        assertTrue(out.flushed);
        assertTrue(out.toString().startsWith("{\"source\":\"a.eml\""));
    }

    private static JsonNode only(BounceReport report) throws IOException {
        return only(report, OutputOptions.DEFAULT);
    }

    private static JsonNode only(BounceReport report, OutputOptions options) throws IOException {
        String out = render(report, options);
        assertEquals(1, out.split("\n").length);
        return MAPPER.readTree(out);
    }

    private static String render(BounceReport report, OutputOptions options) {
        return SampleReports.render(OutputFormat.JSONL, options, List.of(new SampleReports.Item("x.eml", 0, report)));
    }

    private static void assertFields(Set<String> allowed, JsonNode node) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        assertTrue(unknown.isEmpty(), "fields outside the contract: " + unknown + " in " + node);
    }

    private static void assertNoNulls(JsonNode node, String line) {
        assertFalse(node.isNull(), "null in " + line);
        node.elements().forEachRemaining(child -> assertNoNulls(child, line));
    }
}
