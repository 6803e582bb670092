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
        StringBuilder sb = new StringBuilder(in.length());
        boolean space = true;
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0' || Character.isISOControl(c)) {
                if (!space) {
                    sb.append(' ');
                    space = true;
                }
            } else if (c >= 0x300 && Character.getType(c) == Character.NON_SPACING_MARK) {
                continue; // a combining accent split off by NFD
            } else {
                sb.append(Character.toLowerCase(c));
                space = false;
            }
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == ' ') {
            sb.setLength(len - 1);
        }
        return sb.toString();
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
