package org.bouncekit.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
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
        field(Names.SOURCE, source);
        numberField(Names.INDEX, index);
        wireName(Names.KIND, Tally.kindOf(report).wireName());
        field(Names.MESSAGE_ID, report.messageId());
        field(Names.MTA, report.mta());
        field(Names.SUBJECT, report.subject());
        field(Names.REPORTING_MTA, report.reportingMta());
        writeOriginal(report.original());
        field(Names.ERROR, report.error());
        if (report.truncated()) {
            booleanField(Names.TRUNCATED, true);
        }
        arrayFieldStart(Names.VERDICTS);
        for (Verdict v : report.verdicts()) {
            writeVerdict(v);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private void writeOriginal(OriginalMessage original) throws IOException {
        objectFieldStart(Names.ORIGINAL);
        field(Names.MESSAGE_ID, original.messageId());
        field(Names.FROM, original.from());
        field(Names.TO, original.to());
        field(Names.SUBJECT, original.subject());
        if (!original.headers().isEmpty()) {
            objectFieldStart(Names.HEADERS);
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
        field(Names.RECIPIENT, v.recipient());
        field(Names.ORIGINAL_RECIPIENT, v.originalRecipient());
        field(Names.FINAL_RECIPIENT, v.finalRecipient());
        field(Names.ACTION, v.action());
        field(Names.STATUS, v.status());
        booleanField(Names.STATUS_INFERRED, v.statusInferred());
        if (v.replyCode() != null) {
            numberField(Names.REPLY_CODE, v.replyCode());
        }
        booleanField(Names.REPLY_CODE_INFERRED, v.replyCodeInferred());
        wireName(Names.CLASS, v.bounceClass() == null ? null : v.bounceClass().wireName());
        wireName(Names.REASON, v.reason() == null ? null : v.reason().wireName());
        wireName(Names.DECISION, v.decision() == null ? null : v.decision().wireName());
        field(Names.DIAGNOSTIC, v.diagnostic());
        field(Names.REMOTE_MTA, v.remoteMta());
        field(Names.COMMAND, v.command());
        field(Names.LAST_ATTEMPT_DATE, v.lastAttemptDate());
        field(Names.WILL_RETRY_UNTIL, v.willRetryUntil());
        field(Names.RECOMMENDED_ACTION, v.recommendedAction());
        arrayFieldStart(Names.EVIDENCE);
        for (Evidence e : v.evidence()) {
            json.writeStartObject();
            field(Names.RULE, e.rule());
            field(Names.MATCHED, e.matched());
            field(Names.FIELD, e.field());
            field(Names.NOTE, e.note());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (crosswalk != null) {
            Crosswalk c = crosswalk.lookup(v.reason(), v.bounceClass());
            objectFieldStart(Names.CROSSWALK);
            field(Names.SES, c.ses());
            if (c.sparkpost() != null) {
                numberField(Names.SPARKPOST, c.sparkpost());
            }
            field(Names.POSTMARK, c.postmark());
            field(Names.SENDGRID, c.sendgrid());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private void field(SerializedString name, String value) throws IOException {
        if (value == null) {
            return;
        }
        json.writeFieldName(name);
        if (SafeEscapes.isPlain(value)) {
            json.writeString(value); // Jackson's fast path: it escapes quotes, backslashes, controls
        } else {
            json.writeRawValue(SafeEscapes.quote(value));
        }
    }

    /** A field named by the user (a correlate header): the name is checked like a value. */
    private void field(String name, String value) throws IOException {
        if (value == null) {
            return;
        }
        if (SafeEscapes.isPlain(value) && SafeEscapes.isPlain(name)) {
            json.writeStringField(name, value);
        } else {
            json.writeFieldName(SafeEscapes.isPlain(name) ? name : SafeEscapes.masked(name));
            json.writeRawValue(SafeEscapes.quote(value));
        }
    }

    /** A value from the project's own vocabulary (an enum's wire name): plain ASCII, nothing to check. */
    private void wireName(SerializedString name, String value) throws IOException {
        if (value != null) {
            json.writeFieldName(name);
            json.writeString(value);
        }
    }

    private void numberField(SerializedString name, long value) throws IOException {
        json.writeFieldName(name);
        json.writeNumber(value);
    }

    private void booleanField(SerializedString name, boolean value) throws IOException {
        json.writeFieldName(name);
        json.writeBoolean(value);
    }

    private void objectFieldStart(SerializedString name) throws IOException {
        json.writeFieldName(name);
        json.writeStartObject();
    }

    private void arrayFieldStart(SerializedString name) throws IOException {
        json.writeFieldName(name);
        json.writeStartArray();
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

    /** The field names, quoted once (Jackson then copies them instead of checking each for escapes). */
    private static final class Names {
        static final SerializedString ACTION = new SerializedString("action");
        static final SerializedString CLASS = new SerializedString("class");
        static final SerializedString COMMAND = new SerializedString("command");
        static final SerializedString CROSSWALK = new SerializedString("crosswalk");
        static final SerializedString DECISION = new SerializedString("decision");
        static final SerializedString DIAGNOSTIC = new SerializedString("diagnostic");
        static final SerializedString ERROR = new SerializedString("error");
        static final SerializedString EVIDENCE = new SerializedString("evidence");
        static final SerializedString FIELD = new SerializedString("field");
        static final SerializedString FINAL_RECIPIENT = new SerializedString("finalRecipient");
        static final SerializedString FROM = new SerializedString("from");
        static final SerializedString HEADERS = new SerializedString("headers");
        static final SerializedString INDEX = new SerializedString("index");
        static final SerializedString KIND = new SerializedString("kind");
        static final SerializedString LAST_ATTEMPT_DATE = new SerializedString("lastAttemptDate");
        static final SerializedString MATCHED = new SerializedString("matched");
        static final SerializedString MESSAGE_ID = new SerializedString("messageId");
        static final SerializedString MTA = new SerializedString("mta");
        static final SerializedString NOTE = new SerializedString("note");
        static final SerializedString ORIGINAL = new SerializedString("original");
        static final SerializedString ORIGINAL_RECIPIENT = new SerializedString("originalRecipient");
        static final SerializedString POSTMARK = new SerializedString("postmark");
        static final SerializedString REASON = new SerializedString("reason");
        static final SerializedString RECIPIENT = new SerializedString("recipient");
        static final SerializedString RECOMMENDED_ACTION = new SerializedString("recommendedAction");
        static final SerializedString REMOTE_MTA = new SerializedString("remoteMta");
        static final SerializedString REPLY_CODE = new SerializedString("replyCode");
        static final SerializedString REPLY_CODE_INFERRED = new SerializedString("replyCodeInferred");
        static final SerializedString REPORTING_MTA = new SerializedString("reportingMta");
        static final SerializedString RULE = new SerializedString("rule");
        static final SerializedString SENDGRID = new SerializedString("sendgrid");
        static final SerializedString SES = new SerializedString("ses");
        static final SerializedString SOURCE = new SerializedString("source");
        static final SerializedString SPARKPOST = new SerializedString("sparkpost");
        static final SerializedString STATUS = new SerializedString("status");
        static final SerializedString STATUS_INFERRED = new SerializedString("statusInferred");
        static final SerializedString SUBJECT = new SerializedString("subject");
        static final SerializedString TO = new SerializedString("to");
        static final SerializedString TRUNCATED = new SerializedString("truncated");
        static final SerializedString VERDICTS = new SerializedString("verdicts");
        static final SerializedString WILL_RETRY_UNTIL = new SerializedString("willRetryUntil");

        private Names() {
        }
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
