package org.bouncekit.parse;

import java.util.List;

/**
 * What classification needs from one message, extracted within the configured limits.
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
public record ParsedMessage(
        HeaderBlock headers,
        String contentType,
        String reportType,
        List<TextPart> texts,
        List<String> deliveryStatus,
        String feedbackReport,
        List<HeaderBlock> attachedHeaders,
        boolean truncated,
        String problem) {

    /** The concatenated text of the bounce itself (parts not inside an attached message), LF line endings. */
    public String bodyText() {
        StringBuilder sb = new StringBuilder();
        for (TextPart p : texts) {
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
