package org.bouncekit.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What classification needs from one message, extracted within the configured limits.
 *
 * <p>The fields are fixed at construction. Values derived from them ({@link #derived}) are computed once, on
 * first use: a message is classified by one thread, so the cache is not synchronized.
 */
public final class ParsedMessage {
    private final HeaderBlock headers;
    private final String contentType;
    private final String reportType;
    private final List<TextPart> texts;
    private final List<String> deliveryStatus;
    private final String feedbackReport;
    private final List<HeaderBlock> attachedHeaders;
    private final boolean truncated;
    private final String problem;
    // A handful of derived values per message: parallel arrays searched by identity beat a map here.
    private Derived<?>[] derivedKeys = new Derived<?>[4];
    private Object[] derivedValues = new Object[4];
    private int derivedCount;
    private DeliveryStatus[] parsedReports;
    private int[] parsedLimits;

    /**
     * A parsed message.
     *
     * @param headers          the message's own header fields
     * @param contentType      lowercase type/subtype of the top-level entity
     * @param reportType       the report-type parameter of a multipart/report, lowercase, or null
     * @param texts            text parts (text/*) in document order, including those of attached messages
     * @param deliveryStatus   bodies of message/delivery-status and message/global-delivery-status parts
     * @param feedbackReport   the body of a message/feedback-report part, or null
     * @param attachedHeaders  header blocks of attached messages (message/rfc822, text/rfc822-headers), outermost first
     * @param truncated        true when a limit stopped reading before the end of the message
     * @param problem          the limit or defect that stopped parsing early, or null
     */
    public ParsedMessage(HeaderBlock headers, String contentType, String reportType, List<TextPart> texts,
                         List<String> deliveryStatus, String feedbackReport, List<HeaderBlock> attachedHeaders,
                         boolean truncated, String problem) {
        this.headers = Objects.requireNonNull(headers, "headers");
        this.contentType = contentType;
        this.reportType = reportType;
        this.texts = texts;
        this.deliveryStatus = deliveryStatus;
        this.feedbackReport = feedbackReport;
        this.attachedHeaders = attachedHeaders;
        this.truncated = truncated;
        this.problem = problem;
    }

    /**
     * A value computed from a message once and shared by the readers that need it (the bounce text in
     * lowercase, the parsed delivery-status fields, ...): each format used to redo that work.
     *
     * @param <T> the value's type
     */
    public static final class Derived<T> {
        private final Function<ParsedMessage, T> compute;

        public Derived(Function<ParsedMessage, T> compute) {
            this.compute = Objects.requireNonNull(compute, "compute");
        }
    }

    /** The value of {@code key} for this message, computed on first use. */
    @SuppressWarnings("unchecked")
    public <T> T derived(Derived<T> key) {
        for (int i = 0; i < derivedCount; i++) {
            if (derivedKeys[i] == key) {
                return (T) derivedValues[i];
            }
        }
        T v = key.compute.apply(this);
        if (derivedCount == derivedKeys.length) {
            derivedKeys = Arrays.copyOf(derivedKeys, derivedCount * 2);
            derivedValues = Arrays.copyOf(derivedValues, derivedCount * 2);
        }
        derivedKeys[derivedCount] = key;
        derivedValues[derivedCount++] = v;
        return v;
    }

    public HeaderBlock headers() {
        return headers;
    }

    public String contentType() {
        return contentType;
    }

    public String reportType() {
        return reportType;
    }

    public List<TextPart> texts() {
        return texts;
    }

    public List<String> deliveryStatus() {
        return deliveryStatus;
    }

    /**
     * The fields of {@code deliveryStatus().get(index)}, at most {@code maxRecipients} recipient groups. Parsed
     * once per message (several formats look at the same report) and re-parsed only when a caller asks for
     * more recipients than an earlier, truncated parse kept.
     */
    public DeliveryStatus deliveryStatusFields(int index, int maxRecipients) {
        if (parsedReports == null) {
            parsedReports = new DeliveryStatus[deliveryStatus.size()];
            parsedLimits = new int[deliveryStatus.size()];
        }
        DeliveryStatus ds = parsedReports[index];
        int limit = parsedLimits[index];
        boolean complete = ds != null && ds.recipientFields().size() < limit;
        if (ds == null || maxRecipients > limit && !complete) {
            ds = DeliveryStatusParser.parse(deliveryStatus.get(index), maxRecipients);
            parsedReports[index] = ds;
            parsedLimits[index] = maxRecipients;
        }
        return ds.limitedTo(maxRecipients);
    }

    public String feedbackReport() {
        return feedbackReport;
    }

    public List<HeaderBlock> attachedHeaders() {
        return attachedHeaders;
    }

    public boolean truncated() {
        return truncated;
    }

    public String problem() {
        return problem;
    }

    private static final Derived<String> BODY_TEXT = new Derived<>(ParsedMessage::buildBodyText);

    /** The concatenated text of the bounce itself (parts not inside an attached message), LF line endings. */
    public String bodyText() {
        return derived(BODY_TEXT);
    }

    private static String buildBodyText(ParsedMessage m) {
        TextPart only = null;
        int count = 0;
        for (TextPart p : m.texts) {
            if (!p.inAttached()) {
                only = p;
                count++;
            }
        }
        if (count <= 1) {
            return only == null ? "" : only.text(); // the common case: no copy
        }
        StringBuilder sb = new StringBuilder();
        for (TextPart p : m.texts) {
            if (!p.inAttached()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(p.text());
            }
        }
        return sb.toString();
    }

    /** The first text/plain part of the bounce itself (not inside an attached message), or "". */
    public String firstPlainText() {
        for (TextPart p : texts) {
            if (!p.inAttached() && p.mimeType().equals("text/plain")) {
                return p.text();
            }
        }
        return "";
    }

    /**
     * The first attached message read as a message of its own (its headers, its text parts, the messages it
     * carries), or null when nothing is attached: a bounce forwarded as an attachment (an NDR a user forwarded,
     * a list's "uncaught bounce" notice) is then classified from the bounce it carries. Its delivery-status
     * parts, if any, are already this message's own (see {@link MimeParser}).
     */
    public ParsedMessage attachedMessage() {
        if (attachedHeaders.isEmpty()) {
            return null;
        }
        List<TextPart> inner = new java.util.ArrayList<>();
        for (TextPart p : texts) {
            if (p.inAttached() && !p.mimeType().equals("text/rfc822-headers") && !p.mimeType().startsWith("message/")) {
                inner.add(new TextPart(p.mimeType(), p.text(), false, p.headers()));
            }
        }
        return new ParsedMessage(attachedHeaders.get(0), "text/plain", null, inner, List.of(), null,
                attachedHeaders.subList(1, attachedHeaders.size()), truncated, problem);
    }

    /** Header fields of the returned original message, or an empty block. */
    public HeaderBlock originalHeaders() {
        return attachedHeaders.isEmpty() ? HeaderBlock.empty() : attachedHeaders.get(0);
    }

    /** The top-level Subject, or "". */
    public String subject() {
        String s = headers.first("subject");
        return s == null ? "" : s;
    }

    /** The top-level From, or "". */
    public String from() {
        String s = headers.first("from");
        return s == null ? "" : s;
    }
}
