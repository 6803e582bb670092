package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.bouncekit.MessageKind;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.DeliveryStatus;
import org.bouncekit.parse.DeliveryStatusParser;
import org.bouncekit.parse.ParsedMessage;
import org.bouncekit.parse.SmtpCodes;

/**
 * RFC 3464 delivery status notifications (and RFC 6533 global ones): the standard, tried after the
 * formats that need their own reading of a DSN.
 */
final class DeliveryStatusFormat implements BounceFormat {
    /** Where the action keyword ends ("failed (bad destination)"); compiled once. */
    private static final Pattern ACTION_END = Pattern.compile("[ (]");
    private final int maxRecipients;

    DeliveryStatusFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "rfc3464";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        if (m.deliveryStatus().isEmpty()) {
            return null;
        }
        List<RecipientRecord> records = new ArrayList<>();
        String reportingMta = null;
        for (String body : m.deliveryStatus()) {
            DeliveryStatus ds = DeliveryStatusParser.parse(body, maxRecipients - records.size());
            if (reportingMta == null) {
                reportingMta = stripType(ds.messageFields().get("reporting-mta"));
            }
            for (Map<String, String> f : ds.recipientFields()) {
                RecipientRecord r = fromFields(f);
                if (r != null) {
                    records.add(r);
                }
            }
        }
        if (records.isEmpty()) {
            return null;
        }
        return new DecodedBounce(name(), kindOf(records), records);
    }

    /** One recipient group's fields as a record; null when it names no address. */
    static RecipientRecord fromFields(Map<String, String> f) {
        String finalRcpt = Addresses.normalize(f.get("final-recipient"));
        String originalRcpt = Addresses.normalize(f.get("original-recipient"));
        String actual = Addresses.normalize(f.get("x-actual-recipient"));
        String recipient = finalRcpt != null ? finalRcpt : originalRcpt != null ? originalRcpt : actual;
        if (recipient == null) {
            return null;
        }
        RecipientRecord r = new RecipientRecord(recipient).originalRecipient(originalRcpt);
        String action = f.get("action");
        if (action != null) {
            r.action(ACTION_END.split(action.trim().toLowerCase(Locale.ROOT), 2)[0]);
        }
        String diagnostic = stripType(f.get("diagnostic-code"));
        if (diagnostic != null && !diagnostic.isBlank()) {
            r.diagnostic(diagnostic, "Diagnostic-Code");
        }
        SmtpCodes.Found inDiag = SmtpCodes.find(diagnostic);
        String status = SmtpCodes.findStatus(f.get("status"));
        if (status == null || (status.endsWith(".0.0") && inDiag.status() != null
                && inDiag.status().charAt(0) == status.charAt(0))) {
            // A generic or missing Status gives way to the specific code the server sent.
            status = inDiag.status() != null ? inDiag.status() : status;
        }
        r.status(status);
        r.replyCode(inDiag.replyCode());
        r.remoteMta(stripType(f.get("remote-mta")));
        return r;
    }

    /** "smtp; 550 ..." -> "550 ...", "dns; mx.example.com" -> "mx.example.com". */
    static String stripType(String v) {
        if (v == null) {
            return null;
        }
        int semi = v.indexOf(';');
        if (semi > 0 && semi < 16 && isTypeName(v.substring(0, semi).trim())) {
            return v.substring(semi + 1).trim();
        }
        return v.trim();
    }

    /** {@code [A-Za-z0-9-]+}, without a regex: this runs for every DSN field. */
    private static boolean isTypeName(String t) {
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static MessageKind kindOf(List<RecipientRecord> records) {
        boolean failed = false;
        boolean delayed = false;
        boolean delivered = false;
        for (RecipientRecord r : records) {
            String a = r.action() == null ? "" : r.action();
            String s = r.status() == null ? "" : r.status();
            if (a.equals("failed") || s.startsWith("5")) {
                failed = true;
            } else if (a.equals("delayed") || s.startsWith("4")) {
                delayed = true;
            } else if (a.equals("delivered") || a.equals("relayed") || a.equals("expanded") || s.startsWith("2")) {
                delivered = true;
            } else {
                failed = true;
            }
        }
        return failed ? MessageKind.BOUNCE : delayed ? MessageKind.DELAY : delivered ? MessageKind.DELIVERY : MessageKind.BOUNCE;
    }
}
