package org.bouncekit;

import java.util.List;

/**
 * The result of classifying one message.
 *
 * @param kind      what the message is
 * @param messageId the bounce's own Message-ID, or null
 * @param mta       the format that decoded it (e.g. {@code rfc3464}, {@code postfix}, {@code qmail}), or null
 * @param subject   the bounce's own Subject (decoded, untrusted), or null
 * @param original  what is known of the message that was sent
 * @param verdicts  one per recipient; empty for not-bounce and unreadable messages
 * @param error     why the message could not be read ({@link MessageKind#UNREADABLE}), or null
 * @param truncated true when the message exceeded a read limit and was classified from its beginning
 * @param reportingMta the host that wrote the report (DSN Reporting-MTA), or null
 */
public record BounceReport(
        MessageKind kind,
        String messageId,
        String mta,
        String subject,
        OriginalMessage original,
        List<Verdict> verdicts,
        String error,
        boolean truncated,
        String reportingMta) {

    public BounceReport {
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
        original = original == null ? OriginalMessage.UNKNOWN : original;
    }

    /** A report that does not name its reporting MTA. */
    public BounceReport(MessageKind kind, String messageId, String mta, String subject, OriginalMessage original,
                        List<Verdict> verdicts, String error, boolean truncated) {
        this(kind, messageId, mta, subject, original, verdicts, error, truncated, null);
    }

    /** A report for a message that could not be read. */
    public static BounceReport unreadable(String error) {
        return new BounceReport(MessageKind.UNREADABLE, null, null, null, OriginalMessage.UNKNOWN,
                List.of(), error, false);
    }

    /** This report marked as classified from a truncated message. */
    public BounceReport withTruncated() {
        return new BounceReport(kind, messageId, mta, subject, original, verdicts, error, true, reportingMta);
    }
}
