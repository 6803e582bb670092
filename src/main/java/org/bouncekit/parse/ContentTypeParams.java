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

    /** The named parameter's value (unquoted), or null. */
    static String param(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        // Lowercased char by char: indexes in it must be indexes in contentType (String.toLowerCase makes
        // U+0130 two chars, and the value was then cut at the wrong place or past the end).
        char[] chars = contentType.toCharArray();
        for (int k = 0; k < chars.length; k++) {
            chars[k] = Character.toLowerCase(chars[k]);
        }
        String lower = new String(chars);
        int from = 0;
        while (true) {
            int i = lower.indexOf(name, from);
            if (i < 0) {
                return null;
            }
            int j = i + name.length();
            while (j < lower.length() && lower.charAt(j) == ' ') {
                j++;
            }
            boolean startOk = i == 0 || lower.charAt(i - 1) == ';' || lower.charAt(i - 1) == ' ' || lower.charAt(i - 1) == '\t';
            if (startOk && j < lower.length() && lower.charAt(j) == '=') {
                j++;
                while (j < lower.length() && lower.charAt(j) == ' ') {
                    j++;
                }
                if (j < contentType.length() && contentType.charAt(j) == '"') {
                    int end = contentType.indexOf('"', j + 1);
                    return contentType.substring(j + 1, end < 0 ? contentType.length() : end);
                }
                int end = j;
                while (end < contentType.length() && contentType.charAt(end) != ';'
                        && !Character.isWhitespace(contentType.charAt(end))) {
                    end++;
                }
                return contentType.substring(j, end);
            }
            from = i + 1;
        }
    }
}
