package org.bouncekit.mta;

import java.util.Locale;
import org.bouncekit.Reason;
import org.bouncekit.parse.ParsedMessage;
import org.bouncekit.parse.SmtpCodes;

/**
 * Bounces written by Amazon SES email receiving (Reporting-MTA inbound-smtp.REGION.amazonaws.com). SES
 * accepts every message first and then applies the domain owner's receipt rules; a "bounce" action
 * sends the reply the owner configured ("550 5.1.1 Mailbox does not exist" is the console's default).
 * Such an address-status bounce is the owner's filter speaking, not a directory lookup: filtered.
 * Everything else is read as the standard DSN it is.
 */
final class SesReceivingFormat implements BounceFormat {
    private final DeliveryStatusFormat dsn;
    private final int maxRecipients;

    SesReceivingFormat(int maxRecipients) {
        this.dsn = new DeliveryStatusFormat(maxRecipients);
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "ses-receiving";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        // The reporting MTA first (the parse is kept for the standard DSN reader): most reports are not SES's.
        if (m.deliveryStatus().isEmpty() || !isSesInbound(DeliveryStatusFormat.stripType(
                m.deliveryStatusFields(0, maxRecipients).messageFields().get("reporting-mta")))) {
            return null;
        }
        DecodedBounce d = dsn.decode(m);
        if (d == null || !isSesInbound(d.reportingMta())) {
            return null;
        }
        for (RecipientRecord r : d.records()) {
            String status = r.status();
            if (status != null && SmtpCodes.isStatus(status) && status.substring(1).startsWith(".1.")) {
                r.reasonHint(Reason.FILTERED, "ses-receiving.receipt-rule");
            }
        }
        return new DecodedBounce(name(), d.kind(), d.records(), d.reportingMta());
    }

    private static boolean isSesInbound(String reportingMta) {
        if (reportingMta == null) {
            return false;
        }
        String host = reportingMta.trim().toLowerCase(Locale.ROOT);
        return host.startsWith("inbound-smtp.") && host.endsWith(".amazonaws.com");
    }
}
