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

    /*
     * What one non-ASCII char becomes, learnt the first time it is met (0: not yet known). A char whose
     * decomposition is a base char followed by accents (NFD) turns into that base char, lowercased, on its own:
     * decomposing the whole text and dropping the accents gives the same, so a text whose chars are all known
     * this way skips java.text.Normalizer, which cost more than the rest of the normalization together.
     * Combining marks themselves (the canonical reordering acts on them), surrogates and chars that become more
     * than one char take the full path. Racing threads store the same value, so plain char writes are safe.
     */
    private static final char UNKNOWN = 0;
    static final char FULL_PATH = 1;
    private static final char SPACE = 2;
    static final char DROPPED = 3;
    private static final char[] FOLDED = new char[65536];

    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        int n = s.length();
        // a char[] and ASCII fast paths rather than a StringBuilder: this runs over whole bounce texts
        char[] out = new char[n];
        int len = 0;
        boolean space = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                c = folded(c);
                if (c == FULL_PATH) {
                    return normalizeDecomposed(Normalizer.normalize(s, Normalizer.Form.NFD));
                }
                if (c == DROPPED) {
                    continue;
                }
            }
            if (becomesSpace(c)) {
                if (!space) {
                    out[len++] = ' ';
                    space = true;
                }
            } else {
                out[len++] = lowerAscii(c);
                space = false;
            }
        }
        if (len > 0 && out[len - 1] == ' ') {
            len--;
        }
        return new String(out, 0, len);
    }

    /**
     * True for a char that becomes a space: every char up to ' ' is a control or white space ({@link #SPACE}, what
     * {@link #folded} makes of other white space, among them); DEL too.
     */
    static boolean becomesSpace(char c) {
        return c <= ' ' || c == '\u007f';
    }

    /** {@code c} with an ASCII capital lowercased; every other char as it is (folded chars are lowercase). */
    static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** What a non-ASCII char becomes: a char, {@link #SPACE}, {@link #DROPPED} or {@link #FULL_PATH}. */
    static char folded(char c) {
        char f = FOLDED[c];
        if (f == UNKNOWN) {
            f = fold(c);
            FOLDED[c] = f;
        }
        return f;
    }

    private static char fold(char c) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || Character.isSurrogate(c)) {
            return FULL_PATH;
        }
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        // a decomposition that starts with a combining mark would be reordered with the accents before it
        // (U+0345 has the highest combining class: anything put before it is no starter)
        if (!Normalizer.normalize("\u0345" + d, Normalizer.Form.NFD).startsWith("\u0345")) {
            return FULL_PATH;
        }
        boolean space = false;
        int kept = 0;
        char last = 0;
        for (int i = 0; i < d.length(); i++) {
            char x = d.charAt(i);
            if (isSpace(x)) {
                space = true;
            } else if (!isDroppedMark(x)) {
                kept++;
                last = lower(x);
            }
        }
        if (kept == 0) {
            return space ? SPACE : DROPPED;
        }
        return kept == 1 && !space ? last : FULL_PATH;
    }

    /** The normalization of text already in NFD. */
    private static String normalizeDecomposed(String in) {
        int n = in.length();
        char[] out = new char[n];
        int len = 0;
        boolean space = true;
        for (int i = 0; i < n; i++) {
            char c = in.charAt(i);
            if (isSpace(c)) {
                if (!space) {
                    out[len++] = ' ';
                    space = true;
                }
            } else if (isDroppedMark(c)) {
                continue; // a combining accent split off by NFD
            } else {
                out[len++] = lower(c);
                space = false;
            }
        }
        if (len > 0 && out[len - 1] == ' ') {
            len--;
        }
        return new String(out, 0, len);
    }

    /** Every char up to ' ' is a control or white space; from DEL on, ask Character. */
    private static boolean isSpace(char c) {
        return c <= ' ' || c >= '\u007f' && (Character.isWhitespace(c) || c == '\u00a0' || Character.isISOControl(c));
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c < 128 ? c : Character.toLowerCase(c);
    }

    private static boolean isDroppedMark(char c) {
        return c >= 0x300 && Character.getType(c) == Character.NON_SPACING_MARK;
    }
}
