package org.bouncekit.parse;

/** Turns HTML into plain text for phrase matching: tags dropped, block tags become line breaks, a few entities decoded. */
final class HtmlText {
    private HtmlText() {
    }

    /** The chars {@link #toPlain} does more with than copy. */
    private static boolean isSpecial(char c) {
        return c == '<' || c == '&' || c == '\n';
    }

    static String toPlain(String html) {
        StringBuilder out = new StringBuilder(html.length() / 2);
        int len = html.length();
        int i = 0;
        // A link "<a href="mailto:ADDR">Name</a>" may be the only place an NDR names the recipient: when the link
        // text shows no address, the address is written after it ("Name <ADDR>").
        String mailto = null;
        int linkTextStart = 0;
        while (i < len) {
            char c = html.charAt(i);
            if (c == '<') {
                int close = html.indexOf('>', i + 1);
                if (close < 0) {
                    break;
                }
                if (isAddress(html, i + 1, close)) {
                    // "<user@example.org>" in text that a mailer labelled HTML is an address, not a tag.
                    out.append(html, i, close + 1);
                    i = close + 1;
                    continue;
                }
                String tag = html.substring(i + 1, Math.min(close, i + 12)).toLowerCase(java.util.Locale.ROOT);
                if (tag.startsWith("a ") || tag.startsWith("a\t") || tag.startsWith("a\n")) {
                    mailto = mailtoAddress(html, i + 2, close);
                    linkTextStart = out.length();
                } else if (tag.startsWith("/a") && mailto != null) {
                    if (out.indexOf("@", linkTextStart) < 0) {
                        out.append(" <").append(mailto).append('>');
                    }
                    mailto = null;
                }
                if (tag.startsWith("style") || tag.startsWith("script")) {
                    String endTag = tag.startsWith("style") ? "</style" : "</script";
                    int e = indexOfIgnoreCase(html, endTag, close);
                    close = e < 0 ? len - 1 : Math.max(close, html.indexOf('>', e) < 0 ? len - 1 : html.indexOf('>', e));
                } else if (tag.startsWith("br") || tag.startsWith("p") || tag.startsWith("/p") || tag.startsWith("div")
                        || tag.startsWith("/div") || tag.startsWith("tr") || tag.startsWith("li") || tag.startsWith("/tr")
                        || tag.startsWith("h") || tag.startsWith("/h")) {
                    out.append('\n');
                } else if (tag.startsWith("td") || tag.startsWith("/td")) {
                    out.append(' ');
                }
                i = close + 1;
            } else if (c == '&') {
                // Entities are short: look for the ';' only that far, or a run of '&' would scan quadratically.
                int semi = -1;
                for (int k = i + 1; k < len && k - i <= 8; k++) {
                    if (html.charAt(k) == ';') {
                        semi = k;
                        break;
                    }
                }
                if (semi > i) {
                    String ent = html.substring(i + 1, semi);
                    String rep = entity(ent);
                    if (rep != null) {
                        out.append(rep);
                        i = semi + 1;
                        continue;
                    }
                }
                out.append(c);
                i++;
            } else if (c == '\n') {
                out.append(' ');
                i++;
            } else {
                // text up to the next tag, entity or line break, appended as one run
                int j = i + 1;
                while (j < len && !isSpecial(html.charAt(j))) {
                    j++;
                }
                out.append(html, i, j);
                i = j;
            }
        }
        return out.toString();
    }

    /** The address of a {@code href="mailto:..."} attribute between {@code from} and {@code to}, or null. */
    static String mailtoAddress(String html, int from, int to) {
        int m = -1;
        for (int k = from; k + 7 <= to; k++) { // within the tag only: a page of links stays linear
            if (html.regionMatches(true, k, "mailto:", 0, 7)) {
                m = k;
                break;
            }
        }
        if (m < 0) {
            return null;
        }
        StringBuilder a = new StringBuilder();
        for (int k = m + 7; k < to && a.length() <= 254; k++) {
            char c = html.charAt(k);
            if (c == '"' || c == '\'' || c == '?' || c == '>' || c <= ' ') {
                break;
            }
            if (c == '%' && k + 2 < to && hex(html.charAt(k + 1)) >= 0 && hex(html.charAt(k + 2)) >= 0) {
                char decoded = (char) (hex(html.charAt(k + 1)) * 16 + hex(html.charAt(k + 2)));
                if (decoded > ' ' && decoded < 0x7f) {
                    a.append(decoded);
                    k += 2;
                    continue;
                }
            }
            a.append(c);
        }
        int at = a.indexOf("@");
        return at > 0 && at < a.length() - 1 && a.length() <= 254 ? a.toString() : null;
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static boolean isAddress(String s, int from, int to) {
        if (to - from < 3 || to - from > 254) {
            return false;
        }
        int at = -1;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c == '@') {
                at = k;
            } else if (c <= ' ' || c == '=' || c == '"' || c == '/' && k == from) {
                return false;
            }
        }
        return at > from && at < to - 1;
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        int n = needle.length();
        for (int i = from; i + n <= s.length(); i++) {
            if (s.regionMatches(true, i, needle, 0, n)) {
                return i;
            }
        }
        return -1;
    }

    private static String entity(String e) {
        switch (e) {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "quot": return "\"";
            case "apos": case "#39": return "'";
            case "nbsp": case "#160": return " ";
            default:
                if (e.startsWith("#") && e.length() > 1) {
                    try {
                        int cp = e.charAt(1) == 'x' || e.charAt(1) == 'X'
                                ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                        return Character.isValidCodePoint(cp) && cp >= 32 ? new String(Character.toChars(cp)) : " ";
                    } catch (NumberFormatException ex) {
                        return null;
                    }
                }
                return null;
        }
    }
}
