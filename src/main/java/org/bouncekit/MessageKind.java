package org.bouncekit;

/** What a classified message is, as a whole. */
public enum MessageKind {
    /** A non-delivery report: at least one recipient failed. */
    BOUNCE("bounce"),
    /** A delay notice (DSN Action: delayed): delivery is still being tried. */
    DELAY("delay"),
    /** A positive delivery report (delivered, relayed, expanded). */
    DELIVERY("delivery"),
    /** An automatic reply such as an out-of-office notice (RFC 3834). */
    AUTOREPLY("autoreply"),
    /** An abuse or complaint feedback report (ARF, RFC 5965). */
    FEEDBACK("feedback"),
    /** Ordinary mail: no delivery information in it. */
    NOT_BOUNCE("not-bounce"),
    /** The message could not be read at all; see {@link BounceReport#error()}. */
    UNREADABLE("unreadable");

    private final String wireName;

    MessageKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON, CSV and on the command line. */
    public String wireName() {
        return wireName;
    }
}
