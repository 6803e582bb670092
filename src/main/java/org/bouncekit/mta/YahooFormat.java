package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncekit.MessageKind;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;
import org.bouncekit.parse.SmtpCodes;

/**
 * Yahoo (and AOL since it moved to Yahoo's servers) "Failure Notice": after "Sorry, we were unable to
 * deliver your message to the following address." each recipient is a "&lt;address&gt;:" line followed by
 * the remote server's words ("Remote host said: 550 5.2.2 ... [RCPT_TO]", or "550: 5.1.8 ...", with a
 * colon after the reply code), up to "--- Below this line is a copy of the message."
 */
final class YahooFormat implements BounceFormat {
    private static final List<String> STARTS = List.of(
            "sorry, we were unable to deliver your message to the following address",
            "unable to deliver message to the following address");
    private static final String END = "--- below this line is a copy of the message";
    private static final String REMOTE_SAID = "remote host said:";
    private static final int MAX_DIAGNOSTIC = 1000;

    private final int maxRecipients;

    YahooFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "yahoo";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        String body = PlainTextFormat.bounceText(m);
        IndexedText indexed = PlainTextFormat.bounceTextIndexed(m);
        int start = -1;
        for (String s : STARTS) {
            start = indexed.indexOf(s);
            if (start >= 0) {
                break;
            }
        }
        if (start < 0) {
            return null;
        }
        int end = indexed.text().indexOf(END, start);
        String section = body.substring(start, end < 0 ? body.length() : end);
        List<RecipientRecord> records = new ArrayList<>();
        StringBuilder text = null;
        for (String line : section.split("\n", 500)) {
            String t = line.strip();
            if (t.startsWith("<") && t.endsWith(">:")) {
                finish(records);
                String a = Addresses.normalize(t);
                if (a != null && records.size() < maxRecipients) {
                    records.add(new RecipientRecord(a).action("failed"));
                    text = new StringBuilder();
                    continue;
                }
                text = null;
            }
            if (text != null && !t.isEmpty() && text.length() < MAX_DIAGNOSTIC) {
                text.append(t).append(' ');
                records.get(records.size() - 1).diagnostic(text.toString(), "body");
            }
        }
        finish(records);
        return records.isEmpty() ? null : new DecodedBounce(name(), MessageKind.BOUNCE, records);
    }

    /** Turns the last record's collected text into diagnostic, codes and command. */
    private static void finish(List<RecipientRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        RecipientRecord r = records.get(records.size() - 1);
        String d = r.diagnostic();
        if (d == null || r.status() != null || r.replyCode() != null) {
            return;
        }
        d = d.strip();
        if (d.toLowerCase(Locale.ROOT).startsWith(REMOTE_SAID)) {
            d = d.substring(REMOTE_SAID.length()).strip();
        }
        int bracket = d.lastIndexOf('[');
        if (bracket >= 0 && d.endsWith("]")) {
            String command = d.substring(bracket + 1, d.length() - 1);
            r.command(command.toUpperCase(Locale.ROOT).replace('_', ' ').split(" ", 2)[0]);
            d = d.substring(0, bracket).strip();
        }
        SmtpCodes.Found codes = SmtpCodes.find(d);
        Integer reply = codes.replyCode();
        if (reply == null && d.length() > 4 && d.charAt(3) == ':' && SmtpCodes.findReplyCode(d.substring(0, 3) + " ") != null) {
            reply = Integer.valueOf(d.substring(0, 3));
        }
        r.diagnostic(d, "body").status(codes.status()).replyCode(reply);
    }
}
