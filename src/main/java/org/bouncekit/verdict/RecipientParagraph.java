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
        return body == null ? null : new Finder(body).of(recipient);
    }

    /**
     * Finds the paragraphs of one body for many recipients. The body is lowercased once here: doing it
     * per recipient made a 5,000-recipient bounce take seconds (recipients times body length).
     */
    static final class Finder {
        private final String text;
        /** {@code text} lowercased, or null when lowercasing changed its length (indexes would not match). */
        private final String lower;

        Finder(String body) {
            this.text = body.length() > SEARCH ? body.substring(0, SEARCH) : body;
            // addresses compare case-insensitively in the domain and usually in practice in the local part;
            // the lowercase copy keeps indexes (ASCII addresses) and the search linear
            String l = text.toLowerCase(Locale.ROOT);
            this.lower = l.length() == text.length() ? l : null;
        }

        /** The paragraph, or null when the address is not mentioned. */
        String of(String recipient) {
            if (recipient == null || recipient.isEmpty()) {
                return null;
            }
            int at = lower == null ? text.indexOf(recipient) : lower.indexOf(recipient.toLowerCase(Locale.ROOT));
            if (at < 0) {
                return null;
            }
            // The blank line is looked for within MAX only: searching on to the end is quadratic again.
            String window = text.substring(at, Math.min(text.length(), at + MAX));
            int end = window.indexOf("\n\n");
            return end < 0 ? window : window.substring(0, end);
        }
    }
}
