package org.bouncekit;

/** What a mail pipeline should do about a recipient. */
public enum Decision {
    /** The address is dead (unknown user or domain, moved, domain accepts no mail): stop sending to it. */
    SUPPRESS("suppress"),
    /** A temporary condition: try again later, with back-off. */
    RETRY("retry"),
    /** The problem is on the sending side (reputation, authentication, content, policy): do not blame the address. */
    FIX_SENDER("fix-sender"),
    /** The recipient complained: stop sending to them. */
    UNSUBSCRIBE("unsubscribe"),
    /** Nothing to do. */
    NONE("none");

    private final String wireName;

    Decision(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in output and in rules files. */
    public String wireName() {
        return wireName;
    }

    /** Looks a decision up by its wire name (case-insensitive); null when unknown. */
    public static Decision fromWireName(String name) {
        for (Decision d : values()) {
            if (d.wireName.equalsIgnoreCase(name)) {
                return d;
            }
        }
        return null;
    }
}
