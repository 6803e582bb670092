package org.bouncekit.codes;

/**
 * The codes at the start of an SMTP reply as a server sends it: {@code 552-5.2.2 text}, {@code 452 4.2.2 text},
 * {@code 550}, {@code 5.2.2}, a multi-line reply ({@code 550-5.1.1 ...} newline {@code 550 5.1.1 ...}), optionally
 * after a DSN's {@code smtp;} prefix. Reading never fails; whether the codes are valid is decided by the caller.
 *
 * @param replyCode the three digits at the start, or null
 * @param status    the dotted token after them (only digits and dots, at least one dot), or null; may be invalid
 * @param text      the human-readable rest of all lines, joined with spaces and made terminal-safe
 */
record ReplyLine(String replyCode, String status, String text) {

    /** Longer input is refused before it is read: real replies are a few hundred characters. */
    static final int MAX_INPUT = 10_000;

    static ReplyLine read(String input) {
        String s = input.strip();
        if (s.regionMatches(true, 0, "smtp;", 0, 5)) {
            s = s.substring(5).strip();
        }
        String replyCode = null;
        String status = null;
        StringBuilder text = new StringBuilder();
        boolean first = true;
        for (String line : s.split("\r\n|\r|\n")) {
            if (line.isBlank()) {
                continue;
            }
            Parts p = split(line.strip());
            if (first) {
                replyCode = p.code;
                status = p.status;
                first = false;
            } else if (p.status != null && !p.status.equals(status)) {
                // A continuation line with a different code: keep it as text rather than guess.
                p = new Parts(p.code, null, p.statusAndRest);
            }
            if (!p.rest.isEmpty()) {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(p.rest);
            }
        }
        return new ReplyLine(replyCode, status, Page.clean(text.toString()));
    }

    /** One line: code, status token, the rest after the status, and the rest after the code. */
    private record Parts(String code, String status, String rest, String statusAndRest) {
        Parts(String code, String status, String rest) {
            this(code, status, rest, rest);
        }
    }

    private static Parts split(String line) {
        int i = 0;
        String code = null;
        if (line.length() >= 3 && digits(line, 0, 3)
                && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-')) {
            code = line.substring(0, 3);
            i = Math.min(line.length(), 4);
        }
        i = skipSpaces(line, i);
        String afterCode = line.substring(i);
        int end = i;
        boolean dot = false;
        while (end < line.length() && (isDigit(line.charAt(end)) || line.charAt(end) == '.')) {
            dot |= line.charAt(end) == '.';
            end++;
        }
        boolean tokenEnds = end == line.length() || Character.isWhitespace(line.charAt(end));
        if (end > i && dot && isDigit(line.charAt(i)) && tokenEnds) {
            String status = line.substring(i, end);
            return new Parts(code, status, line.substring(skipSpaces(line, end)), afterCode);
        }
        return new Parts(code, null, afterCode, afterCode);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
