package org.bouncekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ReasonTest {
    @ParameterizedTest
    @EnumSource(Reason.class)
    void wireNamesRoundTrip(Reason r) {
        assertEquals(r, Reason.fromWireName(r.wireName()));
        assertEquals(r, Reason.fromWireName(r.wireName().toUpperCase()));
    }

    @ParameterizedTest
    @CsvSource({"userunknown,suppress", "hostunknown,suppress", "mailboxfull,retry", "blocked,fix-sender",
            "feedback,unsubscribe", "vacation,none"})
    void defaultDecisions(String reason, String decision) {
        assertEquals(decision, Reason.fromWireName(reason).defaultDecision().wireName());
    }

    @org.junit.jupiter.api.Test
    void unknownNamesGiveNull() {
        assertNull(Reason.fromWireName("nosuchreason"));
        assertNull(Decision.fromWireName("maybe"));
    }
}
