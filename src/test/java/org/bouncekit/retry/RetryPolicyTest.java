package org.bouncekit.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bouncekit.BounceClassifier;
import org.bouncekit.TestMessages;
import org.bouncekit.Verdict;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-03T10:00:00Z");
    private static final RetryPolicy POLICY = RetryPolicy.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Verdict verdict(String status, String diagnostic) {
        return BounceClassifier.create().classify(TestMessages.dsn("r@example.org",
                status.startsWith("4") ? "delayed" : "failed", status, diagnostic, "mx.example.org")).verdicts().get(0);
    }

    @Test
    void mailboxFullIsRetriedInHoursThenSuppressedAfterTwoWeeks() {
        Verdict full = verdict("5.2.2", "552 5.2.2 Mailbox full");
        RetryAdvice first = POLICY.advise(full, 0, NOW);
        assertEquals(RetryAdvice.Action.RETRY_AT, first.action());
        assertEquals(NOW.plus(Duration.ofHours(6)), first.notBefore());
        assertEquals(1, first.attempt());
        assertEquals(NOW.plus(Duration.ofDays(2)), POLICY.advise(full, 9, NOW).notBefore(), "the last delay repeats");
        RetryAdvice late = POLICY.advise(full, 12, NOW.minus(Duration.ofDays(15)));
        assertEquals(RetryAdvice.Action.SUPPRESS, late.action());
        assertNull(late.notBefore());
    }

    @Test
    void rateLimitsBackOffInMinutesAndAreDroppedNotSuppressed() {
        Verdict slow = verdict("4.7.0", "421 4.7.0 Too many concurrent SMTP connections, please slow down");
        RetryAdvice a = POLICY.advise(slow, 0, NOW);
        assertEquals(RetryAdvice.Action.RETRY_AT, a.action());
        assertEquals(true, Duration.between(NOW, a.notBefore()).toMinutes() <= 15, a.toString());
        assertEquals(RetryAdvice.Action.DROP, POLICY.advise(slow, 30, NOW.minus(Duration.ofDays(6))).action());
    }

    @Test
    void retryNeverGoesPastTheGiveUpDeadline() {
        Verdict full = verdict("4.2.2", "452 4.2.2 Mailbox full");
        Instant first = NOW.minus(Duration.ofDays(14)).plus(Duration.ofHours(1));
        assertEquals(first.plus(Duration.ofDays(14)), POLICY.advise(full, 3, first).notBefore());
    }

    @Test
    void decisionsWithoutScheduleMapDirectly() {
        assertEquals(RetryAdvice.Action.SUPPRESS, POLICY.advise(verdict("5.1.1", "550 5.1.1 User unknown"), 0, NOW).action());
        assertEquals(RetryAdvice.Action.HOLD, POLICY.advise(verdict("5.7.1",
                "554 5.7.1 Client host blocked using zen.spamhaus.org"), 0, NOW).action());
    }
}
