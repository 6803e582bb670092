package org.bouncekit.verdict;

import java.util.Locale;

/**
 * The paragraph of a bounce's prose that speaks about one recipient: from the first mention of the
 * address to the next blank line, bounded. Postfix, Exim and qmail write one such paragraph per
 * failed recipient.
 */
final class RecipientParagraph {
    /** Longest paragraph taken: a recipient's error report is a few lines. */
    static final int MAX = 2000;
    /** Only the start of a long body is searched for the address. */
    static final int SEARCH = 256 * 1024;

    private RecipientParagraph() {
    }

    /** The paragraph, or null when the address is not mentioned. */
    static String of(String body, String recipient) {
        if (body == null || recipient == null || recipient.isEmpty()) {
            return null;
        }
        String text = body.length() > SEARCH ? body.substring(0, SEARCH) : body;
        int at = indexOfIgnoreCase(text, recipient);
        if (at < 0) {
            return null;
        }
        int end = text.indexOf("\n\n", at);
        int limit = Math.min(text.length(), at + MAX);
        return text.substring(at, end < 0 ? limit : Math.min(end, limit));
    }

    private static int indexOfIgnoreCase(String text, String needle) {
        // addresses compare case-insensitively in the domain and usually in practice in the local part;
        // the lowercase copy keeps indexes (ASCII addresses) and the search linear
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() != text.length()) {
            return text.indexOf(needle);
        }
        return lower.indexOf(needle.toLowerCase(Locale.ROOT));
    }
}
