package org.bouncekit.verdict;

import java.util.EnumSet;
import java.util.Set;
import org.bouncekit.BounceClass;
import org.bouncekit.Decision;
import org.bouncekit.Reason;

/**
 * Turns a reason and class into a decision. The address is suppressed only for a permanent
 * failure whose reason says the address is dead; a transient failure is never suppressed.
 * Immutable; user rules derive a changed copy.
 */
public final class DecisionPolicy {
    private final Set<Reason> suppressing;

    public DecisionPolicy(Set<Reason> suppressing) {
        this.suppressing = suppressing.isEmpty() ? EnumSet.noneOf(Reason.class) : EnumSet.copyOf(suppressing);
    }

    /** The built-in policy: suppress userunknown, hostunknown, hasmoved and notaccept when permanent. */
    public static DecisionPolicy builtIn() {
        EnumSet<Reason> s = EnumSet.noneOf(Reason.class);
        for (Reason r : Reason.values()) {
            if (r.defaultDecision() == Decision.SUPPRESS) {
                s.add(r);
            }
        }
        return new DecisionPolicy(s);
    }

    /** The reasons that suppress an address when the failure is permanent. */
    public Set<Reason> suppressing() {
        return EnumSet.copyOf(suppressing.isEmpty() ? EnumSet.noneOf(Reason.class) : suppressing);
    }

    /** The decision for a reason and class under this policy. */
    public Decision decide(Reason reason, BounceClass cls) {
        return decide(reason, cls, null, null, null);
    }

    Decision decide(Reason reason, BounceClass cls, String recipient, String remoteMta, String status) {
        if (reason == Reason.FEEDBACK) {
            return Decision.UNSUBSCRIBE;
        }
        if (cls == BounceClass.INFORMATIONAL) {
            return Decision.NONE;
        }
        if (suppressing.contains(reason)) {
            return cls == BounceClass.PERMANENT ? Decision.SUPPRESS : Decision.RETRY;
        }
        Decision d = reason.defaultDecision();
        if (d == Decision.SUPPRESS || d == Decision.NONE || d == Decision.UNSUBSCRIBE) {
            return Decision.RETRY;
        }
        return d;
    }
}
