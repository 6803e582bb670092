package org.bouncekit.retry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.bouncekit.Decision;
import org.bouncekit.Reason;
import org.bouncekit.Verdict;

/**
 * Turns a verdict and the history of a recipient's failures into retry advice: when to try again,
 * when to give up, and whether giving up means suppressing the address. Schedules per reason are
 * data ({@code schedules.properties}); time comes from an injectable {@link Clock}. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.defaults();
 * RetryAdvice next = policy.advise(verdict, attemptsSoFar, firstFailureTime);
 * if (next.action() == RetryAdvice.Action.RETRY_AT) queue.schedule(message, next.notBefore());
 * }</pre>
 */
public final class RetryPolicy {
    private record Schedule(List<Duration> delays, Duration giveUpAfter, boolean thenSuppress) {
    }

    private final Clock clock;
    private final Map<Reason, Schedule> schedules;
    private final Schedule fallback;

    private RetryPolicy(Clock clock, Map<Reason, Schedule> schedules, Schedule fallback) {
        this.clock = clock;
        this.schedules = Map.copyOf(schedules);
        this.fallback = fallback;
    }

    /** The built-in schedules, on the system clock. */
    public static RetryPolicy defaults() {
        return Defaults.INSTANCE;
    }

    /** This policy on another clock (for tests, or a pipeline's own time source). */
    public RetryPolicy withClock(Clock clock) {
        return new RetryPolicy(Objects.requireNonNull(clock), schedules, fallback);
    }

    /**
     * Advice for one recipient.
     *
     * @param verdict          the latest verdict for the recipient
     * @param previousAttempts how many retries were already made after the first failure (0 after the first bounce)
     * @param firstFailure     when the first failure of this message to this recipient happened (null: now)
     */
    public RetryAdvice advise(Verdict verdict, int previousAttempts, Instant firstFailure) {
        Instant now = clock.instant();
        Instant first = firstFailure == null ? now : firstFailure;
        Decision d = verdict.decision();
        RetryAdvice.Action direct = RetryAdvice.Action.of(d);
        if (direct != RetryAdvice.Action.RETRY_AT) {
            return new RetryAdvice(direct, null, 0, verdict.reason().wireName() + ": " + d.wireName());
        }
        Schedule s = schedules.getOrDefault(verdict.reason(), fallback);
        Duration failingFor = Duration.between(first, now);
        if (failingFor.compareTo(s.giveUpAfter()) >= 0) {
            String why = verdict.reason().wireName() + " for " + failingFor.toHours() + " h (limit "
                    + s.giveUpAfter().toHours() + " h)";
            return s.thenSuppress()
                    ? new RetryAdvice(RetryAdvice.Action.SUPPRESS, null, 0, why + ": the address is treated as dead")
                    : new RetryAdvice(RetryAdvice.Action.DROP, null, 0, why + ": giving this message up");
        }
        int n = Math.max(0, previousAttempts);
        Duration delay = s.delays().get(Math.min(n, s.delays().size() - 1));
        Instant next = now.plus(delay);
        Instant deadline = first.plus(s.giveUpAfter());
        if (next.isAfter(deadline)) {
            next = deadline;
        }
        return new RetryAdvice(RetryAdvice.Action.RETRY_AT, next, n + 1,
                verdict.reason().wireName() + ": retry " + (n + 1) + " after " + delay);
    }

    private static final class Defaults {
        static final RetryPolicy INSTANCE = load();

        private static RetryPolicy load() {
            Properties p = new Properties();
            try (InputStream in = RetryPolicy.class.getResourceAsStream("schedules.properties")) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Schedule fallback = schedule(p, "default", null);
            Map<Reason, Schedule> map = new HashMap<>();
            for (Reason r : Reason.values()) {
                if (p.containsKey(r.wireName() + ".delays")) {
                    map.put(r, schedule(p, r.wireName(), fallback));
                }
            }
            return new RetryPolicy(Clock.systemUTC(), map, fallback);
        }

        private static Schedule schedule(Properties p, String key, Schedule fallback) {
            List<Duration> delays = new ArrayList<>();
            for (String d : p.getProperty(key + ".delays").split(",")) {
                delays.add(Duration.parse(d.trim()));
            }
            String giveUp = p.getProperty(key + ".giveUpAfter");
            String suppress = p.getProperty(key + ".thenSuppress");
            return new Schedule(List.copyOf(delays),
                    giveUp != null ? Duration.parse(giveUp) : fallback.giveUpAfter(),
                    suppress != null ? Boolean.parseBoolean(suppress) : fallback != null && fallback.thenSuppress());
        }
    }
}
