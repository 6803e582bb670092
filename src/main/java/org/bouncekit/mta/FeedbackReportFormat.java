package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.HeaderBlock;
import org.bouncekit.parse.HeaderText;
import org.bouncekit.parse.ParsedMessage;

/**
 * Abuse and complaint feedback reports (ARF, RFC 5965): the complaining recipient is the
 * Original-Rcpt-To of the report, else the To of the reported message. Also Microsoft's JMRP
 * complaints (Hotmail/Outlook.com), which attach the reported message without a
 * message/feedback-report part and name the recipient in X-HmXmrOriginalRecipient.
 */
final class FeedbackReportFormat implements BounceFormat {
    /** The header in which Microsoft's JMRP names the complaining recipient. */
    private static final String MICROSOFT_RECIPIENT = "x-hmxmroriginalrecipient";

    private final int maxRecipients;

    FeedbackReportFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "arf";
    }

    /**
     * A JMRP complaint: the attached message carries Microsoft's recipient header, or the subject
     * is the JMRP one and a message is attached.
     */
    private static boolean isMicrosoftComplaint(ParsedMessage m) {
        if (!m.deliveryStatus().isEmpty()) {
            return false;
        }
        if (m.originalHeaders().has(MICROSOFT_RECIPIENT)) {
            return true;
        }
        return !m.attachedHeaders().isEmpty()
                && m.subject().strip().toLowerCase(Locale.ROOT).startsWith("complaint about message from ");
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        boolean isReport = m.feedbackReport() != null || "feedback-report".equals(m.reportType());
        if (!isReport && !isMicrosoftComplaint(m)) {
            return null;
        }
        HeaderBlock report = m.feedbackReport() == null ? HeaderBlock.empty()
                : HeaderText.parse(m.feedbackReport(), 200);
        Set<String> recipients = new LinkedHashSet<>();
        for (String v : m.originalHeaders().all(MICROSOFT_RECIPIENT)) {
            recipients.addAll(Addresses.findAll(v, maxRecipients));
        }
        for (String v : report.all("original-rcpt-to")) {
            recipients.addAll(Addresses.findAll(v, maxRecipients));
        }
        if (recipients.isEmpty()) {
            HeaderBlock orig = m.originalHeaders();
            for (String name : new String[] {"to", "delivered-to", "x-original-to"}) {
                for (String v : orig.all(name)) {
                    recipients.addAll(Addresses.findAll(v, maxRecipients));
                }
                if (!recipients.isEmpty()) {
                    break;
                }
            }
        }
        if (recipients.isEmpty()) {
            String verp = PlainTextFormat.verpRecipient(m);
            if (verp != null) {
                recipients.add(verp);
            }
        }
        String type = report.first("feedback-type");
        String feedbackType = type == null ? "abuse" : type.toLowerCase(Locale.ROOT);
        List<RecipientRecord> records = new ArrayList<>();
        for (String r : recipients) {
            records.add(new RecipientRecord(r)
                    .diagnostic("Feedback-Type: " + feedbackType, "Feedback-Type")
                    .remoteMta(DeliveryStatusFormat.stripType(report.first("reporting-mta")))
                    .reasonHint(Reason.FEEDBACK, "feedback." + feedbackType));
        }
        return new DecodedBounce(name(), MessageKind.FEEDBACK, records);
    }
}
