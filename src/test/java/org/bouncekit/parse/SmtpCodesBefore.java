package org.bouncekit.parse;

/**
 * SmtpCodes.find and findStatus as they were before they skipped prose three and two chars at a time, kept to
 * compare with (test code).
 */
final class SmtpCodesBefore {
    private SmtpCodesBefore() {
    }

    /** The reply code and enhanced status of the first SMTP reply in {@code text}, by trying every position. */
    static SmtpCodes.Found find(String text) {
        if (text == null || text.isEmpty()) {
            return new SmtpCodes.Found(null, null);
        }
        int n = Math.min(text.length(), 1 << 16);
        Integer firstCode = null;
        for (int i = 0; i < n; i++) {
            int code = SmtpCodes.replyCodeAt(text, i, n);
            if (code < 0) {
                continue;
            }
            int j = i + 3;
            if (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '-')) {
                int k = j + 1;
                while (k < n && k < j + 3 && text.charAt(k) == ' ') {
                    k++;
                }
                String st = SmtpCodes.statusAt(text, k, n);
                if (st != null) {
                    return new SmtpCodes.Found(code, st);
                }
            }
            if (firstCode == null) {
                firstCode = code;
            }
        }
        return new SmtpCodes.Found(firstCode, findStatus(text));
    }

    /** The first enhanced status code in {@code text}, or null, by trying every position. */
    static String findStatus(String text) {
        if (text == null) {
            return null;
        }
        int n = Math.min(text.length(), 1 << 16);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((c == '2' || c == '4' || c == '5') && (i == 0 || !SmtpCodes.isCodeNeighbour(text.charAt(i - 1)))) {
                String st = SmtpCodes.statusAt(text, i, n);
                if (st != null) {
                    return st;
                }
            }
        }
        return null;
    }
}
