package org.bouncekit.mta;

import java.nio.charset.StandardCharsets;
import org.bouncekit.Limits;
import org.bouncekit.parse.MimeParser;
import org.bouncekit.parse.ParsedMessage;

/**
 * A bounce forwarded as plain text: an administrator's or provider's notice whose body holds the
 * original delivery report as raw text (headers, boundaries and all) instead of as an attached
 * message. The embedded report is parsed once more, within the same limits, and read as a DSN.
 */
final class InlineReportFormat implements BounceFormat {
    private static final String REPORT_TYPE = "content-type: multipart/report";

    private final Limits limits;
    private final DeliveryStatusFormat dsn;

    InlineReportFormat(Limits limits) {
        this.limits = limits;
        this.dsn = new DeliveryStatusFormat(limits.maxRecipients());
    }

    @Override
    public String name() {
        return "inline-report";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        if (!m.deliveryStatus().isEmpty() || !m.contentType().startsWith("text/")) {
            return null;
        }
        String text = PlainTextFormat.bounceText(m);
        int at = PlainTextFormat.bounceTextIndexed(m).indexOf(REPORT_TYPE);
        if (at < 0) {
            return null;
        }
        int start = headerBlockStart(text, at);
        byte[] embedded = text.substring(start).getBytes(StandardCharsets.UTF_8);
        ParsedMessage inner = new MimeParser(limits).parse(embedded, System.nanoTime() + limits.timeBudget().toNanos());
        DecodedBounce d = dsn.decode(inner);
        return d == null ? null : new DecodedBounce(name(), d.kind(), d.records(), d.reportingMta());
    }

    /** The start of the header block that holds the line at {@code at}: header lines and their continuations. */
    static int headerBlockStart(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        while (lineStart > 0) {
            int prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
            String prev = text.substring(prevStart, lineStart - 1);
            if (!isHeaderLine(prev)) {
                break;
            }
            lineStart = prevStart;
        }
        return lineStart;
    }

    private static boolean isHeaderLine(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char c = line.charAt(0);
        if (c == ' ' || c == '\t') {
            return true;
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || colon > 76) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char ch = line.charAt(i);
            if (!(Character.isLetterOrDigit(ch) || ch == '-' || ch == '_')) {
                return false;
            }
        }
        return true;
    }
}
