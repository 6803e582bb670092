package org.bouncekit.parse;

/**
 * Finds SMTP reply codes (RFC 5321) and enhanced status codes (RFC 3463) in free text, by a linear
 * scan over characters (no regular expressions: the text comes from remote servers).
 */
public final class SmtpCodes {
    private SmtpCodes() {
    }

    /** A reply code and enhanced status found together or apart; either may be null. */
    public record Found(Integer replyCode, String status) {
        public boolean isEmpty() {
            return replyCode == null && status == null;
        }
    }

    /**
     * The reply code and enhanced status of the first SMTP reply in {@code text}. A code followed by an
     * enhanced status ("550 5.1.1", "550-5.1.1") is preferred over codes standing alone.
     */
    public static Found find(String text) {
        if (text == null || text.isEmpty()) {
            return new Found(null, null);
        }
        int n = Math.min(text.length(), 1 << 16);
        Integer firstCode = null;
        for (int i = 0; i < n; i++) {
            // A code at i, i + 1 or i + 2 has a digit at i + 2: prose is skipped three chars at a time.
            while (i + 2 < n && !isAsciiDigit(text.charAt(i + 2))) {
                i += 3;
            }
            int code = replyCodeAt(text, i, n);
            if (code < 0) {
                continue;
            }
            int j = i + 3;
            if (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '-')) {
                int k = j + 1;
                while (k < n && k < j + 3 && text.charAt(k) == ' ') {
                    k++;
                }
                String st = statusAt(text, k, n);
                if (st != null) {
                    return new Found(code, st);
                }
            }
            if (firstCode == null) {
                firstCode = code;
            }
        }
        return new Found(firstCode, findStatus(text));
    }

    /** The first enhanced status code in {@code text}, or null. */
    public static String findStatus(String text) {
        if (text == null) {
            return null;
        }
        int n = Math.min(text.length(), 1 << 16);
        for (int i = 0; i < n; i++) {
            // A status at i or i + 1 has a '.' or its class (2, 4, 5) at i + 1: prose is skipped two chars at a time.
            while (i + 2 < n && !isDotOrClass(text.charAt(i + 1))) {
                i += 2;
            }
            char c = text.charAt(i);
            if ((c == '2' || c == '4' || c == '5') && (i == 0 || !isCodeNeighbour(text.charAt(i - 1)))) {
                String st = statusAt(text, i, n);
                if (st != null) {
                    return st;
                }
            }
        }
        return null;
    }

    /** The first stand-alone reply code in {@code text}, or null. */
    public static Integer findReplyCode(String text) {
        return text == null ? null : find(text).replyCode();
    }

    /** True for a well-formed enhanced status: class 2/4/5, subject and detail of 1-3 digits. */
    public static boolean isStatus(String s) {
        return s != null && statusEnd(s, 0, s.length()) >= 0 && statusLength(s) == s.length();
    }

    private static int statusLength(String s) {
        int dots = 0;
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            if (s.charAt(i) == '.') {
                dots++;
            }
            i++;
        }
        return dots == 2 ? i : -1;
    }

    /** The reply code starting at {@code i}, or -1: [45][0-5][0-9] or a defined 2yz code, standing alone as a token. */
    static int replyCodeAt(String t, int i, int n) {
        if (i + 3 > n) {
            return -1;
        }
        char a = t.charAt(i);
        char b = t.charAt(i + 1);
        char c = t.charAt(i + 2);
        if ((a != '2' && a != '4' && a != '5') || b < '0' || b > '5' || c < '0' || c > '9') {
            return -1;
        }
        if (i > 0) {
            char p = t.charAt(i - 1);
            if (Character.isLetterOrDigit(p) || p == '.' || p == '-' || p == '+' || p == '/' || p == '=' || p == '_'
                    || p == '@') {
                return -1;
            }
        }
        if (i + 3 < n) {
            char f = t.charAt(i + 3);
            if (!(f == ' ' || f == '-' || f == '\n' || f == '\t' || f == ')' || f == ']' || f == ',' || f == ';'
                    || f == '"' || f == '\'')) {
                return -1;
            }
            // "550-" is a reply only when text follows, not in a range like "550-599".
            if (f == '-' && i + 4 < n && Character.isDigit(t.charAt(i + 4)) && !(i + 5 < n && t.charAt(i + 5) == '.')) {
                return -1;
            }
        }
        int code = (a - '0') * 100 + (b - '0') * 10 + (c - '0');
        // Success replies are few (RFC 5321, RFC 4954): "Digest, Vol 212" or "page 230" is no reply.
        return a != '2' || code == 211 || code == 214 || code == 220 || code == 221 || code == 235 || code == 250
                || code == 251 || code == 252 ? code : -1;
    }

    /** The enhanced status starting exactly at {@code i}, or null. */
    static String statusAt(String t, int i, int n) {
        int end = statusEnd(t, i, n);
        if (end < 0) {
            return null;
        }
        int dot = t.indexOf('.', i + 2);
        return withoutLeadingZeros(t, i, dot, end);
    }

    /** Where the enhanced status starting exactly at {@code i} ends, or -1: {@link #statusAt} without the string. */
    private static int statusEnd(String t, int i, int n) {
        if (i >= n) {
            return -1;
        }
        char cls = t.charAt(i);
        if (cls != '2' && cls != '4' && cls != '5') {
            return -1;
        }
        if (i > 0 && isCodeNeighbour(t.charAt(i - 1))) {
            return -1;
        }
        int j = i + 1;
        if (j >= n || t.charAt(j) != '.') {
            return -1;
        }
        int s1 = j + 1;
        int e1 = digits(t, s1, n);
        if (e1 == s1 || e1 - s1 > 3 || e1 >= n || t.charAt(e1) != '.') {
            return -1;
        }
        int s2 = e1 + 1;
        int e2 = digits(t, s2, n);
        if (e2 == s2 || e2 - s2 > 3) {
            return -1;
        }
        if (e2 < n) {
            char f = t.charAt(e2);
            // An IP address or version number (192.0.2.1, 5.1.1.1) is not a status code.
            if (f == '.' && e2 + 1 < n && Character.isDigit(t.charAt(e2 + 1))) {
                return -1;
            }
            if (Character.isLetterOrDigit(f) && f != 'x' || f == '@') {
                return -1;
            }
        }
        return e2;
    }

    /**
     * The status {@code t[i, end)} (class, dot, digits at {@code i + 2}, dot at {@code dot}, digits) without
     * leading zeros ("5.01.001" -> "5.1.1"); by hand, as this runs for every code in every text.
     */
    private static String withoutLeadingZeros(String t, int i, int dot, int end) {
        int s1 = i + 2;
        int s2 = dot + 1;
        if (!(t.charAt(s1) == '0' && dot - s1 > 1) && !(t.charAt(s2) == '0' && end - s2 > 1)) {
            return t.substring(i, end);
        }
        StringBuilder sb = new StringBuilder(end - i).append(t.charAt(i)).append('.');
        appendNumber(sb, t, s1, dot);
        sb.append('.');
        appendNumber(sb, t, s2, end);
        return sb.toString();
    }

    private static void appendNumber(StringBuilder sb, String t, int start, int end) {
        while (start < end - 1 && t.charAt(start) == '0') {
            start++;
        }
        sb.append(t, start, end);
    }

    private static int digits(String t, int i, int n) {
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDotOrClass(char c) {
        return c == '.' || c == '2' || c == '4' || c == '5';
    }

    static boolean isCodeNeighbour(char p) {
        return Character.isLetterOrDigit(p) || p == '.' || p == '_' || p == '/' || p == '@' || p == '=';
    }
}
