package org.bouncekit.reason;

import java.util.List;
import org.bouncekit.Evidence;
import org.bouncekit.Reason;

/**
 * The reason found for one recipient and the evidence for it.
 *
 * @param reason   the reason
 * @param evidence what decided, first the deciding rule, then any conflicting signal that lost
 */
public record ReasonFinding(Reason reason, List<Evidence> evidence) {
    public ReasonFinding {
        evidence = List.copyOf(evidence);
    }
}
