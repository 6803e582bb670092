package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;
import org.bouncekit.parse.SmtpCodes;

/**
 * Novell (now Micro Focus) GroupWise Internet Agent's "Message status - undeliverable": after "The
 * message that you sent was undeliverable to the following:" each failed recipient is an indented line
 * {@code address (reason)}, the reason being GroupWise's own ("user not found", "host not found") or
 * the remote server's reply. A recipient on the same post office may be named by its GroupWise user ID
 * alone; it is then matched to the returned message's recipients.
 */
final class GroupWiseFormat implements BounceFormat {
    private static final String START = "the message that you sent was undeliverable to the following";
    /** Paragraphs GroupWise writes after the recipient list, lowercase. */
    private static final List<String> ENDS = List.of(
            "possible solutions", "information about your message", "possibly truncated original message follows",
            "original message follows");
    private static final ProseLines.Section SECTION = new ProseLines.Section(List.of(START), ENDS);
    /** GroupWise's own reasons, lowercase, and what they mean (the directory or DNS lookup failed). */
    private static final List<ProseLines.Meaning> OWN_REASONS = List.of(
            new ProseLines.Meaning("user not found", Reason.USERUNKNOWN),
            new ProseLines.Meaning("user not on post office", Reason.USERUNKNOWN),
            new ProseLines.Meaning("host not found", Reason.HOSTUNKNOWN),
            new ProseLines.Meaning("domain not found", Reason.HOSTUNKNOWN));
    private static final int MAX_DIAGNOSTIC = 1000;

    private final int maxRecipients;

    GroupWiseFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "groupwise";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        IndexedText indexed = PlainTextFormat.bounceTextIndexed(m);
        if (!indexed.contains(START)) {
            return null;
        }
        List<String> sent = sentTo(m);
        List<RecipientRecord> records = new ArrayList<>();
        for (String line : SECTION.of(PlainTextFormat.bounceText(m), indexed)) {
            String t = line.strip();
            if (t.isEmpty()) {
                if (!records.isEmpty()) {
                    break;
                }
                continue;
            }
            int open = t.indexOf(" (");
            int close = t.lastIndexOf(')');
            if (open <= 0 || close < open || records.size() >= maxRecipients) {
                continue;
            }
            String recipient = recipient(t.substring(0, open).strip(), sent);
            if (recipient == null) {
                continue;
            }
            String reason = Paragraphs.bounded(t.substring(open + 2, close).strip(), MAX_DIAGNOSTIC);
            SmtpCodes.Found codes = SmtpCodes.find(reason);
            RecipientRecord r = new RecipientRecord(recipient).action("failed").diagnostic(reason, "body")
                    .status(codes.status()).replyCode(codes.replyCode());
            Reason own = codes.isEmpty() ? ProseLines.meaning(reason, OWN_REASONS) : null;
            if (own != null) {
                r.reasonHint(own, "groupwise.own-reason");
            }
            records.add(r);
        }
        return records.isEmpty() ? null : new DecodedBounce(name(), MessageKind.BOUNCE, records);
    }

    /** The address of a list entry: the entry itself, or the returned message's recipient with that user ID. */
    private static String recipient(String entry, List<String> sent) {
        if (entry.indexOf('@') >= 0) {
            return entry.indexOf(' ') < 0 ? Addresses.normalize(entry) : null;
        }
        if (entry.isEmpty() || entry.indexOf(' ') >= 0) {
            return null;
        }
        String match = null;
        for (String a : sent) {
            if (a.substring(0, a.lastIndexOf('@')).equalsIgnoreCase(entry)) {
                if (match != null) {
                    return null;
                }
                match = a;
            }
        }
        return match;
    }

    /** The returned message's To and Cc addresses. */
    private static List<String> sentTo(ParsedMessage m) {
        List<String> out = new ArrayList<>();
        for (String name : new String[] {"to", "cc"}) {
            for (String v : m.originalHeaders().all(name)) {
                out.addAll(Addresses.findAll(v, 100));
            }
        }
        return out;
    }
}
