package org.bouncekit.parse;

import java.nio.charset.StandardCharsets;

/**
 * Repairs a multipart message that lost its Content-Type header (some MTAs and relays drop it): when
 * the body opens with a boundary line that recurs, the header is restored so that the parts, and a
 * delivery-status part among them, can be read.
 */
final class MissingContentType {
    private static final int SCAN = 64 * 1024;

    private MissingContentType() {
    }

    /** The message with a Content-Type header added when one is clearly missing; else the same array. */
    static byte[] repair(byte[] lf) {
        int end = headerEnd(lf);
        if (end < 0 || hasContentType(lf, end)) {
            return lf;
        }
        int bodyStart = end + 2;
        // The boundary line is the first line starting with "--" among the body's first few lines
        // (a preamble such as "This is a MIME-encapsulated message" may stand before it).
        int i = bodyStart;
        int eol = -1;
        for (int line = 0; line < 8 && i < lf.length; line++) {
            eol = indexOf(lf, (byte) '\n', i, Math.min(lf.length, i + 200));
            if (eol < 0) {
                return lf;
            }
            if (eol - i >= 4 && lf[i] == '-' && lf[i + 1] == '-') {
                break;
            }
            i = eol + 1;
            eol = -1;
        }
        if (eol < 0) {
            return lf;
        }
        String boundary = new String(lf, i + 2, eol - i - 2, StandardCharsets.ISO_8859_1).strip();
        if (boundary.isEmpty() || boundary.indexOf(' ') >= 0 || boundary.indexOf('"') >= 0 || boundary.endsWith("--")) {
            return lf;
        }
        byte[] again = ("\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        if (indexOf(lf, again, eol, lf.length) < 0) {
            return lf;
        }
        boolean report = containsIgnoreCase(lf, "content-type: message/delivery-status", bodyStart);
        String header = report
                ? "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"\n"
                : "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\n";
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[lf.length + h.length];
        System.arraycopy(lf, 0, out, 0, end + 1);
        System.arraycopy(h, 0, out, end + 1, h.length);
        System.arraycopy(lf, end + 1, out, end + 1 + h.length, lf.length - end - 1);
        return out;
    }

    /** The index of the "\n" that ends the last header line (followed by the blank line), or -1. */
    private static int headerEnd(byte[] b) {
        int limit = Math.min(b.length - 1, SCAN);
        for (int i = 0; i < limit; i++) {
            if (b[i] == '\n' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasContentType(byte[] b, int end) {
        String name = "content-type:";
        for (int i = 0; i <= end; i = nextLine(b, i, end)) {
            if (i < 0) {
                return false;
            }
            // the first byte alone rules out most lines ('C' and 'c' are the only bytes whose | 0x20 is 'c')
            if ((b[i] | 0x20) == 'c' && regionMatchesIgnoreCase(b, i, name)) {
                return true;
            }
        }
        return false;
    }

    private static int nextLine(byte[] b, int from, int end) {
        int nl = indexOf(b, (byte) '\n', from, end + 1);
        return nl < 0 ? -1 : nl + 1;
    }

    private static boolean regionMatchesIgnoreCase(byte[] b, int at, String lower) {
        if (at + lower.length() > b.length) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            if (Character.toLowerCase((char) (b[at + k] & 0xff)) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoreCase(byte[] b, String lower, int from) {
        int limit = Math.min(b.length, from + SCAN);
        for (int i = from; i < limit; i++) {
            if ((b[i] | 0x20) == lower.charAt(0) && regionMatchesIgnoreCase(b, i, lower)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] b, byte x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** Where {@code x} (which starts with a newline) occurs; only line starts are tried, so the cost is linear. */
    private static int indexOf(byte[] b, byte[] x, int from, int to) {
        for (int i = indexOf(b, (byte) '\n', from, to); i >= 0 && i + x.length <= to; i = indexOf(b, (byte) '\n', i + 1, to)) {
            int k = 1;
            while (k < x.length && b[i + k] == x[k]) {
                k++;
            }
            if (k == x.length) {
                return i;
            }
        }
        return -1;
    }
}
