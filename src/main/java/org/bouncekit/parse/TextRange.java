package org.bouncekit.parse;

/**
 * What String's isBlank() and trim() say of a range {@code [from, to)} of a text, without copying the range:
 * the line-by-line readers of header and report text use them on every line.
 */
final class TextRange {
    private TextRange() {
    }

    /** {@code text.substring(from, to).isBlank()}. */
    static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Where {@code text.substring(from, to).trim()} starts in {@code text}. */
    static int trimStart(String text, int from, int to) {
        while (from < to && text.charAt(from) <= ' ') {
            from++;
        }
        return from;
    }

    /** Where {@code text.substring(from, to).trim()} ends in {@code text}. */
    static int trimEnd(String text, int from, int to) {
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        return to;
    }

    /** {@code text.substring(from, to).trim()} with one copy. */
    static String trimmed(String text, int from, int to) {
        int start = trimStart(text, from, to);
        return text.substring(start, trimEnd(text, start, to));
    }
}
