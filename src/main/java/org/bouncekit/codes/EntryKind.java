package org.bouncekit.codes;

/** What a {@link CodeEntry} explains. */
public enum EntryKind {
    /** A three-digit SMTP reply code such as 552 (RFC 5321). */
    REPLY_CODE,
    /** An enhanced mail system status code such as 5.2.2 (RFC 3463). */
    ENHANCED_STATUS,
    /** A bounce reason bouncekit reports, such as {@code mailboxfull}. */
    REASON
}
