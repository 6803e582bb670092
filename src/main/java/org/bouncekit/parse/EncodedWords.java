package org.bouncekit.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.io.InputStreams;
import org.apache.james.mime4j.util.CharsetUtil;

/**
 * RFC 2047 encoded-words decoded with exactly the result of mime4j 0.8.15's lenient
 * {@code DecoderUtil.decodeEncodedWords(text, DecodeMonitor.SILENT)}, its oddities included: consecutive words
 * of one charset and encoding are decoded together (so a character may span words), white space between decoded
 * words is dropped, a word that does not decode stays as written (ahead of decoded bytes still waiting for their
 * charset), a word without text is dropped. mime4j's charset look-up, its ASCII view of the text and its base64
 * decoder are used as they are; the "Q" words, most of them, go through {@link QuotedPrintableDecoder}, one per
 * thread, where mime4j took a quoted-printable stream and three 4,000-byte buffers from its recycler per word.
 */
final class EncodedWords {
    private static final ThreadLocal<QuotedPrintableDecoder> QUOTED_PRINTABLE =
            ThreadLocal.withInitial(() -> new QuotedPrintableDecoder(null));

    private EncodedWords() {
    }

    /** {@code text} with its encoded-words decoded. */
    static String decode(String text) {
        // decoded bytes waiting for the words after them: decoded together while charset and encoding stay
        QuotedPrintableDecoder.ByteQueue pending = new QuotedPrintableDecoder.ByteQueue();
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        String lastCharset = "";
        String lastEncoding = "";
        while (pos < text.length()) {
            int start = text.indexOf("=?", pos);
            if (start < 0) {
                if (pos == 0) {
                    return text;
                }
                flush(pending, sb, lastCharset);
                sb.append(text, pos, text.length());
                break;
            }
            int q1 = text.indexOf('?', start + 2);
            int q2 = text.indexOf('?', q1 + 1);
            int end = text.indexOf("?=", q2 + 1);
            if (q1 < 0 || q2 < 0 || end < 0) {
                flush(pending, sb, lastCharset);
                sb.append(text, pos, start + 2);
                pos = start + 2;
                continue;
            }
            if (q2 == end) { // as mime4j has it, though the search for "?=" starts after q2
                flush(pending, sb, lastCharset);
                sb.append(text, pos, Math.min(end + 2, text.length()));
                pos = end + 2;
                continue;
            }
            String separator = text.substring(pos, start);
            if (!(CharsetUtil.isWhitespace(separator) && pos != 0) && !separator.isEmpty()) {
                flush(pending, sb, lastCharset);
                sb.append(separator);
            }
            String charset = text.substring(start + 2, q1);
            String encoding = text.substring(q1 + 1, q2);
            String encoded = text.substring(q2 + 1, end);
            if (!lastCharset.isEmpty() && !charset.equals(lastCharset)) {
                flush(pending, sb, lastCharset);
            }
            if (!lastEncoding.isEmpty() && !encoding.equals(lastEncoding)) {
                flush(pending, sb, lastCharset);
            }
            lastCharset = charset;
            lastEncoding = encoding;
            if (encoded.isEmpty()) {
                pos = end + 2;
                continue;
            }
            if (!decodeWord(charset, encoding, encoded, pending)) {
                sb.append(text, start, end + 2);
            }
            pos = end + 2;
        }
        flush(pending, sb, lastCharset);
        return sb.toString();
    }

    /** Appends the bytes of one word to {@code pending}; false when it does not decode (nothing appended). */
    private static boolean decodeWord(String charsetName, String encoding, String encoded,
            QuotedPrintableDecoder.ByteQueue pending) {
        if (CharsetUtil.lookup(charsetName) == null) {
            return false;
        }
        int mark = pending.length;
        try {
            if (encoding.equalsIgnoreCase("Q")) {
                QuotedPrintableDecoder decoder = QUOTED_PRINTABLE.get();
                try {
                    readAll(decoder.reset(InputStreams.createAscii(underscoresAsSpaces(encoded))), pending);
                } finally {
                    decoder.reset(null);
                }
                return true;
            }
            if (encoding.equalsIgnoreCase("B")) {
                Base64InputStream in = new Base64InputStream(InputStreams.createAscii(encoded), DecodeMonitor.SILENT);
                try {
                    readAll(in, pending);
                } finally {
                    in.close();
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new Error(e); // as mime4j: its lenient decoders never throw one
        } catch (RuntimeException e) {
            pending.length = mark;
            return false;
        }
    }

    /** Byte by byte, as mime4j reads a word (the reads decide nothing here, but the same reads are sure). */
    private static void readAll(InputStream in, QuotedPrintableDecoder.ByteQueue out) throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            out.add(b);
        }
    }

    /** The pending bytes decoded in the charset of the words they came from, as one string. */
    private static void flush(QuotedPrintableDecoder.ByteQueue pending, StringBuilder sb, String charsetName) {
        if (pending.length > 0) {
            Charset cs = CharsetUtil.lookup(charsetName);
            sb.append(new String(pending.bytes, 0, pending.length, cs));
            pending.clear();
        }
    }

    /** mime4j's "_" to "=20" (which decodes to a space); the text itself when it has none. */
    private static String underscoresAsSpaces(String encoded) {
        if (encoded.indexOf('_') < 0) {
            return encoded;
        }
        StringBuilder sb = new StringBuilder(encoded.length() + 16);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '_') {
                sb.append("=20");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
