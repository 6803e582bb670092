package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;

/**
 * KDDI au/EZweb bounces ("Mail System Error - Returned Mail" from Postmaster@ezweb.ne.jp): a Japanese
 * and an English explanation, recipients as "&lt;address&gt;" or "Recipient: &lt;address&gt;" lines,
 * sometimes with the SMTP dialogue (">>> RCPT TO", "<<< 550 ..."), then the returned message.
 * A header X-SPASIGN: NG marks a message refused by the recipient's own mail filter.
 */
final class EzwebFormat implements BounceFormat {
    private static final int MAX_DIAGNOSTIC = 1000;

    private final int maxRecipients;

    EzwebFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "ezweb";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        String from = TopLevelFields.fromLower(m);
        if (!from.contains("@ezweb.ne.jp") && !from.contains("@au.com")) {
            return null;
        }
        String body = PlainTextFormat.bounceText(m);
        // Each recipient with the server replies quoted after it.
        Map<String, StringBuilder> recipients = new LinkedHashMap<>();
        StringBuilder explanation = new StringBuilder();
        StringBuilder replies = null;
        for (String line : body.split("\n", 500)) {
            String t = line.strip();
            if (isReturnedMessageStart(t)) {
                break;
            }
            String address = recipientLine(t);
            if (address != null) {
                if (recipients.size() < maxRecipients) {
                    replies = recipients.computeIfAbsent(address, k -> new StringBuilder());
                }
            } else if (t.startsWith("<<<") && replies != null) {
                replies.append(t.substring(3).strip()).append('\n');
            } else if (!t.isEmpty() && !t.startsWith(">>>") && isAscii(t) && explanation.length() < MAX_DIAGNOSTIC) {
                explanation.append(t).append(' ');
            }
        }
        if (recipients.isEmpty()) {
            return null;
        }
        boolean filtered = "ng".equalsIgnoreCase(String.valueOf(m.headers().first("x-spasign")).strip());
        List<RecipientRecord> records = new ArrayList<>();
        for (Map.Entry<String, StringBuilder> e : recipients.entrySet()) {
            String diagnostic = (e.getValue().length() > 0 ? e.getValue() : explanation).toString().strip();
            RecipientRecord r = ProseLines.record(e.getKey(),
                    diagnostic.isEmpty() ? null : Paragraphs.bounded(diagnostic, MAX_DIAGNOSTIC)).action("failed");
            if (filtered) {
                r.reasonHint(Reason.FILTERED, "ezweb.x-spasign-ng");
            }
            records.add(r);
        }
        return new DecodedBounce(name(), MessageKind.BOUNCE, records);
    }

    /** The address of a "&lt;address&gt;" or "Recipient: &lt;address&gt;" line, else null. */
    private static String recipientLine(String t) {
        String s = t.regionMatches(true, 0, "recipient:", 0, 10) ? t.substring(10).strip() : t;
        if (s.length() < 3 || s.charAt(0) != '<' || s.indexOf('>') != s.length() - 1) {
            return null;
        }
        return Addresses.normalize(s);
    }

    /** The returned message: a rule of dashes or its first Received: header. */
    private static boolean isReturnedMessageStart(String t) {
        return t.length() >= 10 && t.chars().allMatch(c -> c == '-') || t.regionMatches(true, 0, "received: ", 0, 10);
    }

    private static boolean isAscii(String t) {
        return t.chars().allMatch(c -> c < 128);
    }
}
