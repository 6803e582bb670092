package org.bouncekit;

/** How serious a recipient's outcome is: the three SMTP severities. */
public enum BounceClass {
    /** Success or information only (2xx, 2.x.x, auto-replies, feedback reports). */
    INFORMATIONAL,
    /** A temporary failure (4xx, 4.x.x): the same message may succeed later. */
    TRANSIENT,
    /** A permanent failure (5xx, 5.x.x): the same message will fail again. */
    PERMANENT;

    private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

    /** The lowercase name used in output. */
    public String wireName() {
        return wireName;
    }

    /** The class of a reply code or enhanced status by its first digit, or null when it is not 2, 4 or 5. */
    public static BounceClass ofFirstDigit(char digit) {
        switch (digit) {
            case '2': return INFORMATIONAL;
            case '4': return TRANSIENT;
            case '5': return PERMANENT;
            default: return null;
        }
    }
}
