package org.bouncekit.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.EntityState;
import org.bouncekit.Limits;

/**
 * Reads a message's structure with {@link MimeReader}, our own streaming reader that gives Apache mime4j's events
 * (mime4j was chosen for its limits: Jakarta Mail has none, see docs/mime-hazards.md) and enforces the same limits
 * mime4j enforced: bytes per header field, fields per entity and in total, total header characters, nesting depth
 * and part count; plus the time budget, checked between events, and a bound on the decoded bytes of attached
 * messages (see {@link MimeReader}). Only what classification needs is kept: headers (each value made when first
 * asked for), the start of each text part, delivery-status and feedback-report bodies, and the headers of the
 * returned message. A limit or a defect stops parsing and keeps what was read. mime4j's codecs still decode base64;
 * quoted-printable and encoded-words (header fields, Content-Type parameters) are decoded by
 * {@link QuotedPrintableDecoder} and {@link EncodedWords}, which give mime4j's output.
 */
public final class MimeParser {
    private static final int MAX_REPORT_CHARS = 1 << 20;
    private static final int MAX_UNKNOWN_ENCODED_WORDS = 4;

    private final Limits limits;

    public MimeParser(Limits limits) {
        this.limits = limits;
    }

    /** A reader with this parser's limits (the values the mime4j configuration used to carry). */
    MimeReader newReader() {
        return new MimeReader(limits.maxHeaderBytes(), limits.maxHeaderCount(), limits.maxHeaderCount() * 8,
                Math.max(4L << 20, (long) limits.maxHeaderBytes() * 8), limits.maxMimeDepth(), limits.maxParts());
    }

    /** Parses a message; never throws on malformed input. {@code deadlineNanos} is a System.nanoTime() deadline. */
    public ParsedMessage parse(byte[] raw, long deadlineNanos) {
        byte[] message = withoutLeadingBlankLines(withoutMboxSeparator(LineEndings.toLf(raw)));
        ParsedMessage parsed = parseStructure(message, deadlineNanos);
        if (!parsed.headers().has("content-type")) {
            // Rare, and only then worth a look at the raw header and body: a multipart that lost its header.
            byte[] repaired = MissingContentType.repair(message);
            if (repaired != message) {
                parsed = parseStructure(repaired, deadlineNanos);
            }
        }
        return parsed;
    }

    private ParsedMessage parseStructure(byte[] message, long deadlineNanos) {
        Collector c = new Collector(message);
        MimeReader stream = newReader();
        String problem = null;
        try {
            stream.parse(message);
            int events = 0;
            for (EntityState state = stream.state(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                // The clock at the first event and every 8th: a reading costs ~25 ns, a message has ~50 events,
                // and the work of each is bounded by the limits.
                if ((events++ & 7) == 0 && System.nanoTime() - deadlineNanos > 0) {
                    problem = "time budget of " + limits.timeBudget().toMillis() + " ms exceeded while parsing";
                    break;
                }
                c.on(state, stream);
            }
        } catch (MimeException | IOException | RuntimeException e) {
            // Limits (depth, parts, header size) and malformed structure end up here: keep what was read.
            problem = describe(e);
        }
        c.usePreambleIfNothingElse();
        c.useAttachedReportsIfNoneOwn();
        return new ParsedMessage(c.top, c.topType, c.reportType, c.texts, c.deliveryStatus, c.feedback,
                c.attached, problem != null, problem);
    }

    /**
     * The message without a leading mbox "From " separator line (files saved from an mbox keep it);
     * no header field name contains a space, so such a line is never a header.
     */
    private static byte[] withoutMboxSeparator(byte[] m) {
        if (m.length < 5 || m[0] != 'F' || m[1] != 'r' || m[2] != 'o' || m[3] != 'm' || m[4] != ' ') {
            return m;
        }
        for (int i = 5; i < m.length; i++) {
            if (m[i] == '\n') {
                return Arrays.copyOfRange(m, i + 1, m.length);
            }
        }
        return m;
    }

    /**
     * The message without blank lines before its first header field (a message saved with a leading empty
     * line would otherwise be all body and no header). Only when a header field does follow them.
     */
    private static byte[] withoutLeadingBlankLines(byte[] m) {
        int i = 0;
        while (i < m.length && m[i] == '\n') {
            i++;
        }
        if (i == 0 || i == m.length) {
            return m;
        }
        int colon = -1;
        for (int k = i; k < m.length && k - i < 80 && m[k] != '\n'; k++) {
            if (m[k] == ':') {
                colon = k;
                break;
            }
            if (m[k] <= ' ' || m[k] >= 127) {
                return m; // a field name has no spaces or controls
            }
        }
        return colon > i ? Arrays.copyOfRange(m, i, m.length) : m;
    }

    static String describe(Throwable e) {
        String name = e.getClass().getSimpleName();
        String msg = e.getMessage();
        if (msg != null && msg.length() > 200) {
            msg = msg.substring(0, 200);
        }
        return msg == null ? name : name + ": " + msg;
    }

    /** Walks the reader's events and keeps what matters. */
    private final class Collector {
        /** The message as the reader reads it: without CRs (see {@link #parse}). */
        private final byte[] message;
        final HeaderBlock top = new HeaderBlock();
        String topType = "text/plain";
        String reportType;
        final List<TextPart> texts = new ArrayList<>();
        final List<String> deliveryStatus = new ArrayList<>();
        String feedback;
        String preamble;
        /** Delivery-status parts of attached messages: a bounce of a bounce reports only its own recipients. */
        final List<String> attachedDeliveryStatus = new ArrayList<>();
        final List<HeaderBlock> attached = new ArrayList<>();
        private int messageDepth;
        private HeaderBlock current;
        private int textChars;

        Collector(byte[] message) {
            this.message = message;
        }

        /** A forwarded bounce (no report of its own) is read from the report it carries. */
        void useAttachedReportsIfNoneOwn() {
            if (deliveryStatus.isEmpty() && !attachedDeliveryStatus.isEmpty()) {
                deliveryStatus.addAll(attachedDeliveryStatus);
            }
        }

        /** A multipart whose boundary never appears has all its content in the preamble: use it then. */
        void usePreambleIfNothingElse() {
            if (preamble == null || preamble.isBlank() || !deliveryStatus.isEmpty()) {
                return;
            }
            for (TextPart p : texts) {
                if (!p.inAttached()) {
                    return;
                }
            }
            texts.add(0, new TextPart("text/plain", preamble, false, HeaderBlock.empty()));
        }

        void on(EntityState state, MimeReader stream) throws IOException {
            switch (state) {
                case T_START_MESSAGE:
                    messageDepth++;
                    if (messageDepth == 1) {
                        current = top;
                    } else {
                        current = new HeaderBlock();
                        attached.add(current);
                    }
                    break;
                case T_END_MESSAGE:
                    messageDepth--;
                    break;
                case T_START_BODYPART:
                    current = new HeaderBlock(4);
                    break;
                case T_FIELD:
                    if (current != null) {
                        stream.addFieldTo(current);
                    }
                    break;
                case T_START_MULTIPART:
                    if (messageDepth == 1 && current == top) {
                        noteTopType(stream.mimeType());
                    }
                    break;
                case T_PREAMBLE:
                    // Normally "This is a MIME message"; but a multipart whose boundary never appears has its
                    // whole content here, and some MTAs write the human-readable report here.
                    if (messageDepth == 1 && preamble == null) {
                        preamble = readContent(stream, "utf-8", limits.maxTextChars(), message);
                    }
                    break;
                case T_BODY:
                    if (messageDepth == 1 && current == top) {
                        noteTopType(stream.mimeType());
                    }
                    body(stream, current == null ? new HeaderBlock() : current);
                    break;
                default:
                    break;
            }
        }

        /** Lowercase type/subtype; a parameter that lost its ';' ("text/plain charset=...") is cut off. */
        private static String mimeType(String bodyType) {
            String t = bodyType == null ? "text/plain" : bodyType.toLowerCase(Locale.ROOT);
            int cut = 0;
            while (cut < t.length() && !Character.isWhitespace(t.charAt(cut)) && t.charAt(cut) != ';') {
                cut++;
            }
            return t.substring(0, cut);
        }

        private void noteTopType(String bodyType) {
            topType = mimeType(bodyType);
            if (topType.equals("multipart/report")) {
                String[] rt = ContentTypeParams.reportType(top.first("content-type"));
                reportType = rt == null ? null : rt[0];
            }
        }

        private void body(MimeReader stream, HeaderBlock partHeaders) throws IOException {
            String type = mimeType(stream.mimeType());
            String charset = stream.charset();
            boolean inAttached = messageDepth > 1;
            switch (type) {
                case "message/delivery-status":
                case "message/global-delivery-status":
                    (messageDepth > 1 ? attachedDeliveryStatus : deliveryStatus)
                            .add(decodedText(stream, charset, MAX_REPORT_CHARS, message));
                    return;
                case "message/feedback-report":
                    if (feedback == null) {
                        feedback = decodedText(stream, charset, MAX_REPORT_CHARS, message);
                    }
                    return;
                case "text/rfc822-headers":
                case "message/global-headers":
                case "message/global":
                case "message/rfc822": {
                    // message/rfc822 never arrives here (the reader recurses into it); the others are read as text.
                    String text = decodedText(stream, charset, limits.maxTextChars(), message);
                    attached.add(HeaderText.parse(text, limits.maxHeaderCount()));
                    texts.add(new TextPart(type, text, true, partHeaders));
                    return;
                }
                default:
                    break;
            }
            if (type.startsWith("text/")) {
                int budget = Math.max(0, limits.maxTextChars() * 4 - textChars);
                if (budget == 0) {
                    return;
                }
                int max = Math.min(budget, limits.maxTextChars());
                String text = decodedText(stream, charset, max, message);
                if (type.equals("text/html")) {
                    text = HtmlText.toPlain(text);
                }
                textChars += text.length();
                texts.add(new TextPart(type, text, inAttached, partHeaders));
            }
            // Other bodies (images, attachments) are skipped unread: the reader moves past them.
        }
    }

    /**
     * At most {@code maxChars} characters of the part's body, decoded. A body labelled base64 is first read as it
     * stands (bounded): when it holds characters base64 never has (a gateway labelled plain text "base64"), it is
     * taken as written, as a reader would; otherwise it is decoded exactly as mime4j decodes it. A body without a
     * transfer encoding is decoded where it lies in the message ({@code crFree}, when it lies there, needs no
     * line endings turned into LF).
     */
    private static String decodedText(MimeReader stream, String charset, int maxChars, byte[] crFree)
            throws IOException {
        String te = stream.transferEncoding();
        if ("base64".equalsIgnoreCase(te)) {
            // 4 base64 chars per 3 bytes, plus line breaks: enough raw input for read()'s maxChars * 2 + 16 bytes
            int n = stream.readContent((int) Math.min(Integer.MAX_VALUE - 64, (maxChars * 2L + 16) * 3 / 2 + 64));
            byte[] a = stream.contentArray();
            int off = stream.contentOffset();
            InputStream raw = new ByteArrayInputStream(a, off, n);
            return read(looksLikeBase64(a, off, n) ? new Base64InputStream(raw, DecodeMonitor.SILENT) : raw, charset,
                    maxChars);
        }
        if ("quoted-printable".equalsIgnoreCase(te)) {
            // one decoder per thread, used again part after part: the part is read whole before the next one
            QuotedPrintableDecoder decoder = QUOTED_PRINTABLE.get().reset(stream.contentStream());
            try {
                return read(decoder, charset, maxChars);
            } finally {
                decoder.reset(null); // holds no message after the part
            }
        }
        return readContent(stream, charset, maxChars, crFree);
    }

    /**
     * At most {@code maxChars} characters of the current content as it stands, decoded in its charset; content
     * from the array {@code crFree} (an array without CRs) is known to have LF line endings.
     */
    private static String readContent(MimeReader stream, String charset, int maxChars, byte[] crFree) {
        // The rest is left unread: the reader moves past it to the next boundary without decoding it.
        int n = stream.readContent(maxChars * 2 + 16);
        byte[] a = stream.contentArray();
        return text(a, stream.contentOffset(), n, charset, maxChars, a == crFree);
    }

    /** Only the base64 alphabet, padding and white space; a line of prose has spaces between words and punctuation. */
    static boolean looksLikeBase64(byte[] raw) {
        return looksLikeBase64(raw, 0, raw.length);
    }

    static boolean looksLikeBase64(byte[] a, int off, int len) {
        int spaces = 0;
        for (int i = off; i < off + len; i++) {
            byte b = a[i];
            if (b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/' || b == '='
                    || b == '\n' || b == '\r' || b == '\t') {
                continue;
            }
            if (b == ' ') {
                spaces++;
                continue;
            }
            return false;
        }
        // a few stray spaces (trailing ones) are tolerated by decoders; prose has one every few characters
        return spaces * 16 < len + 16;
    }

    static String decodeHeader(String body) {
        return decodeUnfolded(unfold(body));
    }

    /** RFC 2047 encoded-words decoded in a header value already unfolded and trimmed. */
    static String decodeUnfolded(String unfolded) {
        if (unfolded.indexOf("=?") < 0 || !worthDecoding(unfolded)) {
            return unfolded;
        }
        try {
            return EncodedWords.decode(unfolded); // mime4j's DecoderUtil.decodeEncodedWords, to the letter
        } catch (RuntimeException e) {
            return unfolded;
        }
    }

    /**
     * mime4j looks up the charset of every "=?" it finds; for a name the JDK does not know that costs ~0.1 ms
     * (the charset providers are loaded anew each time), so a 64 KB header of "=?" took 2-7 s. A header with
     * more than a few encoded-words in unknown charsets is left as it is: it is garbage, or an attack.
     */
    static boolean worthDecoding(String s) {
        int unknown = 0;
        for (int i = s.indexOf("=?"); i >= 0; i = s.indexOf("=?", i + 2)) {
            int q = s.indexOf('?', i + 2); // never past the next "=?": linear overall
            String name = q < 0 || q - i > 64 ? null : s.substring(i + 2, q);
            int star = name == null ? -1 : name.indexOf('*'); // RFC 2231 language: =?utf-8*en?Q?...?=
            if (name == null || !Charsets.isKnownName(star < 0 ? name : name.substring(0, star))) {
                if (++unknown > MAX_UNKNOWN_ENCODED_WORDS) {
                    return false;
                }
            }
        }
        return true;
    }

    static String unfold(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s.trim();
        }
        // a char[] and one String, trimmed in place: this runs for every folded header field
        char[] out = new char[s.length()];
        int len = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\r' && ch != '\n') {
                out[len++] = ch;
            }
        }
        int start = 0;
        while (start < len && out[start] <= ' ') { // what String.trim() removes
            start++;
        }
        while (len > start && out[len - 1] <= ' ') {
            len--;
        }
        return new String(out, start, len - start);
    }

    /** Reads at most {@code maxChars} characters of a decoded body in its charset, falling back sensibly. */
    static String read(InputStream in, String charsetName, int maxChars) throws IOException {
        // Through a per-thread scratch buffer: a fresh buffer per part was most of the garbage of a scan, and the
        // text is decoded straight from it. The rest is left unread: the reader moves past it to the next boundary.
        int max = maxChars * 2 + 16;
        byte[] buf = SCRATCH.get();
        int n = 0;
        while (n < max) {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(max, buf.length * 2L));
                SCRATCH.set(buf); // bounded by max: at most maxTextChars * 2 per thread
            }
            int r = in.read(buf, n, buf.length - n); // to the buffer's end, past max or not
            if (r < 0) {
                break;
            }
            n += r;
        }
        return text(buf, 0, n, charsetName, maxChars, false);
    }

    /** {@code a[off, off + len)} decoded, at most {@code maxChars} characters, with LF line endings. */
    private static String text(byte[] a, int off, int len, String charsetName, int maxChars, boolean crFree) {
        Charset cs = Charsets.lookup(charsetName);
        boolean utf8 = isUtf8(cs);
        String text = utf8 ? utf8OrWindows1252(a, off, len) : new String(a, off, len, cs);
        if (text.length() > maxChars) {
            text = text.substring(0, maxChars);
        }
        // UTF-8 and windows-1252 make a CR of byte 13 only: bytes without one need no second look
        return crFree && utf8 ? text : LineEndings.toLf(text);
    }

    private static final ThreadLocal<QuotedPrintableDecoder> QUOTED_PRINTABLE =
            ThreadLocal.withInitial(() -> new QuotedPrintableDecoder(null));

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[16 << 10]);

    /** Undeclared or ASCII-declared 8-bit text is usually UTF-8, else Latin-1: both decoded as UTF-8 first. */
    private static boolean isUtf8(Charset cs) {
        return cs == null || cs == StandardCharsets.US_ASCII || cs == StandardCharsets.UTF_8;
    }

    private static String utf8OrWindows1252(byte[] a, int off, int len) {
        String strict = strictUtf8(a, off, len);
        return strict != null ? strict : new String(a, off, len, Charsets.WINDOWS_1252);
    }

    private static String strictUtf8(byte[] a, int off, int len) {
        // The JDK's String decoder is much faster than a CharsetDecoder; it replaces bad bytes with U+FFFD,
        // so only a result holding U+FFFD needs the strict check.
        String fast = new String(a, off, len, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = d.decode(ByteBuffer.wrap(a, off, len));
            return cb.toString();
        } catch (CharacterCodingException e) {
            // A cut in the middle of a multi-byte character at the end is not a reason to give up UTF-8.
            if (len > 4) {
                try {
                    int end = len;
                    while (end > len - 4 && (a[off + end - 1] & 0xC0) == 0x80) {
                        end--;
                    }
                    if (end > 0 && (a[off + end - 1] & 0x80) != 0) {
                        end--;
                    }
                    return d.reset().decode(ByteBuffer.wrap(a, off, end)).toString();
                } catch (CharacterCodingException e2) {
                    return null;
                }
            }
            return null;
        }
    }
}
