package org.bouncekit.reason;

/** Lowercases text and collapses runs of white space (and line breaks) into one space. */
final class TextNormalizer {
    private TextNormalizer() {
    }

    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        // a char[] rather than a StringBuilder: this runs over whole bounce texts, once per phrase lookup
        int n = s.length();
        char[] out = new char[n];
        int len = 0;
        boolean space = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            // every char up to ' ' is a control or white space; from DEL on, ask Character
            if (c <= ' ' || c >= '\u007f' && (Character.isWhitespace(c) || c == '\u00a0' || Character.isISOControl(c))) {
                if (!space) {
                    out[len++] = ' ';
                    space = true;
                }
            } else {
                out[len++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c < 128 ? c : Character.toLowerCase(c);
                space = false;
            }
        }
        if (len > 0 && out[len - 1] == ' ') {
            len--;
        }
        return new String(out, 0, len);
    }
}
