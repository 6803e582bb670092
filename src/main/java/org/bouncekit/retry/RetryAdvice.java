package org.bouncekit.retry;

import java.time.Instant;
import org.bouncekit.Decision;

/**
 * What to do next with one recipient after a bounce.
 *
 * @param action    RETRY_AT (send again at {@code notBefore}), SUPPRESS (stop mailing the address),
 *                  DROP (give this message up, keep the address), HOLD (do not resend until the sending side
 *                  is fixed), UNSUBSCRIBE, or NOTHING
 * @param notBefore when to try again, for RETRY_AT; else null
 * @param attempt   the number of the next attempt (1 = the first retry), for RETRY_AT; else 0
 * @param why       one line for logs
 */
public record RetryAdvice(Action action, Instant notBefore, int attempt, String why) {
    /** The kinds of advice. */
    public enum Action {
        RETRY_AT, SUPPRESS, DROP, HOLD, UNSUBSCRIBE, NOTHING;

        /** The advice for a verdict decision that needs no schedule. */
        static Action of(Decision d) {
            switch (d) {
                case SUPPRESS: return SUPPRESS;
                case FIX_SENDER: return HOLD;
                case UNSUBSCRIBE: return UNSUBSCRIBE;
                case NONE: return NOTHING;
                default: return RETRY_AT;
            }
        }
    }
}
