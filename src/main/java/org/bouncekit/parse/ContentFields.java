package org.bouncekit.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * The Content-Type and Content-Transfer-Encoding of one entity, read as mime4j's fallback body descriptor builder
 * reads them: the first Content-Type that gives a valid type (a multipart only with a boundary) counts, the charset
 * comes from the last one read, a part of a multipart/digest defaults to message/rfc822. A Content-Type in plain
 * ASCII without comments or escapes (nearly all of them) is parsed here; any other goes to mime4j's parser.
 */
final class ContentFields {
    private final String parentMimeType;
    private String mediaType;
    private String mimeType;
    private String boundary;
    private String charset;
    private String transferEncoding;

    ContentFields(String parentMimeType) {
        this.parentMimeType = parentMimeType;
    }

    /** What a body is: lowercase type/subtype, its boundary, charset and transfer encoding. */
    record Descriptor(String mimeType, String boundary, String charset, String transferEncoding) {
    }

    void reset() {
        mediaType = null;
        mimeType = null;
        boundary = null;
        charset = null;
        transferEncoding = null;
    }

    ContentFields newChild() {
        return new ContentFields(mimeType);
    }

    /** Notes a header field; {@code name} is lowercase. */
    void addField(String name, String body) {
        if (transferEncoding == null && name.equals("content-transfer-encoding")) {
            String v = body.trim().toLowerCase(Locale.US);
            if (!v.isEmpty()) {
                transferEncoding = v;
            }
        } else if (mimeType == null && name.equals("content-type")) {
            contentType(isSimple(body) ? parseSimple(body) : parseWithMime4j(body));
        }
    }

    /** True while a Content-Type field would still count. */
    boolean wantsContentType() {
        return mimeType == null;
    }

    Descriptor build() {
        String type = mimeType;
        String media = mediaType;
        if (type == null) {
            if (parentMimeType != null && parentMimeType.equalsIgnoreCase("multipart/digest")) {
                type = "message/rfc822";
                media = "message";
            } else {
                type = "text/plain";
                media = "text";
            }
        }
        String cs = charset;
        if (cs == null && "text".equals(media)) {
            cs = "us-ascii";
        }
        return new Descriptor(type, boundary, cs, transferEncoding != null ? transferEncoding : "7bit");
    }

    /** Notes a Content-Type field's value and parameters (when {@link #wantsContentType()}). */
    void contentType(Parsed p) {
        String main = p.value;
        String type = null;
        if (main != null) {
            main = main.toLowerCase().trim(); // the default locale, as mime4j has it
            int index = main.indexOf('/');
            boolean valid = false;
            if (index != -1) {
                // type and subtype trimmed around the '/'; usually there is nothing to trim and main stays as it is
                int ts = TextRange.trimStart(main, 0, index);
                int te = TextRange.trimEnd(main, ts, index);
                int ss = TextRange.trimStart(main, index + 1, main.length());
                int se = TextRange.trimEnd(main, ss, main.length());
                if (ts < te && ss < se) {
                    type = main.substring(ts, te);
                    if (ts != 0 || te != index || ss != index + 1 || se != main.length()) {
                        main = type + "/" + main.substring(ss, se);
                    }
                    valid = true;
                }
            }
            if (!valid) {
                main = null;
                type = null;
            }
        }
        String b = p.boundary;
        if (main != null && (!main.startsWith("multipart/") || b != null)) {
            mimeType = main;
            mediaType = type;
        }
        if (mimeType != null && mimeType.toLowerCase().startsWith("multipart/")) {
            boundary = b;
        }
        String c = p.charset;
        charset = null;
        if (c != null) {
            c = c.trim();
            if (!c.isEmpty()) {
                charset = c;
            }
        }
    }

    /** A Content-Type body's value and the last boundary and charset parameters (a later one wins, as in a map). */
    static final class Parsed {
        String value;
        String boundary;
        String charset;

        void param(String name, String value) {
            String n = name.toLowerCase(Locale.US);
            if (n.equals("boundary")) {
                boundary = value;
            } else if (n.equals("charset")) {
                charset = value;
            }
        }
    }

    static Parsed parseWithMime4j(String body) {
        RawBody rb = RawFieldParser.DEFAULT.parseRawBody(new RawField("Content-Type", body));
        Parsed p = new Parsed();
        p.value = rb.getValue();
        for (NameValuePair nvp : rb.getParams()) {
            p.param(nvp.getName(), nvp.getValue());
        }
        return p;
    }

    /** ASCII without comments and escapes: parsed here the way mime4j's RawFieldParser parses it. */
    static boolean isSimple(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = a[i];
            if (c < 0 || c == '(' || c == '\\' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    static boolean isSimple(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == '(' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    static Parsed parseSimple(String s) {
        return parseSimple(s.getBytes(StandardCharsets.ISO_8859_1), 0, s.length());
    }

    /** {@code a[from, to)} is ASCII without comments or escapes (see {@link #isSimple}) and without CRs. */
    static Parsed parseSimple(byte[] a, int from, int to) {
        Parsed p = new Parsed();
        Cursor cur = new Cursor(a, from, to);
        p.value = cur.token(false);
        if (cur.atEnd()) {
            return p;
        }
        cur.pos++;
        cur.skipWhiteSpace();
        while (!cur.atEnd()) {
            String name = cur.token(true);
            if (cur.atEnd()) {
                p.param(name, null);
                break;
            }
            char delim = (char) a[cur.pos++];
            if (delim == ';') {
                p.param(name, null);
                continue;
            }
            String value = cur.value();
            if (!cur.atEnd()) {
                cur.pos++;
            }
            p.param(name, value);
        }
        return p;
    }

    /** RawFieldParser's token and value rules over plain ASCII bytes. */
    private static final class Cursor {
        private final byte[] a;
        private final int end;
        private int pos;

        Cursor(byte[] a, int from, int to) {
            this.a = a;
            this.pos = from;
            this.end = to;
        }

        private String str(int from, int to) {
            return new String(a, from, to - from, StandardCharsets.ISO_8859_1);
        }

        private int indexOfQuote(int from) {
            for (int i = from; i < end; i++) {
                if (a[i] == '"') {
                    return i;
                }
            }
            return -1;
        }

        boolean atEnd() {
            return pos >= end;
        }

        void skipWhiteSpace() {
            while (pos < end && MimeReader.isWhitespace((char) a[pos])) {
                pos++;
            }
        }

        /** Up to ';' (or also '=' for a parameter name), runs of white space inside becoming one space. */
        String token(boolean stopAtEquals) {
            // nearly always one word between white space: a substring, no builder
            int p = skipWhiteSpace(pos);
            int from = p;
            while (p < end && !endsWord((char) a[p], stopAtEquals)) {
                p++;
            }
            int to = p;
            p = skipWhiteSpace(p);
            if (p >= end || (char) a[p] == ';' || stopAtEquals && (char) a[p] == '=') {
                pos = p;
                return str(from, to);
            }
            return tokenOfWords(stopAtEquals);
        }

        private int skipWhiteSpace(int p) {
            while (p < end && MimeReader.isWhitespace((char) a[p])) {
                p++;
            }
            return p;
        }

        private static boolean endsWord(char c, boolean stopAtEquals) {
            return c == ';' || stopAtEquals && c == '=' || MimeReader.isWhitespace(c);
        }

        private String tokenOfWords(boolean stopAtEquals) {
            StringBuilder dst = new StringBuilder(32); // rare: a token or value of several words
            boolean whitespace = false;
            while (pos < end) {
                char c = (char) a[pos];
                if (c == ';' || stopAtEquals && c == '=') {
                    break;
                } else if (MimeReader.isWhitespace(c)) {
                    skipWhiteSpace();
                    whitespace = true;
                } else {
                    if (dst.length() > 0 && whitespace) {
                        dst.append(' ');
                    }
                    while (pos < end) {
                        char d = (char) a[pos];
                        if (d == ';' || stopAtEquals && d == '=' || MimeReader.isWhitespace(d)) {
                            break;
                        }
                        dst.append(d);
                        pos++;
                    }
                    whitespace = false;
                }
            }
            return dst.toString();
        }

        /** A parameter value up to ';': quoted strings unquoted (line breaks in them dropped), encoded-words decoded. */
        String value() {
            // nearly always one word or one quoted string: no builder
            int p = skipWhiteSpace(pos);
            String single = null;
            if (p < end && (char) a[p] == '"') {
                int close = indexOfQuote(p + 1);
                int to = close < 0 ? end : close;
                String quoted = str(p + 1, to);
                if (quoted.indexOf('\r') < 0 && quoted.indexOf('\n') < 0) {
                    single = quoted.length() > 1 && quoted.startsWith("=?")
                            ? EncodedWords.decode(quoted) : quoted;
                    p = close < 0 ? to : close + 1;
                }
            } else {
                int from = p;
                while (p < end && (char) a[p] != '"' && !endsWord((char) a[p], false)) {
                    p++;
                }
                single = str(from, p);
            }
            if (single != null) {
                p = skipWhiteSpace(p);
                if (p >= end || (char) a[p] == ';') {
                    pos = p;
                    return single;
                }
            }
            return valueOfWords();
        }

        private String valueOfWords() {
            StringBuilder dst = new StringBuilder(32); // rare: a token or value of several words
            boolean whitespace = false;
            while (pos < end) {
                char c = (char) a[pos];
                if (c == ';') {
                    break;
                } else if (MimeReader.isWhitespace(c)) {
                    skipWhiteSpace();
                    whitespace = true;
                } else if (c == '"') {
                    if (dst.length() > 0 && whitespace) {
                        dst.append(' ');
                    }
                    pos++;
                    int from = pos;
                    boolean lineBreak = false;
                    while (pos < end && (char) a[pos] != '"') {
                        char d = (char) a[pos];
                        lineBreak |= d == '\r' || d == '\n';
                        pos++;
                    }
                    String quoted = str(from, pos);
                    if (pos < end) {
                        pos++; // the closing quote
                    }
                    if (lineBreak) {
                        quoted = quoted.replace("\r", "").replace("\n", "");
                    }
                    if (quoted.length() > 1 && quoted.startsWith("=?")) {
                        quoted = EncodedWords.decode(quoted);
                    }
                    dst.append(quoted);
                    whitespace = false;
                } else {
                    if (dst.length() > 0 && whitespace) {
                        dst.append(' ');
                    }
                    while (pos < end) {
                        char d = (char) a[pos];
                        if (d == ';' || d == '"' || MimeReader.isWhitespace(d)) {
                            break;
                        }
                        dst.append(d);
                        pos++;
                    }
                    whitespace = false;
                }
            }
            return dst.toString();
        }
    }
}
