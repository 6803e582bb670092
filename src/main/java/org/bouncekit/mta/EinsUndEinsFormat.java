package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncekit.MessageKind;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;
import org.bouncekit.parse.SmtpCodes;

/**
 * 1&amp;1 / IONOS (kundenserver.de) and GMX / mail.com bounces: Exim-like prose ("The following
 * address(es) failed:") whose recipients are "address:" or "\"address\":" lines, each followed by
 * "SMTP error from remote server after RCPT command:" (or "for TEXT command", the message text),
 * "host: ..." and the server's reply, up to "--- The header of the original message is following. ---".
 */
final class EinsUndEinsFormat implements BounceFormat {
    private static final String END = "--- the header of the original message is following";
    private static final String START = "failed:";
    private static final int MAX_DIAGNOSTIC = 1000;

    private final int maxRecipients;

    EinsUndEinsFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "einsundeins";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        String body = PlainTextFormat.bounceText(m);
        IndexedText indexed = PlainTextFormat.bounceTextIndexed(m);
        int end = indexed.indexOf(END);
        int start = end < 0 ? -1 : indexed.text().lastIndexOf(START, end);
        if (start < 0) {
            return null;
        }
        List<RecipientRecord> records = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        for (String line : body.substring(start + START.length(), end).split("\n", 500)) {
            String t = line.strip();
            String address = recipientLine(t);
            if (address != null && records.size() < maxRecipients) {
                records.add(new RecipientRecord(address).action("failed"));
                texts.add(new StringBuilder());
            } else if (!texts.isEmpty() && !t.isEmpty() && texts.get(texts.size() - 1).length() < MAX_DIAGNOSTIC) {
                texts.get(texts.size() - 1).append(t).append('\n');
            }
        }
        for (int i = 0; i < records.size(); i++) {
            fill(records.get(i), texts.get(i).toString());
        }
        String from = TopLevelFields.fromLower(m);
        String format = from.contains("gmx.") || from.contains("@mail.com") || from.contains("web.de") ? "gmx" : name();
        return records.isEmpty() ? null : new DecodedBounce(format, MessageKind.BOUNCE, records);
    }

    /** "address:" or "\"address\":" alone on a line. */
    private static String recipientLine(String t) {
        if (!t.endsWith(":") || t.indexOf(' ') >= 0) {
            return null;
        }
        String a = t.substring(0, t.length() - 1);
        if (a.length() > 2 && a.startsWith("\"") && a.endsWith("\"")) {
            a = a.substring(1, a.length() - 1);
        }
        List<String> found = Addresses.findAll(a, 2);
        return found.size() == 1 && found.get(0).length() == a.length() ? found.get(0) : null;
    }

    /** Splits the recipient's text into command, remote host and the server's own words. */
    private static void fill(RecipientRecord r, String text) {
        String lower = TextMarkers.lowerSameLength(text);
        if (lower.contains("after rcpt command") || lower.contains("for rcpt command")) {
            r.command("RCPT");
        } else if (lower.contains("after mail command") || lower.contains("for mail command")) {
            r.command("MAIL");
        } else if (lower.contains("for text command") || lower.contains("after data command")
                || lower.contains("after end of data")) {
            r.command("DATA");
        }
        int host = lower.indexOf("host:");
        if (host >= 0) {
            String rest = text.substring(host + 5).strip();
            int stop = 0;
            while (stop < rest.length() && !Character.isWhitespace(rest.charAt(stop)) && rest.charAt(stop) != ',') {
                stop++;
            }
            r.remoteMta(rest.substring(0, stop));
        }
        String words = serverWords(text, lower);
        SmtpCodes.Found codes = SmtpCodes.find(words);
        r.diagnostic(words.isEmpty() ? null : words, "body").status(codes.status()).replyCode(codes.replyCode());
    }

    /** The text after "reason:", else the lines after the "SMTP error" and "host:" lines. */
    private static String serverWords(String text, String lower) {
        int reason = lower.indexOf("reason:");
        if (reason >= 0) {
            return text.substring(reason + 7).strip().replace('\n', ' ');
        }
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", 50)) {
            String l = line.toLowerCase(Locale.ROOT);
            if (!l.startsWith("smtp error from") && !l.startsWith("host:")) {
                sb.append(line).append(' ');
            }
        }
        String words = sb.toString().strip();
        return words.isEmpty() ? text.strip().replace('\n', ' ') : words;
    }
}
