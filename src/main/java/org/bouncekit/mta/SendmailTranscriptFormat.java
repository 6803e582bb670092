package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;

/**
 * Sendmail bounces without a delivery-status part (Sendmail 5 and sendmail configured without
 * DSNs): the "Transcript of session follows" section. Per session ("While talking to HOST:") it
 * holds the commands sent ({@code >>>}), the server's replies ({@code <<<}) and sendmail's summary
 * per recipient ({@code 554 <user@example.com>... 550 Host unknown}). A recipient's diagnostic is
 * the server's reply when the transcript has one, else the text of its summary line.
 */
final class SendmailTranscriptFormat implements BounceFormat {
    private static final List<String> STARTS = List.of("transcript of session follows");
    private static final List<String> ENDS = List.of("-----");
    private static final ProseLines.Section SECTION = new ProseLines.Section(STARTS, ENDS);
    private static final String ELLIPSIS = "... ";
    private static final List<String> FATAL_LIST = List.of("following addresses had permanent fatal errors");

    private final int maxRecipients;

    SendmailTranscriptFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "sendmail";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        if (!m.deliveryStatus().isEmpty()) {
            return null;
        }
        String body = PlainTextFormat.bounceText(m);
        List<String> lines = SECTION.of(body, PlainTextFormat.bounceTextIndexed(m));
        if (lines.isEmpty()) {
            return null;
        }
        List<RecipientRecord> records = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        String remote = null;
        String command = null;
        String hostLine = null;
        for (String raw : lines) {
            String line = raw.strip();
            String lower = TextMarkers.lowerSameLength(line);
            if (lower.startsWith("while talking to") || lower.startsWith("... while talking to")) {
                remote = host(line.substring(lower.indexOf("talking to") + "talking to".length()));
                replies.clear();
            } else if (line.startsWith(">>>")) {
                command = verb(line.substring(3));
                replies.clear();
            } else if (line.startsWith("<<<")) {
                replies.add(line.substring(3).strip());
            } else if (line.contains(ELLIPSIS) && records.size() < maxRecipients) {
                String recipient = summaryAddress(line);
                if (recipient == null) {
                    hostLine = line;
                    String named = host(line.substring(0, line.indexOf(ELLIPSIS)).replaceFirst("^[0-9]{3} ", ""));
                    if (remote != null && named != null && !remote.endsWith(named)) {
                        // A summary for another destination: the session's replies are not its own.
                        remote = null;
                        replies.clear();
                    }
                    continue;
                }
                String said = line.substring(line.indexOf(ELLIPSIS) + ELLIPSIS.length()).strip();
                String diagnostic = !replies.isEmpty() ? String.join(" ", replies)
                        : startsWithCode(said) ? said : line;
                records.add(ProseLines.record(recipient, diagnostic)
                        .action(said.toLowerCase(Locale.ROOT).startsWith("deferred") ? "delayed" : "failed")
                        .command(replies.isEmpty() ? null : command).remoteMta(remote));
                replies.clear();
            }
        }
        addListedFatal(body, records);
        if (records.isEmpty() && hostLine != null) {
            // Only a host was named ("421 example.com (smtp)... Deferred: ..."): the recipient is the
            // To of the returned message.
            String to = inlineTo(body);
            if (to != null) {
                String said = hostLine.substring(hostLine.indexOf(ELLIPSIS) + ELLIPSIS.length());
                records.add(ProseLines.record(to, hostLine)
                        .action(said.toLowerCase(Locale.ROOT).startsWith("deferred") ? "delayed" : "failed"));
            }
        }
        return records.isEmpty() ? null : new DecodedBounce(name(), DeliveryStatusFormat.kindOf(records), records);
    }

    /**
     * Adds the recipients of sendmail's "following addresses had permanent fatal errors" list that the
     * transcript has no summary line for (a recipient refused after DATA, or one named with a display
     * name), each with its "(reason: ...)" line as diagnostic; one without a reason line is left alone.
     */
    private void addListedFatal(String body, List<RecipientRecord> records) {
        String pending = null;
        for (String raw : ProseLines.section(body, FATAL_LIST, ENDS)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean reason = line.regionMatches(true, 0, "(reason:", 0, 8);
            if (pending != null && reason) {
                String diagnostic = line.substring(8, line.endsWith(")") ? line.length() - 1 : line.length()).strip();
                records.add(ProseLines.record(pending, diagnostic).action("failed"));
                pending = null;
                continue;
            }
            pending = null; // without its reason, the transcript or another format tells this one's outcome
            if (reason || line.startsWith("(") || records.size() >= maxRecipients) {
                continue;
            }
            String address = Addresses.normalize(line);
            if (address != null && !named(records, address)) {
                pending = address;
            }
        }
    }

    private static boolean named(List<RecipientRecord> records, String address) {
        for (RecipientRecord r : records) {
            if (r.recipient().equalsIgnoreCase(address)) {
                return true;
            }
        }
        return false;
    }

    /** The address before "... " once sendmail's own code and status are skipped, or null. */
    private static String summaryAddress(String line) {
        String head = line.substring(0, line.indexOf(ELLIPSIS)).strip();
        String[] tokens = head.split(" ");
        String last = tokens[tokens.length - 1];
        return last.indexOf('@') > 0 ? Addresses.normalize(last) : null;
    }

    private static boolean startsWithCode(String s) {
        return s.length() > 3 && Character.isDigit(s.charAt(0)) && Character.isDigit(s.charAt(1))
                && Character.isDigit(s.charAt(2)) && (s.charAt(3) == ' ' || s.charAt(3) == '-');
    }

    private static String host(String s) {
        String t = s.strip();
        while (t.endsWith(":") || t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.isEmpty() ? null : t.split(" ", 2)[0];
    }

    private static String verb(String s) {
        String t = s.strip();
        int sp = t.indexOf(' ');
        return (sp < 0 ? t : t.substring(0, sp)).toUpperCase(Locale.ROOT);
    }

    /** The first To: address of the message quoted after the transcript, or null. */
    private static String inlineTo(String body) {
        for (String line : ProseLines.section(body, List.of("message follows"), List.of())) {
            if (line.toLowerCase(Locale.ROOT).startsWith("to:")) {
                List<String> found = Addresses.findAll(line, 1);
                return found.isEmpty() ? null : found.get(0);
            }
        }
        return null;
    }
}
