package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
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
        int count = m.deliveryStatus().size();
        DeliveryStatus inlineReport = null;
        if (count == 0) {
            // A multipart/report whose structure is broken (a boundary line indented, a part header lost)
            // leaves the DSN fields in the text: read them from there.
            String inline = inlineFields(m);
            if (inline == null) {
                return null;
            }
            inlineReport = DeliveryStatusParser.parse(inline, maxRecipients);
            count = 1;
        }
        List<RecipientRecord> records = new ArrayList<>();
        String reportingMta = null;
        // A gateway may attach the same report twice: a group repeated field for field in a later part
        // is the same recipient, not a second one.
        Set<Map<String, String>> earlier = new HashSet<>();
        for (int b = 0; b < count; b++) {
            int room = maxRecipients - records.size();
            // parsed once per message: other formats have looked at the same report
            DeliveryStatus ds = inlineReport != null ? inlineReport.limitedTo(room) : m.deliveryStatusFields(b, room);
            if (reportingMta == null) {
                reportingMta = stripType(ds.messageFields().get("reporting-mta"));
            }
            for (Map<String, String> f : ds.recipientFields()) {
                RecipientRecord r = b > 0 && earlier.contains(f) ? null : fromFields(f);
                if (r != null) {
                    records.add(r);
                }
            }
            if (b + 1 < count) {
                earlier.addAll(ds.recipientFields());
            }
        }
        if (records.isEmpty()) {
            return null;
        }
        return new DecodedBounce(name(), kindOf(records), records, reportingMta);
    }

    /** The DSN fields standing in the text of a report whose delivery-status part was not found, or null. */
    private static String inlineFields(ParsedMessage m) {
        if (!"delivery-status".equals(m.reportType()) && !"global-delivery-status".equals(m.reportType())) {
            return null;
        }
        String text = m.bodyText();
        int at = indexOfLineStart(text, "reporting-mta:");
        if (at < 0) {
            at = indexOfLineStart(text, "final-recipient:");
        }
        return at < 0 ? null : text.substring(at);
    }

    private static int indexOfLineStart(String text, String field) {
        int n = field.length();
        for (int i = 0; i + n <= text.length(); i = text.indexOf('\n', i) + 1) {
            if (text.regionMatches(true, i, field, 0, n)) {
                return i;
            }
            if (text.indexOf('\n', i) < 0) {
                break;
            }
        }
        return -1;
    }

    /** A file path or pipe command written where an address belongs. */
    private static boolean isDeliveryTarget(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        char c = address.charAt(0) == '"' && address.length() > 1 ? address.charAt(1) : address.charAt(0);
        return c == '/' || c == '|';
    }

    /** One recipient group's fields as a record; null when it names no address. */
    static RecipientRecord fromFields(Map<String, String> f) {
        String finalField = f.get("final-recipient");
        String originalField = f.get("original-recipient");
        String finalRcpt = Addresses.normalize(finalField);
        // Original-Recipient often repeats Final-Recipient word for word: the same value normalizes the same.
        String originalRcpt = originalField != null && originalField.equals(finalField) ? finalRcpt
                : Addresses.normalize(originalField);
        String actual = Addresses.normalize(f.get("x-actual-recipient"));
        String recipient = finalRcpt != null ? finalRcpt : originalRcpt != null ? originalRcpt : actual;
        // A local delivery to a file or a pipe ("/var/mail/ann@host", "|/usr/bin/procmail"@host) reports that
        // target as Final-Recipient: no address anyone mails; the address the sender used is.
        if (isDeliveryTarget(finalRcpt) && originalRcpt != null && !isDeliveryTarget(originalRcpt)) {
            recipient = originalRcpt;
        }
        if (recipient == null) {
            return null;
        }
        RecipientRecord r = new RecipientRecord(recipient).originalRecipient(originalRcpt);
        String action = f.get("action");
        if (action != null) {
            r.action(actionKeyword(action.trim().toLowerCase(Locale.ROOT)));
        }
        // Only an SMTP diagnostic loses its type: "X-Unix; 77" is a local program's exit status, and the
        // type is what says so.
        String rawDiagnostic = f.get("diagnostic-code");
        String diagnostic = isUnixType(rawDiagnostic) ? rawDiagnostic.trim() : stripType(rawDiagnostic);
        if (diagnostic != null && !diagnostic.isBlank()) {
            r.diagnostic(diagnostic, "Diagnostic-Code");
        }
        SmtpCodes.Found inDiag = innermost(diagnostic);
        String status = SmtpCodes.findStatus(f.get("status"));
        if (status == null || (inDiag.status() != null && inDiag.status().charAt(0) == status.charAt(0))) {
            // The remote server's own code is more specific than the reporting MTA's summary of it
            // (Status 4.4.7 "expired" over a server's 450 4.7.1; a generic 5.0.0 over 550 5.1.1).
            status = inDiag.status() != null ? inDiag.status() : status;
        }
        r.status(status);
        r.replyCode(inDiag.replyCode());
        r.remoteMta(hostOnly(stripType(f.get("remote-mta"))));
        Reason category = PowerMtaCategories.reason(f.get("x-powermta-bouncecategory"));
        if (category != null) {
            r.reasonHint(category, "powermta.category." + f.get("x-powermta-bouncecategory").trim().toLowerCase(Locale.ROOT));
        }
        r.lastAttemptDate(f.get("last-attempt-date")).willRetryUntil(f.get("will-retry-until"));
        return r;
    }

    /** The action up to its first space or parenthesis ("failed (bad destination)"), as a split there would give it. */
    private static String actionKeyword(String action) {
        for (int i = 0; i < action.length(); i++) {
            char c = action.charAt(i);
            if (c == ' ' || c == '(') {
                return action.substring(0, i);
            }
        }
        return action;
    }

    /** The diagnostic's type is X-Unix, any case. */
    private static boolean isUnixType(String rawDiagnostic) {
        if (rawDiagnostic == null) {
            return false;
        }
        String t = rawDiagnostic.trim();
        // Only "x" and "X" lowercase to "x": other diagnostics are told apart before any copy.
        return !t.isEmpty() && (t.charAt(0) == 'x' || t.charAt(0) == 'X')
                && t.toLowerCase(Locale.ROOT).startsWith("x-unix");
    }

    /**
     * The codes of a diagnostic. When the reporting MTA wraps the remote server's reply in its own
     * "delivery time expired" reply (X.4.7: "554 4.4.7 Message expired ... <421 4.4.2 Connection timed out>"),
     * the quoted reply is the cause and its codes are the ones reported.
     */
    static SmtpCodes.Found innermost(String diagnostic) {
        SmtpCodes.Found outer = SmtpCodes.find(diagnostic);
        if (outer.status() == null || !outer.status().endsWith(".4.7") || diagnostic == null) {
            return outer;
        }
        int lt = diagnostic.indexOf('<', diagnostic.indexOf(outer.status()) + outer.status().length());
        if (lt < 0) {
            return outer;
        }
        SmtpCodes.Found inner = SmtpCodes.find(diagnostic.substring(lt + 1));
        return inner.replyCode() != null && inner.status() != null ? inner : outer;
    }

    /** "smtp; 550 ..." -> "550 ...", "dns; mx.example.com" -> "mx.example.com". */
    /**
     * A Remote-MTA host without the comment some MTAs add after it: Gmail writes
     * "mx.example.net. (192.0.2.1, the server for the domain example.net.)".
     */
    static String hostOnly(String v) {
        if (v == null) {
            return null;
        }
        int cut = v.indexOf(" (");
        String h = cut > 0 ? v.substring(0, cut).trim() : v;
        // "dns; [192.0.2.7]": an RFC 5321 address literal; the host is the address inside
        if (h.length() > 2 && h.charAt(0) == '[' && h.charAt(h.length() - 1) == ']') {
            h = h.substring(1, h.length() - 1);
            h = h.regionMatches(true, 0, "IPv6:", 0, 5) ? h.substring(5) : h;
        }
        return h.length() > 1 && h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    static String stripType(String v) {
        if (v == null) {
            return null;
        }
        int semi = v.indexOf(';');
        if (semi > 0 && semi < 16 && isTypeName(v, semi)) {
            return trimmed(v, semi + 1); // v.substring(semi + 1).trim() in one copy: this runs for every DSN field
        }
        return v.trim();
    }

    /** {@code v.substring(from).trim()}, copied once. */
    private static String trimmed(String v, int from) {
        int a = from;
        int b = v.length();
        while (a < b && v.charAt(a) <= ' ') { // as String.trim
            a++;
        }
        while (b > a && v.charAt(b - 1) <= ' ') {
            b--;
        }
        return v.substring(a, b);
    }

    /**
     * {@code v.substring(0, end).trim()} is {@code [A-Za-z0-9-]+}, read in place (no regex, no copy): this runs
     * for every DSN field.
     */
    private static boolean isTypeName(String v, int end) {
        int a = 0;
        int b = end;
        while (a < b && v.charAt(a) <= ' ') { // as String.trim
            a++;
        }
        while (b > a && v.charAt(b - 1) <= ' ') {
            b--;
        }
        if (a == b) {
            return false;
        }
        for (int i = a; i < b; i++) {
            char c = v.charAt(i);
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
            } else if (RecipientRecord.isSuccessAction(a) || s.startsWith("2")) {
                delivered = true;
            } else {
                failed = true;
            }
        }
        return failed ? MessageKind.BOUNCE : delayed ? MessageKind.DELAY : delivered ? MessageKind.DELIVERY : MessageKind.BOUNCE;
    }
}
