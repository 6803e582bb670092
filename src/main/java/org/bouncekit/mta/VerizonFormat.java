package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncekit.MessageKind;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;

/**
 * Verizon Wireless SMS/MMS gateway bounces (vtext.com, vzwpix.com): one or more "Error: ..." lines,
 * then the original message's headers quoted inline after an "Original Message" line; the failed
 * recipient is the To of those quoted headers.
 */
final class VerizonFormat implements BounceFormat {
    private static final List<String> SENDER_DOMAINS = List.of("vzwpix.com", "vtext.com", "vzw.com");
    private static final int MAX_LINES = 400;
    private static final int MAX_DIAGNOSTIC = 1000;

    private final int maxRecipients;

    VerizonFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    /** The address is at one of {@link #SENDER_DOMAINS} or a subdomain ("." or "@" before it). */
    private static boolean fromSenderDomain(String from) {
        for (String d : SENDER_DOMAINS) {
            int before = from.length() - d.length() - 1;
            if (before >= 0 && from.endsWith(d) && (from.charAt(before) == '.' || from.charAt(before) == '@')) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return "verizon";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        String from = TopLevelFields.fromAddress(m);
        if (from == null || !fromSenderDomain(from)) {
            return null;
        }
        StringBuilder errors = new StringBuilder();
        List<String> recipients = new ArrayList<>();
        boolean inOriginal = false;
        for (String line : PlainTextFormat.bounceText(m).split("\n", MAX_LINES)) {
            String t = line.strip();
            String lower = TextMarkers.lowerSameLength(t);
            if (lower.replace("-", "").strip().startsWith("original message")) {
                inOriginal = true;
            } else if (inOriginal && lower.startsWith("to:")) {
                recipients.addAll(Addresses.findAll(t.substring(3), maxRecipients - recipients.size()));
            } else if (!inOriginal && lower.startsWith("error:") && errors.length() < MAX_DIAGNOSTIC) {
                errors.append(t.substring(6).strip()).append(' ');
            }
        }
        String diagnostic = errors.length() == 0 ? null : errors.toString().strip();
        List<RecipientRecord> records = new ArrayList<>();
        for (String a : recipients) {
            records.add(ProseLines.record(a, diagnostic).action("failed"));
        }
        return records.isEmpty() ? null : new DecodedBounce(name(), MessageKind.BOUNCE, records);
    }
}
