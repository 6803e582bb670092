package org.bouncekit.parse;

import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.stream.DefaultFieldBuilder;
import org.apache.james.mime4j.stream.FieldBuilder;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.ByteArrayBuffer;
import org.apache.james.mime4j.util.CharsetUtil;
import org.apache.james.mime4j.util.RecycledByteArrayBuffer;

/**
 * mime4j's field builder, minus the per-character token parser it runs on every header line to find the
 * field name (a StringBuilder grown byte by byte: about a tenth of a scan's parsing time). Same rules:
 * the name is what precedes the first colon, trimmed, and must be printable ASCII without spaces (it is
 * returned in lowercase); a line
 * without a colon or with an illegal name is rejected with a {@link MimeException}, which mime4j's lenient
 * mode skips. The body is the rest of the line after one optional space, decoded as {@link MimeParser#bodyOf}
 * does (ASCII as it is, anything else as UTF-8), folding left for {@link MimeParser#decodeHeader}.
 */
final class HeaderFieldBuilder implements FieldBuilder {
    private final RecycledByteArrayBuffer buf = new RecycledByteArrayBuffer(DefaultFieldBuilder.getBufferRecycler(), 4096);
    private final int maxLength;

    HeaderFieldBuilder(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public void reset() {
        buf.clear();
    }

    @Override
    public void append(ByteArrayBuffer line) throws MaxHeaderLengthLimitException {
        if (line == null) {
            return;
        }
        if (maxLength > 0 && buf.length() + line.length() >= maxLength) {
            throw new MaxHeaderLengthLimitException("Maximum header length limit (" + maxLength + ") exceeded");
        }
        buf.append(line.buffer(), 0, line.length());
    }

    @Override
    public RawField build() throws MimeException {
        byte[] b = buf.buffer();
        int len = buf.length();
        if (len > 0 && b[len - 1] == '\n') {
            len--;
        }
        if (len > 0 && b[len - 1] == '\r') {
            len--;
        }
        int colon = -1;
        for (int i = 0; i < len; i++) {
            if (b[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            throw new InvalidField("Invalid MIME field: no name/value separator found");
        }
        int start = 0;
        while (start < colon && isWhitespace(b[start])) {
            start++;
        }
        int end = colon;
        while (end > start && isWhitespace(b[end - 1])) {
            end--;
        }
        // Lowercase from the start: every reader (ours, and mime4j's getNameLowerCase) compares it that way.
        byte[] lower = null;
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (c < 33 || c > 126) {
                throw new InvalidField("MIME field name contains illegal characters");
            }
            if (c >= 'A' && c <= 'Z') {
                if (lower == null) {
                    lower = java.util.Arrays.copyOfRange(b, start, end);
                }
                lower[i - start] = (byte) (c + 32);
            }
        }
        String name = lower != null ? new String(lower, StandardCharsets.ISO_8859_1)
                : new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        int off = colon + 1;
        if (len > off + 1 && isWhitespace(b[off])) {
            off++;
        }
        String body = body(b, off, len);
        // RawField refuses a CR not followed by LF and whitespace (header injection); MimeParser hands over LF-only
        // text, and unfolding drops line breaks anyway: without CRs the body reads the same.
        return new RawField(name, body.indexOf('\r') < 0 ? body : body.replace("\r", ""));
    }

    private static String body(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return new String(b, from, to - from, StandardCharsets.UTF_8);
            }
        }
        return new String(b, from, to - from, StandardCharsets.US_ASCII);
    }

    private static boolean isWhitespace(byte c) {
        return CharsetUtil.isWhitespace((char) (c & 0xff)); // mime4j's own definition, as bodyOf uses
    }

    @Override
    public RecycledByteArrayBuffer getRaw() {
        return buf;
    }

    @Override
    public void release() {
        buf.release();
    }

    /** Thrown for every malformed header line, which mime4j then skips: no stack trace to fill in. */
    private static final class InvalidField extends MimeException {
        private static final long serialVersionUID = 1L;

        InvalidField(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
