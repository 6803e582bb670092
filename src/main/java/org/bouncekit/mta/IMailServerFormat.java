package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncekit.MessageKind;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;
import org.bouncekit.parse.SmtpCodes;

/**
 * Ipswitch IMail Server bounces (X-Mailer: &lt;SMTP32 v...&gt;): "Unknown user: address" or
 * "undeliverable to address" lines, the latter followed by "Body of message generated response:" and
 * the remote server's reply, then "Original message follows."
 */
final class IMailServerFormat implements BounceFormat {
    private static final String END = "original message follows";
    private static final String RESPONSE = "body of message generated response:";
    private static final String UNDELIVERABLE = "undeliverable to ";
    private static final int MAX_LINES = 300;
    private static final int MAX_DIAGNOSTIC = 1000;

    private final int maxRecipients;

    IMailServerFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "imailserver";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        String mailer = m.headers().first("x-mailer");
        if (mailer == null || !mailer.toUpperCase(Locale.ROOT).contains("SMTP32")) {
            return null;
        }
        List<RecipientRecord> records = new ArrayList<>();
        List<StringBuilder> replies = new ArrayList<>();
        for (String line : PlainTextFormat.bounceText(m).split("\n", MAX_LINES)) {
            String t = line.strip();
            String lower = TextMarkers.lowerSameLength(t);
            if (lower.startsWith(END)) {
                break;
            }
            String address = recipientLine(t, lower);
            if (address != null && records.size() < maxRecipients) {
                String label = t.substring(0, t.length() - address.length());
                records.add(new RecipientRecord(address).action("failed").diagnostic(trimLabel(label), "body"));
                replies.add(new StringBuilder());
            } else if (!replies.isEmpty() && !t.isEmpty() && !lower.equals(RESPONSE)
                    && replies.get(replies.size() - 1).length() < MAX_DIAGNOSTIC) {
                replies.get(replies.size() - 1).append(t).append('\n');
            }
        }
        for (int i = 0; i < records.size(); i++) {
            RecipientRecord r = records.get(i);
            String reply = replies.get(i).toString().strip();
            if (!reply.isEmpty()) {
                r.diagnostic(reply, "body");
            } else if (r.diagnostic() != null && r.diagnostic().toLowerCase(Locale.ROOT).startsWith("unknown user")) {
                // IMail's own label for a local directory miss (no remote server involved).
                r.reasonHint(org.bouncekit.Reason.USERUNKNOWN, "imailserver.unknown-user");
            }
            SmtpCodes.Found codes = SmtpCodes.find(r.diagnostic());
            r.status(codes.status()).replyCode(codes.replyCode());
        }
        return records.isEmpty() ? null : new DecodedBounce(name(), MessageKind.BOUNCE, records);
    }

    /** "Label: address" or "undeliverable to address": the address, else null. */
    private static String recipientLine(String t, String lower) {
        List<String> found = Addresses.findAll(t, 2);
        if (found.size() != 1 || !lower.endsWith(found.get(0).toLowerCase(Locale.ROOT))) {
            return null;
        }
        int colon = t.indexOf(": ");
        boolean labelled = colon > 0 && colon < t.length() - found.get(0).length()
                && !lower.startsWith("to:") && !lower.startsWith("cc:") && !lower.startsWith("from:");
        return labelled || lower.startsWith(UNDELIVERABLE) ? found.get(0) : null;
    }

    private static String trimLabel(String label) {
        String s = label.strip();
        return s.endsWith(":") ? s.substring(0, s.length() - 1).strip() : s;
    }
}
