package org.bouncekit;

import org.bouncekit.reason.ReasonRules;
import org.bouncekit.verdict.DecisionPolicy;

/** User corrections to the built-in rules. */
public final class UserRules {
    private final ReasonRules reasonRules;
    private final DecisionPolicy decisionPolicy;

    private UserRules(ReasonRules reasonRules, DecisionPolicy decisionPolicy) {
        this.reasonRules = reasonRules;
        this.decisionPolicy = decisionPolicy;
    }

    /** No corrections. */
    public static UserRules none() {
        return new UserRules(ReasonRules.builtIn(), DecisionPolicy.builtIn());
    }

    /** Reads a rules file (format: see README). */
    public static UserRules load(java.nio.file.Path file) throws java.io.IOException {
        throw new IllegalArgumentException("rules files are not supported yet: " + file);
    }

    ReasonRules reasonRules() {
        return reasonRules;
    }

    DecisionPolicy decisionPolicy() {
        return decisionPolicy;
    }
}
