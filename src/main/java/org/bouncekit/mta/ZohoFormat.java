package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncekit.MessageKind;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;
import org.bouncekit.parse.SmtpCodes;

/**
 * Zoho Mail bounces (mailer-daemon@*.zoho.com): one line per recipient, either
 * "address Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 text" or
 * "[Status: Error, Address: &lt;address&gt;, ResponseCode 421, , text]", followed by the returned
 * message's headers inline. Delay warnings say "THIS IS A WARNING MESSAGE ONLY".
 */
final class ZohoFormat implements BounceFormat {
    private static final String ERROR_CODE = "error_code :";
    private static final String RESPONSE_CODE = "responsecode ";
    private static final int MAX_LINES = 200;

    private final int maxRecipients;

    ZohoFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "zoho";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        String from = TopLevelFields.fromAddress(m);
        if (from == null || from.indexOf("zoho", from.indexOf('@')) < 0) {
            return null;
        }
        String body = PlainTextFormat.bounceText(m);
        String lowerBody = PlainTextFormat.bounceTextLower(m);
        boolean warning = lowerBody.contains("this is a warning message only");
        List<RecipientRecord> records = new ArrayList<>();
        for (String line : body.split("\n", MAX_LINES)) {
            String t = line.strip();
            String lower = TextMarkers.lowerSameLength(t);
            if (lower.startsWith("received:")) {
                break; // the returned message, quoted inline
            }
            RecipientRecord r = lower.contains(ERROR_CODE) ? errorCodeLine(t, lower)
                    : lower.contains(RESPONSE_CODE) ? statusLine(t, lower) : null;
            if (r != null && records.size() < maxRecipients) {
                records.add(r.action(warning ? "delayed" : "failed"));
            }
        }
        if (records.isEmpty()) {
            return null;
        }
        return new DecodedBounce(name(), warning ? MessageKind.DELAY : MessageKind.BOUNCE, records);
    }

    /** "address Invalid Address, ERROR_CODE :550, ERROR_CODE :5.2.1 &lt;address&gt;... User Unknown". */
    private static RecipientRecord errorCodeLine(String t, String lower) {
        int space = t.indexOf(' ');
        String address = space > 0 ? Addresses.normalize(t.substring(0, space)) : null;
        if (address == null) {
            return null;
        }
        int first = lower.indexOf(ERROR_CODE);
        int last = lower.lastIndexOf(ERROR_CODE);
        Integer reply = SmtpCodes.findReplyCode(t.substring(first + ERROR_CODE.length()) + " ");
        String words = trimSeparators(t.substring(last + ERROR_CODE.length()));
        return record(address, reply, words);
    }

    /** "[Status: Error, Address: &lt;address&gt;, ResponseCode 421, , Host not reachable.]". */
    private static RecipientRecord statusLine(String t, String lower) {
        int at = lower.indexOf("address:");
        int code = lower.indexOf(RESPONSE_CODE);
        String address = at < 0 || code < at ? null : Addresses.normalize(t.substring(at + 8, code));
        if (address == null) {
            return null;
        }
        String rest = t.substring(code + RESPONSE_CODE.length());
        Integer reply = SmtpCodes.findReplyCode(rest);
        String words = trimSeparators(rest.length() > 3 ? rest.substring(3) : "");
        if (words.endsWith("]")) {
            words = words.substring(0, words.length() - 1).strip();
        }
        return record(address, reply, words);
    }

    private static RecipientRecord record(String address, Integer reply, String words) {
        String diagnostic = reply == null ? words : (reply + " " + words).strip();
        RecipientRecord r = new RecipientRecord(address).replyCode(reply).status(SmtpCodes.findStatus(words));
        return r.diagnostic(diagnostic.isEmpty() ? null : diagnostic, "body");
    }

    /** Drops the ", , " Zoho leaves between empty fields. */
    private static String trimSeparators(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == ' ')) {
            i++;
        }
        return s.substring(i).strip();
    }
}
