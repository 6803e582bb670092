package org.bouncekit.mta;

import java.util.Locale;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;

/**
 * The top-level Subject and From as the formats compare them, made once per message (ParsedMessage.derived):
 * nearly every format looks at one of them, and each used to look the field up and copy it again.
 */
final class TopLevelFields {
    private static final ParsedMessage.Derived<String> SUBJECT_LOWER =
            new ParsedMessage.Derived<>(m -> m.subject().toLowerCase(Locale.ROOT));
    private static final ParsedMessage.Derived<String> FROM_LOWER =
            new ParsedMessage.Derived<>(m -> m.from().toLowerCase(Locale.ROOT));
    private static final ParsedMessage.Derived<IndexedText> SUBJECT_INDEXED =
            new ParsedMessage.Derived<>(m -> new IndexedText(subjectLower(m)));
    private static final ParsedMessage.Derived<IndexedText> FROM_INDEXED =
            new ParsedMessage.Derived<>(m -> new IndexedText(fromLower(m)));
    private static final ParsedMessage.Derived<String> FROM_ADDRESS =
            new ParsedMessage.Derived<>(m -> Addresses.normalize(m.headers().first("from")));

    private TopLevelFields() {
    }

    /** {@code m.subject()} in lowercase. */
    static String subjectLower(ParsedMessage m) {
        return m.derived(SUBJECT_LOWER);
    }

    /** {@code m.from()} in lowercase (display name and address). */
    static String fromLower(ParsedMessage m) {
        return m.derived(FROM_LOWER);
    }

    /** {@link #subjectLower} indexed: it is searched for dozens of phrases (subject markers, held notices). */
    static IndexedText subjectIndexed(ParsedMessage m) {
        return m.derived(SUBJECT_INDEXED);
    }

    /** {@link #fromLower} indexed, for the mail-system markers. */
    static IndexedText fromIndexed(ParsedMessage m) {
        return m.derived(FROM_INDEXED);
    }

    /** The address of the From field, normalized, or null. */
    static String fromAddress(ParsedMessage m) {
        return m.derived(FROM_ADDRESS);
    }
}
