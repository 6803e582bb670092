package org.bouncekit.reason;

import java.text.Normalizer;

/**
 * Lowercases text, drops accents and collapses runs of white space (and line breaks) into one
 * space. Accents go because SMTP replies are ASCII: French, Spanish or Portuguese servers write
 * "boite pleine", "buzon lleno", "nao existe" as often as the accented forms. Phrases and texts
 * go through the same normalization, so either spelling matches either.
 */
final class TextNormalizer {
    private TextNormalizer() {
    }

    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String in = hasNonAscii(s) ? Normalizer.normalize(s, Normalizer.Form.NFD) : s;
        // a char[] and ASCII fast paths rather than a StringBuilder: this runs over whole bounce texts
        int n = in.length();
        char[] out = new char[n];
        int len = 0;
        boolean space = true;
        for (int i = 0; i < n; i++) {
            char c = in.charAt(i);
            // every char up to ' ' is a control or white space; from DEL on, ask Character
            if (c <= ' ' || c >= '\u007f' && (Character.isWhitespace(c) || c == '\u00a0' || Character.isISOControl(c))) {
                if (!space) {
                    out[len++] = ' ';
                    space = true;
                }
            } else if (c >= 0x300 && Character.getType(c) == Character.NON_SPACING_MARK) {
                continue; // a combining accent split off by NFD
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

    private static boolean hasNonAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }
}
