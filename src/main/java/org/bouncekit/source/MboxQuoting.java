package org.bouncekit.source;

import java.util.Arrays;

/** mboxrd quoting: a writer adds one {@code >} to every line matching {@code ^>*From }; a reader removes it. */
final class MboxQuoting {
    private MboxQuoting() {
    }

    /** The first {@code length} bytes of {@code text} with one {@code >} removed from each quoted From line. */
    static byte[] unquote(byte[] text, int length) {
        byte[] out = null;
        int written = 0;
        int copiedUpTo = 0;
        boolean lineStart = true;
        for (int i = 0; i < length; i++) {
            byte b = text[i];
            if (lineStart && b == '>') {
                int j = i + 1;
                while (j < length && text[j] == '>') {
                    j++;
                }
                if (startsWithFrom(text, j, length)) {
                    if (out == null) {
                        out = new byte[length];
                    }
                    int run = i - copiedUpTo;
                    System.arraycopy(text, copiedUpTo, out, written, run);
                    written += run;
                    copiedUpTo = i + 1; // drop this '>'
                }
                i = j - 1;
                lineStart = false;
                continue;
            }
            lineStart = b == '\n' || (b == '\r' && (i + 1 >= length || text[i + 1] != '\n'));
        }
        if (out == null) {
            return Arrays.copyOf(text, length);
        }
        int run = length - copiedUpTo;
        System.arraycopy(text, copiedUpTo, out, written, run);
        written += run;
        return written == out.length ? out : Arrays.copyOf(out, written);
    }

    static boolean startsWithFrom(byte[] b, int at, int limit) {
        return limit - at >= 5 && b[at] == 'F' && b[at + 1] == 'r' && b[at + 2] == 'o' && b[at + 3] == 'm'
                && b[at + 4] == ' ';
    }
}
