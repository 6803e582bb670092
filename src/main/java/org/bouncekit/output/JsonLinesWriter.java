package org.bouncekit.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.bouncekit.BounceReport;
import org.bouncekit.Evidence;
import org.bouncekit.OriginalMessage;
import org.bouncekit.Verdict;

/**
 * One JSON object per message, one per line: the contract of {@code scan --format jsonl}. Null fields are
 * left out; {@code verdicts} is always there.
 */
final class JsonLinesWriter implements ResultWriter {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator json;
    private final OutputOptions options;
    private final CrosswalkTable crosswalk;

    JsonLinesWriter(Writer out, OutputOptions options, CrosswalkTable crosswalk) {
        try {
            this.json = FACTORY.createGenerator(out);
        } catch (IOException e) {
            // Creating a generator over a Writer does no I/O.
            throw new IllegalStateException(e);
        }
        this.json.setRootValueSeparator(null);
        this.options = options;
        this.crosswalk = crosswalk;
    }

    @Override
    public void write(String source, int index, BounceReport report) throws IOException {
        Objects.requireNonNull(report, "report");
        json.writeStartObject();
        field("source", source);
        json.writeNumberField("index", index);
        field("kind", Tally.kindOf(report).wireName());
        field("messageId", report.messageId());
        field("mta", report.mta());
        field("subject", report.subject());
        field("reportingMta", report.reportingMta());
        writeOriginal(report.original());
        field("error", report.error());
        if (report.truncated()) {
            json.writeBooleanField("truncated", true);
        }
        json.writeArrayFieldStart("verdicts");
        for (Verdict v : report.verdicts()) {
            writeVerdict(v);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private void writeOriginal(OriginalMessage original) throws IOException {
        json.writeObjectFieldStart("original");
        field("messageId", original.messageId());
        field("from", original.from());
        field("to", original.to());
        field("subject", original.subject());
        if (!original.headers().isEmpty()) {
            json.writeObjectFieldStart("headers");
            var headers = CorrelateHeaders.ordered(original.headers(), options.correlateHeaders());
            for (Map.Entry<String, String> h : headers) {
                field(h.getKey(), h.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private void writeVerdict(Verdict v) throws IOException {
        json.writeStartObject();
        field("recipient", v.recipient());
        field("originalRecipient", v.originalRecipient());
        field("finalRecipient", v.finalRecipient());
        field("action", v.action());
        field("status", v.status());
        json.writeBooleanField("statusInferred", v.statusInferred());
        if (v.replyCode() != null) {
            json.writeNumberField("replyCode", v.replyCode());
        }
        json.writeBooleanField("replyCodeInferred", v.replyCodeInferred());
        field("class", v.bounceClass() == null ? null : v.bounceClass().wireName());
        field("reason", v.reason() == null ? null : v.reason().wireName());
        field("decision", v.decision() == null ? null : v.decision().wireName());
        field("diagnostic", v.diagnostic());
        field("remoteMta", v.remoteMta());
        field("command", v.command());
        field("lastAttemptDate", v.lastAttemptDate());
        field("willRetryUntil", v.willRetryUntil());
        field("recommendedAction", v.recommendedAction());
        json.writeArrayFieldStart("evidence");
        for (Evidence e : v.evidence()) {
            json.writeStartObject();
            field("rule", e.rule());
            field("matched", e.matched());
            field("field", e.field());
            field("note", e.note());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (crosswalk != null) {
            Crosswalk c = crosswalk.lookup(v.reason(), v.bounceClass());
            json.writeObjectFieldStart("crosswalk");
            field("ses", c.ses());
            if (c.sparkpost() != null) {
                json.writeNumberField("sparkpost", c.sparkpost());
            }
            field("postmark", c.postmark());
            field("sendgrid", c.sendgrid());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private void field(String name, String value) throws IOException {
        if (value == null) {
            return;
        }
        if (SafeEscapes.isPlain(value)) {
            json.writeStringField(name, value); // Jackson's fast path: it escapes quotes, backslashes, controls
        } else {
            json.writeFieldName(SafeEscapes.isPlain(name) ? name : SafeEscapes.masked(name));
            json.writeRawValue(SafeEscapes.quote(value));
        }
    }

    /** Hands what the generator holds to the writer (for {@link JsonLinesRenderer}). */
    void flush() throws IOException {
        json.flush();
    }

    @Override
    public void close() throws IOException {
        // AUTO_CLOSE_TARGET is off: this flushes into the caller's writer and leaves it open.
        json.close();
    }

    /**
     * Jackson escapes ASCII control characters; this also escapes DEL, the C1 controls, the Unicode line and
     * paragraph separators (which end a line in JavaScript and some line readers) and the bidi and
     * invisible formatting characters, so a line of output read raw (cat, less, a log viewer) cannot
     * carry a terminal escape or reorder text. Such text is rare: strings without it take Jackson's own
     * fast path (a custom escape table sends every string down Jackson's slow one).
     */
    static final class SafeEscapes {
        private static final String SHORT_ESCAPES = "\"\\\b\f\n\r\t";
        private static final String SHORT_ESCAPE_LETTERS = "\"\\bfnrt";

        private SafeEscapes() {
        }

        /** True when Jackson's standard escaping is enough for {@code s}. */
        static boolean isPlain(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x7F && needsEscape(c)) {
                    return false;
                }
            }
            return true;
        }

        /** {@code s} as a JSON string literal, escaped as the class comment says. */
        static String quote(String s) {
            StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                int shortEscape = SHORT_ESCAPES.indexOf(c);
                if (shortEscape >= 0) {
                    sb.append('\\').append(SHORT_ESCAPE_LETTERS.charAt(shortEscape)); // as Jackson writes them
                } else if (c < 0x20 || c == 0x7F || c > 0x7F && needsEscape(c)) {
                    sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.append('"').toString();
        }

        /** A field name (a user's correlate header) with such characters replaced by '?'. */
        static String masked(String name) {
            StringBuilder sb = new StringBuilder(name.length());
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                sb.append(c >= 0x7F && needsEscape(c) ? '?' : c);
            }
            return sb.toString();
        }

        static boolean needsEscape(int ch) {
            if (ch >= 0x7F && ch <= 0x9F) {
                return true;
            }
            int type = Character.getType(ch);
            return type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
        }
    }
}
