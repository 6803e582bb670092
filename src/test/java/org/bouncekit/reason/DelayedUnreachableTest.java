package org.bouncekit.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

class DelayedUnreachableTest {
    private static Reason find(String action) {
        return ReasonRules.builtIn().find(null, null, "4.4.1", null, "connect to mx.example.org: No route to host",
                "Diagnostic-Code", null, action).reason();
    }

    @Test
    void aDelayBecauseTheHostCannotBeReachedIsOverdueDelivery() {
        assertEquals(Reason.EXPIRED, find("delayed"));
    }

    @Test
    void aFailureForTheSameCauseStaysANetworkError() {
        assertEquals(Reason.NETWORKERROR, find("failed"));
    }
}
