package org.bouncekit.parse;

import java.util.List;
import java.util.Map;

/**
 * The fields of an RFC 3464 message/delivery-status body.
 *
 * @param messageFields   per-message fields (Reporting-MTA, Arrival-Date, ...), lowercase names
 * @param recipientFields one map per recipient group (Final-Recipient, Action, Status, ...), lowercase names
 */
public record DeliveryStatus(Map<String, String> messageFields, List<Map<String, String>> recipientFields) {
    public DeliveryStatus {
        messageFields = Map.copyOf(messageFields);
        recipientFields = List.copyOf(recipientFields);
    }

    /** The same report with at most {@code maxRecipients} recipient groups. */
    public DeliveryStatus limitedTo(int maxRecipients) {
        if (recipientFields.size() <= maxRecipients) {
            return this;
        }
        return new DeliveryStatus(messageFields, recipientFields.subList(0, Math.max(0, maxRecipients)));
    }
}
