package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;
import org.bouncekit.parse.SmtpCodes;

/**
 * Amazon SES notifications delivered by email through SNS: a JSON body, either the notification
 * itself or the SNS envelope carrying it as the string {@code Message}. Bounce, Complaint and
 * Delivery notifications give one record per bounced, complaining or delivered recipient.
 */
final class AmazonSesJsonFormat implements BounceFormat {
    /** SES bounce sub-types that name a reason outright; "General" and the others leave it to the text. */
    private static final Map<String, Reason> SUB_TYPES = Map.of(
            "MailboxFull", Reason.MAILBOXFULL,
            "MessageTooLarge", Reason.MESGTOOBIG,
            "ContentRejected", Reason.CONTENTERROR,
            "AttachmentRejected", Reason.SECURITYERROR,
            "NoEmail", Reason.USERUNKNOWN);

    private final int maxRecipients;

    AmazonSesJsonFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "amazonses";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        String text = m.firstPlainText();
        int first = 0;
        while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        // Looked at before anything is copied: almost every message is not SES JSON.
        if (first == text.length() || text.charAt(first) != '{'
                || !text.contains("notificationType") && !text.contains("eventType")) {
            return null;
        }
        String body = text.strip();
        // Sendmail breaks lines longer than 990 characters with "!" + newline + space.
        String json = body.replace("!\n ", "");
        int end = json.lastIndexOf('}');
        Map<String, Object> root = JsonTree.parseObject(json.substring(0, end + 1));
        if (root == null) {
            return null;
        }
        Map<String, Object> n = JsonTree.text(root, "Message") != null
                ? JsonTree.parseObject(JsonTree.text(root, "Message")) : root;
        String type = JsonTree.text(n, "notificationType");
        if (type == null) {
            type = JsonTree.text(n, "eventType");
        }
        if (type == null) {
            return null;
        }
        List<RecipientRecord> records = new ArrayList<>();
        switch (type) {
            case "Bounce":
                bounced(JsonTree.map(n, "bounce"), records);
                return records.isEmpty() ? null : new DecodedBounce(name(), DeliveryStatusFormat.kindOf(records), records);
            case "Complaint":
                complained(JsonTree.map(n, "complaint"), records);
                return records.isEmpty() ? null : new DecodedBounce(name(), MessageKind.FEEDBACK, records);
            case "Delivery":
                delivered(JsonTree.map(n, "delivery"), records);
                return records.isEmpty() ? null : new DecodedBounce(name(), MessageKind.DELIVERY, records);
            default:
                return null;
        }
    }

    private void bounced(Map<String, Object> bounce, List<RecipientRecord> records) {
        boolean transientType = "Transient".equals(JsonTree.text(bounce, "bounceType"));
        Reason hint = SUB_TYPES.get(String.valueOf(JsonTree.text(bounce, "bounceSubType")));
        String reporting = DeliveryStatusFormat.stripType(JsonTree.text(bounce, "reportingMTA"));
        for (Object o : JsonTree.list(bounce, "bouncedRecipients")) {
            if (!(o instanceof Map) || records.size() >= maxRecipients) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> rcpt = (Map<String, Object>) o;
            String address = Addresses.normalize(JsonTree.text(rcpt, "emailAddress"));
            if (address == null) {
                continue;
            }
            String diagnostic = DeliveryStatusFormat.stripType(JsonTree.text(rcpt, "diagnosticCode"));
            SmtpCodes.Found codes = SmtpCodes.find(diagnostic);
            String status = SmtpCodes.findStatus(JsonTree.text(rcpt, "status"));
            String action = JsonTree.text(rcpt, "action");
            RecipientRecord r = new RecipientRecord(address)
                    .action(action != null ? action : transientType ? "delayed" : "failed")
                    .status(status != null ? status : codes.status())
                    .replyCode(codes.replyCode())
                    .remoteMta(reporting);
            if (diagnostic != null && !diagnostic.isBlank()) {
                r.diagnostic(diagnostic, "diagnosticCode");
            }
            if (hint != null) {
                r.reasonHint(hint, "amazonses.subtype");
            }
            records.add(r);
        }
    }

    private void complained(Map<String, Object> complaint, List<RecipientRecord> records) {
        String feedbackType = JsonTree.text(complaint, "complaintFeedbackType");
        String diagnostic = "Feedback-Type: " + (feedbackType == null ? "abuse" : feedbackType);
        for (Object o : JsonTree.list(complaint, "complainedRecipients")) {
            if (o instanceof Map && records.size() < maxRecipients) {
                @SuppressWarnings("unchecked")
                String address = Addresses.normalize(JsonTree.text((Map<String, Object>) o, "emailAddress"));
                if (address != null) {
                    records.add(new RecipientRecord(address).diagnostic(diagnostic, "complaintFeedbackType")
                            .reasonHint(Reason.FEEDBACK, "amazonses.complaint"));
                }
            }
        }
    }

    private void delivered(Map<String, Object> delivery, List<RecipientRecord> records) {
        String response = JsonTree.text(delivery, "smtpResponse");
        SmtpCodes.Found codes = SmtpCodes.find(response);
        for (Object o : JsonTree.list(delivery, "recipients")) {
            String address = o instanceof String ? Addresses.normalize((String) o) : null;
            if (address != null && records.size() < maxRecipients) {
                RecipientRecord r = new RecipientRecord(address).action("delivered").status(codes.status())
                        .replyCode(codes.replyCode()).remoteMta(JsonTree.text(delivery, "reportingMTA"));
                if (response != null) {
                    r.diagnostic(response, "smtpResponse");
                }
                records.add(r);
            }
        }
    }
}
