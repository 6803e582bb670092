package org.bouncekit.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes untrusted text safe to print on a terminal.
 *
 * <p>Bounce text comes from anyone on the internet. Written raw, an escape sequence in a diagnostic can
 * clear the screen, retitle the window, plant a hyperlink whose target differs from its text, or move the
 * cursor to overwrite what was printed before; a carriage return, backspace or right-to-left override can
 * make a line read differently from what it contains. This class removes all of that and keeps the
 * visible text:
 * <ul>
 *   <li>escape sequences (CSI such as {@code ESC[2J}, OSC such as {@code ESC]8;;url ESC\}, DCS, SOS, PM,
 *       APC, two-byte escapes, and their 8-bit C1 forms) are removed whole;</li>
 *   <li>other control characters (C0, DEL, C1) are removed;</li>
 *   <li>invisible formatting characters (Unicode category Cf: bidi overrides and isolates, zero-width
 *       characters, tag characters, soft hyphen) and lone surrogates are removed;</li>
 *   <li>line breaks, tabs and other spaces, in any run, become a single space, so one value stays on one
 *       line; leading and trailing space is dropped;</li>
 *   <li>runs of combining marks are capped, so stacked marks cannot spill over neighbouring lines.</li>
 * </ul>
 * Work is linear in the input, and {@link #fit} stops reading once the width is filled.
 */
public final class TerminalText {
    /** Marks text cut to fit; ASCII, so it prints on any terminal encoding. */
    static final String ELLIPSIS = "...";

    private static final int ESC = 0x1B;
    private static final int BEL = 0x07;
    private static final int C1_ST = 0x9C;
    private static final int MAX_COMBINING_MARKS = 4;

    private TerminalText() {
    }

    /**
     * Returns {@code text} with escape sequences, control and invisible formatting characters removed and
     * whitespace collapsed to single spaces; the empty string for null.
     */
    public static String clean(CharSequence text) {
        return sanitize(text, 0);
    }

    /**
     * Like {@link #clean}, then cut to at most {@code maxWidth} terminal columns, ending in {@code ...}
     * when something was cut. Wide (East Asian) characters count two columns, combining marks none.
     *
     * @param maxWidth the width in columns; 0 or less means no limit
     */
    public static String fit(CharSequence text, int maxWidth) {
        return sanitize(text, maxWidth);
    }

    /**
     * {@link #clean Cleaned} text broken at spaces into lines of at most {@code width} columns (a word wider
     * than that is split), at most {@code maxLines} of them; the last ends in {@code ...} when text was left
     * out. Reads no more of {@code text} than the lines can hold. A width of 0 or less means one line.
     */
    static List<String> wrap(CharSequence text, int width, int maxLines) {
        if (width <= 0) {
            return List.of(clean(text));
        }
        // Word breaks waste at most a word's width per line; twice the area bounds what can be shown.
        String s = fit(text, width * maxLines * 2);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int lineWidth = 0;
        for (String word : s.split(" ")) {
            int w = width(word);
            if (lineWidth > 0 && lineWidth + 1 + w <= width) {
                line.append(' ').append(word);
                lineWidth += 1 + w;
                continue;
            }
            if (lineWidth > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (w > width) {
                int cut = prefixLength(word, width);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
                w = width(word);
            }
            line.append(word);
            lineWidth = w;
        }
        if (lineWidth > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            lines = new ArrayList<>(lines.subList(0, maxLines));
            lines.set(maxLines - 1, withEllipsis(lines.get(maxLines - 1), width));
        }
        return lines;
    }

    /** Cleaned {@code line}, shortened as needed so that {@code ...} fits after it within {@code width}. */
    private static String withEllipsis(String line, int width) {
        StringBuilder s = new StringBuilder(line);
        int w = width(line);
        while (s.length() > 0 && w + ELLIPSIS.length() > width) {
            int cp = s.codePointBefore(s.length());
            s.setLength(s.length() - Character.charCount(cp));
            w -= columns(cp);
        }
        trimTrailingSpace(s);
        return s + ELLIPSIS;
    }

    /** Chars in the longest prefix of cleaned {@code word} within {@code width} columns; at least one code point. */
    private static int prefixLength(String word, int width) {
        int w = 0;
        int i = 0;
        while (i < word.length()) {
            int cp = word.codePointAt(i);
            int c = columns(cp);
            if (w + c > width && i > 0) {
                break;
            }
            w += c;
            i += Character.charCount(cp);
        }
        return i;
    }

    /** The number of terminal columns {@code text} takes (expects already cleaned text). */
    static int width(CharSequence text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            w += columns(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** {@code text} (cleaned) padded with spaces on the right to {@code width} columns. */
    static String padRight(String text, int width) {
        int pad = width - width(text);
        return pad <= 0 ? text : text + " ".repeat(pad);
    }

    /** {@code text} (cleaned) padded with spaces on the left to {@code width} columns. */
    static String padLeft(String text, int width) {
        int pad = width - width(text);
        return pad <= 0 ? text : " ".repeat(pad) + text;
    }

    private static String sanitize(CharSequence s, int maxWidth) {
        if (s == null) {
            return "";
        }
        int n = s.length();
        boolean limited = maxWidth > 0;
        boolean roomForEllipsis = limited && maxWidth > ELLIPSIS.length();
        StringBuilder out = new StringBuilder(limited ? Math.min(n, maxWidth * 2 + 4) : n);
        StringTerminators terminators = new StringTerminators(s);
        int width = 0;
        // Where to cut if the text turns out not to fit: the last point that leaves room for "...".
        int cutLength = -1;
        boolean pendingSpace = false;
        int marks = 0;
        int i = 0;
        while (i < n) {
            int cp = Character.codePointAt(s, i);
            int next = i + Character.charCount(cp);
            if (cp == ESC) {
                i = skipEscape(s, i + 1, terminators);
                continue;
            }
            if (cp >= 0x80 && cp <= 0x9F) {
                i = skipC1(s, cp, next, terminators);
                continue;
            }
            if (isSpaceOrBreak(cp)) {
                pendingSpace = out.length() > 0;
                marks = 0;
                i = next;
                continue;
            }
            if (isInvisible(cp)) {
                i = next;
                continue;
            }
            int w = columns(cp);
            if (w == 0) {
                if (out.length() == 0 || marks >= MAX_COMBINING_MARKS) {
                    i = next;
                    continue;
                }
                marks++;
            } else {
                marks = 0;
            }
            int needed = w + (pendingSpace ? 1 : 0);
            if (limited) {
                if (roomForEllipsis && cutLength < 0 && width + needed > maxWidth - ELLIPSIS.length()) {
                    cutLength = out.length();
                }
                if (width + needed > maxWidth) {
                    if (roomForEllipsis) {
                        out.setLength(cutLength);
                        trimTrailingSpace(out);
                        out.append(ELLIPSIS);
                    }
                    return out.toString();
                }
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
            width += needed;
            i = next;
        }
        return out.toString();
    }

    private static void trimTrailingSpace(StringBuilder out) {
        int len = out.length();
        while (len > 0 && out.charAt(len - 1) == ' ') {
            len--;
        }
        out.setLength(len);
    }

    /**
     * Skips the escape sequence whose ESC was just before {@code i}; returns the index after it. A
     * malformed or unterminated sequence loses only its introducer: what follows is treated as text.
     */
    private static int skipEscape(CharSequence s, int i, StringTerminators terminators) {
        int n = s.length();
        if (i >= n) {
            return i;
        }
        char c = s.charAt(i);
        switch (c) {
            case '[':
                return skipCsi(s, i + 1);
            case ']': case 'P': case 'X': case '^': case '_':
                return terminators.skipString(i + 1);
            default:
                break;
        }
        if (c >= 0x20 && c <= 0x2F) {
            // nF escape (e.g. ESC ( B): intermediates, then one final byte.
            int j = i;
            while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2F) {
                j++;
            }
            return (j < n && s.charAt(j) >= 0x30 && s.charAt(j) <= 0x7E) ? j + 1 : j;
        }
        if (c >= 0x30 && c <= 0x7E) {
            return i + 1; // two-character escape such as ESC c (reset) or ESC M (reverse index)
        }
        return i; // ESC before a control or non-ASCII character: drop the ESC alone
    }

    /** CSI: parameter bytes, intermediate bytes, one final byte. */
    private static int skipCsi(CharSequence s, int i) {
        int n = s.length();
        int j = i;
        while (j < n && s.charAt(j) >= 0x30 && s.charAt(j) <= 0x3F) {
            j++;
        }
        while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2F) {
            j++;
        }
        return (j < n && s.charAt(j) >= 0x40 && s.charAt(j) <= 0x7E) ? j + 1 : j;
    }

    /** 8-bit controls: CSI, OSC, DCS, SOS, PM and APC introduce sequences; the rest are dropped alone. */
    private static int skipC1(CharSequence s, int cp, int next, StringTerminators terminators) {
        switch (cp) {
            case 0x9B:
                return skipCsi(s, next);
            case 0x90: case 0x98: case 0x9D: case 0x9E: case 0x9F:
                return terminators.skipString(next);
            default:
                return next;
        }
    }

    private static boolean isSpaceOrBreak(int cp) {
        switch (cp) {
            case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ':
                return true;
            default:
                int type = Character.getType(cp);
                return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR;
        }
    }

    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
            return true;
        }
        // Hangul fillers render as blank space of a letter's width; used to hide text.
        return cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0;
    }

    /** Terminal columns of one printable code point. */
    private static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return 0;
        }
        return isWide(cp) ? 2 : 1;
    }

    /** East Asian Wide and Fullwidth ranges, and emoji, as terminals draw them. */
    private static boolean isWide(int cp) {
        if (cp < 0x1100) {
            return false;
        }
        return cp <= 0x115F
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /**
     * Finds the end of control strings (OSC, DCS, ...): BEL, ESC backslash or 8-bit ST. Knowing where the
     * last terminator is keeps many unterminated strings from each scanning to the end (quadratic).
     */
    private static final class StringTerminators {
        private final CharSequence s;
        private final int last;

        StringTerminators(CharSequence s) {
            this.s = s;
            int found = -1;
            for (int i = s.length() - 1; i >= 0; i--) {
                if (isTerminatorAt(i)) {
                    found = i;
                    break;
                }
            }
            this.last = found;
        }

        private boolean isTerminatorAt(int i) {
            char c = s.charAt(i);
            return c == BEL || c == C1_ST || (c == ESC && i + 1 < s.length() && s.charAt(i + 1) == '\\');
        }

        /** Returns the index after the terminator at or after {@code i}, or {@code i} when there is none. */
        int skipString(int i) {
            if (i > last) {
                return i;
            }
            for (int j = i; j <= last; j++) {
                if (isTerminatorAt(j)) {
                    return s.charAt(j) == ESC ? j + 2 : j + 1;
                }
            }
            return i;
        }
    }
}
