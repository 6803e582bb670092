package org.bouncekit.parse;

/** Line ending normalization: LF, CRLF and CR-only input must classify alike. */
public final class LineEndings {
    private LineEndings() {
    }

    /** Bytes with every CRLF and lone CR turned into LF; the same array when there is no CR. */
    public static byte[] toLf(byte[] in) {
        int cr = ByteScan.indexOf(in, (byte) '\r', 0, in.length);
        if (cr < 0) {
            return in;
        }
        // line by line: a word-at-a-time search for the next CR and one copy of the bytes before it
        byte[] out = new byte[in.length];
        int o = 0;
        int from = 0;
        while (cr >= 0) {
            System.arraycopy(in, from, out, o, cr - from);
            o += cr - from;
            out[o++] = '\n';
            from = cr + 1;
            if (from < in.length && in[from] == '\n') {
                from++;
            }
            cr = ByteScan.indexOf(in, (byte) '\r', from, in.length);
        }
        System.arraycopy(in, from, out, o, in.length - from);
        o += in.length - from;
        return java.util.Arrays.copyOf(out, o);
    }

    /** Text with every CRLF and lone CR turned into LF. */
    public static String toLf(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
