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
        byte[] out = new byte[in.length];
        System.arraycopy(in, 0, out, 0, cr);
        int o = cr;
        for (int i = cr; i < in.length; i++) {
            byte b = in[i];
            if (b == '\r') {
                out[o++] = '\n';
                if (i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
            } else {
                out[o++] = b;
            }
        }
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
