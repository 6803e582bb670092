package org.bouncekit.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncekit.BounceClass;
import org.bouncekit.Decision;
import org.bouncekit.Evidence;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.bouncekit.Verdict;
import org.bouncekit.codes.CodeDictionary;
import org.bouncekit.mta.RecipientRecord;
import org.bouncekit.parse.SmtpCodes;
import org.bouncekit.reason.FailedCommand;
import org.bouncekit.reason.ReasonFinding;
import org.bouncekit.reason.ReasonRules;
import org.bouncekit.reason.RemoteHostRules;

/**
 * The one place where a recipient's class (informational / transient / permanent), reason and
 * decision are settled. Immutable and thread-safe.
 */
public final class VerdictAssembler {
    private final ReasonRules rules;
    private final CodeDictionary dictionary;
    private final DecisionPolicy policy;

    public VerdictAssembler(ReasonRules rules, CodeDictionary dictionary, DecisionPolicy policy) {
        this.rules = rules;
        this.dictionary = dictionary;
        this.policy = policy;
    }

    /** The verdict for one decoded recipient of a message of the given kind. */
    public Verdict assemble(RecipientRecord r, MessageKind kind) {
        return assemble(r, kind, null);
    }

    /**
     * The verdict for one decoded recipient. {@code context} is the bounce's own prose when it
     * speaks about this recipient alone (used to find the SMTP command that failed when the
     * format did not report it), or null.
     */
    public Verdict assemble(RecipientRecord r, MessageKind kind, String context) {
        String status = SmtpCodes.isStatus(r.status()) ? r.status() : null;
        Integer reply = r.replyCode() != null && r.replyCode() >= 200 && r.replyCode() <= 599 ? r.replyCode() : null;
        String action = r.action();
        List<Evidence> evidence = new ArrayList<>(4);

        String command = FailedCommand.normalize(r.command());
        if (command == null) {
            command = FailedCommand.in(r.diagnostic());
        }
        if (command == null) {
            command = FailedCommand.in(context);
        }
        // a bounce that names no action for a recipient reports a final failure
        String outcome = action != null ? action : kind == MessageKind.BOUNCE ? "failed"
                : kind == MessageKind.DELAY ? "delayed" : null;
        Reason hint = r.reasonHint();
        String hintRule = r.hintRule();
        if (hint == null) {
            // a provider's own convention for its codes and words outranks their generic meaning
            // The remote MTA refused; when the report names none, the reporting MTA is the provider that did.
            String host = r.remoteMta() != null ? r.remoteMta() : r.reportingMta();
            RemoteHostRules.Match byHost = RemoteHostRules.builtIn().find(host, status, command, r.diagnostic());
            if (byHost != null) {
                hint = byHost.reason();
                hintRule = "rhost." + byHost.suffix();
            }
        }
        ReasonFinding finding = rules.find(hint, hintRule, status, reply, r.diagnostic(),
                r.diagnosticField(), command, outcome);
        Reason reason = finding.reason();
        evidence.addAll(finding.evidence());

        BounceClass cls = classOf(status, reply, action, kind, reason, evidence);
        if (cls == BounceClass.PERMANENT && status == null && reply == null
                && gaveUpOnTransientCondition(r.diagnostic(), reason)) {
            // No code, and the MTA says it stopped retrying a temporary failure: the condition was transient.
            evidence.add(new Evidence("class.retries-exhausted", null, r.diagnosticField(),
                    "the reporting MTA gave up retrying a temporary failure; the failure itself was transient"));
            cls = BounceClass.TRANSIENT;
        }
        if (action == null) {
            action = inferAction(kind, cls);
        }
        boolean success = RecipientRecord.isSuccessAction(action);
        if (cls == BounceClass.INFORMATIONAL && (kind == MessageKind.DELIVERY || success)) {
            // a delivered/relayed/expanded recipient in a mixed report: any error words near it are another's
            if (success && reason != Reason.DELIVERED) {
                evidence.clear();
                evidence.add(new Evidence("delivered.action", action, "Action",
                        "the report says this recipient's message was " + action));
                if (reply != null && reply >= 400) {
                    reply = null;
                }
            }
            reason = Reason.DELIVERED;
        } else if (cls != BounceClass.INFORMATIONAL && (reason == Reason.DELIVERED || reason == Reason.VACATION)) {
            reason = Reason.UNDEFINED;
        }
        if ("delayed".equals(action) && reason == Reason.UNDEFINED) {
            reason = Reason.EXPIRED;
        }

        boolean statusInferred = false;
        if (status == null) {
            status = CodeInference.status(reason, cls);
            statusInferred = status != null;
        }
        boolean replyInferred = false;
        if (reply == null && status != null && !statusInferred && cls != BounceClass.INFORMATIONAL) {
            reply = CodeInference.replyCode(status);
            replyInferred = reply != null;
        }

        Decision decision = policy.decide(reason, cls, r.recipient(), r.remoteMta(), status);
        if (decision == Decision.UNSUBSCRIBE && r.hintRule() != null && NOT_COMPLAINTS.contains(r.hintRule())) {
            // a feedback report that is not a complaint: unsubscribing would do the opposite of what was reported
            evidence.add(new Evidence("feedback.not-a-complaint", r.hintRule(), r.diagnosticField(),
                    "this feedback type reports no complaint; the recipient is not unsubscribed"));
            decision = Decision.NONE;
        }
        String recommended = dictionary.howToFix(reason, decision);
        return new Verdict(r.recipient(), r.originalRecipient(), r.recipient(), action, status, statusInferred,
                reply, replyInferred, cls, reason, decision, r.diagnostic(), r.remoteMta(),
                r.command() != null ? r.command() : command,
                recommended, evidence, r.lastAttemptDate(), r.willRetryUntil());
    }

    /**
     * Feedback report types (RFC 5965, RFC 6591) that are not a recipient's complaint: "not-spam" (the user
     * moved the message out of the spam folder) and "auth-failure" (a report on a message that failed
     * SPF/DKIM/DMARC, typically a forgery).
     */
    private static final Set<String> NOT_COMPLAINTS = Set.of(
            "feedback.not-spam", "feedback.auth-failure");

    private static BounceClass classOf(String status, Integer reply, String action, MessageKind kind, Reason reason,
                                       List<Evidence> evidence) {
        if (kind == MessageKind.FEEDBACK || kind == MessageKind.AUTOREPLY || reason == Reason.VACATION
                || reason == Reason.FEEDBACK) {
            return BounceClass.INFORMATIONAL;
        }
        BounceClass byStatus = status == null ? null : BounceClass.ofFirstDigit(status.charAt(0));
        BounceClass byReply = reply == null ? null : BounceClass.ofFirstDigit((char) ('0' + reply / 100));
        if (byStatus != null) {
            if (byReply != null && byReply != byStatus) {
                evidence.add(new Evidence("class.conflict", reply + " / " + status, "Status",
                        "reply code " + reply + " and status " + status + " disagree; the enhanced status decides"));
            }
            return byStatus;
        }
        if (byReply != null) {
            return byReply;
        }
        String a = action == null ? "" : action.toLowerCase(Locale.ROOT);
        switch (a) {
            case "failed":
                return BounceClass.PERMANENT;
            case "delayed":
                return BounceClass.TRANSIENT;
            case "delivered":
            case "relayed":
            case "expanded":
                return BounceClass.INFORMATIONAL;
            default:
                break;
        }
        if (kind == MessageKind.DELAY) {
            return BounceClass.TRANSIENT;
        }
        if (kind == MessageKind.DELIVERY) {
            return BounceClass.INFORMATIONAL;
        }
        return BounceClass.PERMANENT;
    }

    /**
     * What MTAs write when they failed a message on the state of the destination hosts without trying it
     * again (Exim's host retry data): the message itself met only a temporary condition.
     */
    private static final List<String> NEVER_TRIED = List.of(
            "have been failing for a long time", "retry time not reached for any host");
    /** What MTAs write when a message's own retry period ran out. */
    private static final List<String> RETRY_TIMEOUT = List.of("retry timeout exceeded");

    /**
     * True when the diagnostic shows the failure was a temporary condition the MTA stopped waiting for.
     * A bare "retry timeout exceeded" names no condition, so the MTA's final "failed" stands; with a named
     * condition (e.g. "mailbox is full: retry timeout exceeded") that condition decides.
     */
    private static boolean gaveUpOnTransientCondition(String diagnostic, Reason reason) {
        if (diagnostic == null) {
            return false;
        }
        String lower = diagnostic.toLowerCase(Locale.ROOT);
        if (containsAny(lower, NEVER_TRIED)) {
            return true;
        }
        return reason != Reason.EXPIRED && reason != Reason.UNDEFINED && containsAny(lower, RETRY_TIMEOUT);
    }

    private static boolean containsAny(String text, List<String> phrases) {
        for (String p : phrases) {
            if (text.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static String inferAction(MessageKind kind, BounceClass cls) {
        switch (kind) {
            case DELAY:
                return "delayed";
            case DELIVERY:
                return "delivered";
            case BOUNCE:
                return cls == BounceClass.INFORMATIONAL ? "delivered" : "failed";
            default:
                return null;
        }
    }
}
