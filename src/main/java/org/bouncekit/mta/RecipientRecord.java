package org.bouncekit.mta;

import org.bouncekit.Reason;

/**
 * What a bounce format reports about one recipient, before classification. Decoders fill it in;
 * the classifier turns it into an immutable {@link org.bouncekit.Verdict}. Internal: not part of the
 * supported API.
 */
public final class RecipientRecord {
    private String recipient;
    private String originalRecipient;
    private String action;
    private String status;
    private Integer replyCode;
    private String diagnostic;
    private String diagnosticField = "body";
    private String remoteMta;
    private String command;
    private Reason reasonHint;
    private String lastAttemptDate;
    private String willRetryUntil;
    private String reportingMta;
    private String hintRule;

    public RecipientRecord(String recipient) {
        this.recipient = recipient;
    }

    public String recipient() { return recipient; }
    public String originalRecipient() { return originalRecipient; }
    public String action() { return action; }
    public String status() { return status; }
    public Integer replyCode() { return replyCode; }
    public String diagnostic() { return diagnostic; }
    /** Where the diagnostic came from: Diagnostic-Code, body, X-Failed-Recipients, ... */
    public String diagnosticField() { return diagnosticField; }
    public String remoteMta() { return remoteMta; }
    public String command() { return command; }
    /** A reason the format states outright (e.g. a vendor code), or null. */
    public Reason reasonHint() { return reasonHint; }
    public String hintRule() { return hintRule; }
    public String lastAttemptDate() { return lastAttemptDate; }
    public String willRetryUntil() { return willRetryUntil; }
    public RecipientRecord lastAttemptDate(String v) { lastAttemptDate = v; return this; }
    public RecipientRecord willRetryUntil(String v) { willRetryUntil = v; return this; }
    /** The host that wrote the report: when no remote MTA is named, the provider that refused. */
    public String reportingMta() { return reportingMta; }
    public RecipientRecord reportingMta(String v) { reportingMta = v; return this; }

    public RecipientRecord recipient(String v) { recipient = v; return this; }
    public RecipientRecord originalRecipient(String v) { originalRecipient = v; return this; }
    public RecipientRecord action(String v) { action = v; return this; }

    /** True for the DSN actions of a success (RFC 3464): delivered, relayed, expanded; any case. */
    public static boolean isSuccessAction(String action) {
        return "delivered".equalsIgnoreCase(action) || "relayed".equalsIgnoreCase(action)
                || "expanded".equalsIgnoreCase(action);
    }
    public RecipientRecord status(String v) { status = v; return this; }
    public RecipientRecord replyCode(Integer v) { replyCode = v; return this; }
    public RecipientRecord diagnostic(String v, String field) { diagnostic = v; diagnosticField = field; return this; }
    public RecipientRecord remoteMta(String v) { remoteMta = v; return this; }
    public RecipientRecord command(String v) { command = v; return this; }

    public RecipientRecord reasonHint(Reason r, String rule) {
        reasonHint = r;
        hintRule = rule;
        return this;
    }

    @Override
    public String toString() {
        return "RecipientRecord[" + recipient + " " + action + " " + status + " " + replyCode + " " + diagnostic + "]";
    }
}
