package org.bouncekit;

import java.util.List;

/**
 * What happened to one recipient of a bounced message, and what to do about it.
 *
 * @param recipient          the failed address: the DSN's Final-Recipient (or the address a non-standard bounce
 *                           names), domain lowercased, without {@code rfc822;}
 * @param originalRecipient  the DSN's Original-Recipient (the address the sender used, when it was rewritten on
 *                           the way), or null
 * @param finalRecipient     the DSN's Final-Recipient (or the address the format reported), or null
 * @param action             the DSN action: failed, delayed, delivered, relayed, expanded (may be inferred)
 * @param status             the enhanced status code (e.g. {@code 5.1.1}), or null
 * @param statusInferred     true when {@code status} was not in the bounce but inferred from the reply code or text
 * @param replyCode          the SMTP reply code (e.g. 550), or null
 * @param replyCodeInferred  true when {@code replyCode} was inferred
 * @param bounceClass        informational, transient or permanent
 * @param reason             why it failed
 * @param decision           what the pipeline should do
 * @param diagnostic         the remote server's text (untrusted), or null
 * @param remoteMta          the host that gave the answer, or null
 * @param command            the SMTP command that failed (RCPT, DATA, ...), or null
 * @param recommendedAction  the dictionary's how-to-fix text for the deciding code or reason
 * @param evidence           the rules that decided, in order
 * @param lastAttemptDate    the DSN's Last-Attempt-Date as written, or null
 * @param willRetryUntil     the DSN's Will-Retry-Until as written (delay notices), or null
 */
public record Verdict(
        String recipient,
        String originalRecipient,
        String finalRecipient,
        String action,
        String status,
        boolean statusInferred,
        Integer replyCode,
        boolean replyCodeInferred,
        BounceClass bounceClass,
        Reason reason,
        Decision decision,
        String diagnostic,
        String remoteMta,
        String command,
        String recommendedAction,
        List<Evidence> evidence,
        String lastAttemptDate,
        String willRetryUntil) {

    public Verdict {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A verdict without DSN timing fields. */
    public Verdict(String recipient, String originalRecipient, String finalRecipient, String action, String status,
                   boolean statusInferred, Integer replyCode, boolean replyCodeInferred, BounceClass bounceClass,
                   Reason reason, Decision decision, String diagnostic, String remoteMta, String command,
                   String recommendedAction, List<Evidence> evidence) {
        this(recipient, originalRecipient, finalRecipient, action, status, statusInferred, replyCode, replyCodeInferred,
                bounceClass, reason, decision, diagnostic, remoteMta, command, recommendedAction, evidence, null, null);
    }

    /** True when the address should no longer be mailed (suppress or unsubscribe). */
    public boolean isHardBounce() {
        return decision == Decision.SUPPRESS;
    }
}
