package org.bouncekit.parse;

import java.util.Locale;

/** Reads single parameters out of a Content-Type value without a full MIME grammar. */
final class ContentTypeParams {
    private ContentTypeParams() {
    }

    /** The report-type parameter, lowercase, as a one-element array; null when absent. */
    static String[] reportType(String contentType) {
        String v = param(contentType, "report-type");
        return v == null ? null : new String[] {v.toLowerCase(Locale.ROOT)};
    }

    /** The named parameter's value (unquoted), or null; {@code name} is lowercase. */
    static String param(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        int length = contentType.length();
        int from = 0;
        while (true) {
            int i = indexOfLowercased(contentType, name, from);
            if (i < 0) {
                return null;
            }
            // only letters change in lowercase: the spaces, ';', '\t' and '=' looked for are those of contentType
            int j = i + name.length();
            while (j < length && contentType.charAt(j) == ' ') {
                j++;
            }
            boolean startOk = i == 0 || contentType.charAt(i - 1) == ';' || contentType.charAt(i - 1) == ' '
                    || contentType.charAt(i - 1) == '\t';
            if (startOk && j < length && contentType.charAt(j) == '=') {
                j++;
                while (j < length && contentType.charAt(j) == ' ') {
                    j++;
                }
                if (j < length && contentType.charAt(j) == '"') {
                    int end = contentType.indexOf('"', j + 1);
                    return contentType.substring(j + 1, end < 0 ? length : end);
                }
                int end = j;
                while (end < length && contentType.charAt(end) != ';'
                        && !Character.isWhitespace(contentType.charAt(end))) {
                    end++;
                }
                return contentType.substring(j, end);
            }
            from = i + 1;
        }
    }

    /**
     * Where {@code lowercase} first stands in {@code s} lowercased char by char ({@code Character.toLowerCase}, so
     * that indexes stay those of {@code s}: String.toLowerCase makes U+0130 two chars), from {@code from} on; -1 if
     * nowhere. No lowercase copy of {@code s} is made.
     */
    static int indexOfLowercased(String s, String lowercase, int from) {
        int m = lowercase.length();
        char first = lowercase.charAt(0);
        for (int i = Math.max(0, from); i <= s.length() - m; i++) {
            if (lower(s.charAt(i)) != first) {
                continue;
            }
            int k = 1;
            while (k < m && lower(s.charAt(i + k)) == lowercase.charAt(k)) {
                k++;
            }
            if (k == m) {
                return i;
            }
        }
        return -1;
    }

    private static char lower(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }
}
