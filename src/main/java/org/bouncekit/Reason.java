package org.bouncekit;

import java.util.Locale;

/**
 * Why a recipient's delivery failed or what the report says. The names are Sisimai's, so that
 * users can carry their rules over.
 */
public enum Reason {
    AUTHFAILURE(Decision.FIX_SENDER),
    BADREPUTATION(Decision.FIX_SENDER),
    BLOCKED(Decision.FIX_SENDER),
    CONTENTERROR(Decision.FIX_SENDER),
    EXCEEDLIMIT(Decision.FIX_SENDER),
    EXPIRED(Decision.RETRY),
    FILTERED(Decision.FIX_SENDER),
    HASMOVED(Decision.SUPPRESS),
    HOSTUNKNOWN(Decision.SUPPRESS),
    MAILBOXFULL(Decision.RETRY),
    MAILERERROR(Decision.RETRY),
    MESGTOOBIG(Decision.FIX_SENDER),
    NETWORKERROR(Decision.RETRY),
    NOTACCEPT(Decision.SUPPRESS),
    NOTCOMPLIANTRFC(Decision.FIX_SENDER),
    ONHOLD(Decision.RETRY),
    REJECTED(Decision.FIX_SENDER),
    NORELAYING(Decision.FIX_SENDER),
    SPAMDETECTED(Decision.FIX_SENDER),
    VIRUSDETECTED(Decision.FIX_SENDER),
    POLICYVIOLATION(Decision.FIX_SENDER),
    SECURITYERROR(Decision.FIX_SENDER),
    SPEEDING(Decision.RETRY),
    SUSPEND(Decision.RETRY),
    REQUIREPTR(Decision.FIX_SENDER),
    SYSTEMERROR(Decision.RETRY),
    SYSTEMFULL(Decision.RETRY),
    TOOMANYCONN(Decision.RETRY),
    USERUNKNOWN(Decision.SUPPRESS),
    SYNTAXERROR(Decision.FIX_SENDER),
    DELIVERED(Decision.NONE),
    FEEDBACK(Decision.UNSUBSCRIBE),
    UNDEFINED(Decision.RETRY),
    VACATION(Decision.NONE);

    private final Decision defaultDecision;
    private final String wireName = name().toLowerCase(Locale.ROOT);

    Reason(Decision defaultDecision) {
        this.defaultDecision = defaultDecision;
    }

    /** The lowercase name used in output and rules files. */
    public String wireName() {
        return wireName;
    }

    /**
     * What to do for this reason when the failure is permanent. A transient failure is never
     * suppressed: a {@code SUPPRESS} default becomes {@link Decision#RETRY} for 4xx outcomes.
     */
    public Decision defaultDecision() {
        return defaultDecision;
    }

    /** Looks a reason up by its wire name (case-insensitive); null when unknown. */
    public static Reason fromWireName(String name) {
        if (name == null) {
            return null;
        }
        for (Reason r : values()) {
            if (r.name().equalsIgnoreCase(name.trim())) {
                return r;
            }
        }
        return null;
    }
}
