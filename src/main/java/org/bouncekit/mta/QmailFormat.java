package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;

/**
 * qmail-send failure notices and the MTAs that copy their layout (netqmail, vpopmail hosts, webmail
 * services): each failed recipient starts a line {@code <address>:}, followed by qmail's account of
 * the attempt and, after "Remote host said:", the server's own reply; an {@code (#5.1.1)} at the end
 * carries the status. qmail mails only failures, so every record is a failure.
 */
final class QmailFormat implements BounceFormat {
    private static final List<String> STARTS = List.of(
            "this is the qmail-send program",
            "i'm afraid i wasn't able to deliver your message to the following addresses",
            "unable to deliver message to the following address(es)");
    private static final List<String> ENDS = List.of(
            "--- below this line is",
            "--- enclosed is a copy",
            "--- original message follows",
            "--- the original message follows");
    private static final ProseLines.Section SECTION = new ProseLines.Section(STARTS, ENDS);
    /** qmail's own remarks around the reply: not part of any server's words. */
    private static final List<String> SKIP = List.of(
            "giving up on", "i'm not going to try again", "message has been in the queue too long",
            "(other mxes tried", "this is a permanent error", "i'm afraid i wasn't able",
            "sorry it didn't work out", "i'll keep trying", "this is a warning message");
    private static final List<String> REPLY_PREFIX = List.of("remote host said:");
    /** qmail's own errors (no remote reply), lowercase, and what they mean. */
    private static final List<ProseLines.Meaning> OWN_ERRORS = List.of(
            new ProseLines.Meaning("sorry, i couldn't find any host named", Reason.HOSTUNKNOWN),
            new ProseLines.Meaning("sorry, i couldn't find any host by that name", Reason.HOSTUNKNOWN),
            new ProseLines.Meaning("sorry, i couldn't find a mail exchanger or ip address", Reason.NOTACCEPT),
            new ProseLines.Meaning("sorry, no mailbox here by that name", Reason.USERUNKNOWN),
            new ProseLines.Meaning("sorry, i wasn't able to establish an smtp connection", Reason.NETWORKERROR),
            new ProseLines.Meaning("unable to contact ldap server", Reason.SYSTEMERROR),
            new ProseLines.Meaning("this message is looping", Reason.SYSTEMERROR));

    private final int maxRecipients;

    QmailFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "qmail";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        String body = PlainTextFormat.bounceText(m);
        IndexedText indexed = PlainTextFormat.bounceTextIndexed(m);
        if (!indexed.containsAny(STARTS)) {
            return null;
        }
        List<RecipientRecord> records = new ArrayList<>();
        String current = null;
        List<String> lines = new ArrayList<>();
        for (String line : SECTION.of(body, indexed)) {
            String address = recipientLine(line);
            if (address != null) {
                add(records, current, lines);
                current = address;
                lines.clear();
                line = line.substring(line.indexOf(">:") + 2);
            }
            if (current != null) {
                lines.add(line);
            }
        }
        add(records, current, lines);
        return records.isEmpty() ? null : new DecodedBounce(name(), MessageKind.BOUNCE, records);
    }

    private void add(List<RecipientRecord> records, String recipient, List<String> lines) {
        if (recipient == null || records.size() >= maxRecipients) {
            return;
        }
        int reply = -1;
        for (int i = 0; i < lines.size() && reply < 0; i++) {
            if (ProseLines.startsWithAny(lines.get(i).strip().toLowerCase(Locale.ROOT), REPLY_PREFIX)) {
                reply = i;
            }
        }
        // The server's words follow "Remote host said:"; qmail's own account precedes them.
        List<String> said = reply < 0 ? lines : lines.subList(reply, lines.size());
        String diagnostic = ProseLines.join(said, SKIP, REPLY_PREFIX);
        String account = ProseLines.join(reply < 0 ? lines : lines.subList(0, reply), SKIP, List.of());
        RecipientRecord r = ProseLines.record(recipient, diagnostic).action("failed")
                .command(ProseLines.command(account == null ? diagnostic : account))
                .remoteMta(remoteHost(account));
        Reason own = reply < 0 ? ProseLines.meaning(diagnostic, OWN_ERRORS) : null;
        if (own != null) {
            r.reasonHint(own, "qmail.own-error");
        }
        records.add(r);
    }

    /** The address of a line {@code <user@example.com>:} (text may follow the colon), or null. */
    private static String recipientLine(String line) {
        String t = line.strip();
        int close = t.indexOf(">:");
        if (!t.startsWith("<") || close < 0) {
            return null;
        }
        return Addresses.normalize(t.substring(0, close + 1));
    }

    /** The host qmail names in "Connected to HOST but ..." or "HOST does not like recipient". */
    private static String remoteHost(String account) {
        if (account == null) {
            return null;
        }
        String lower = TextMarkers.lowerSameLength(account);
        int i = lower.indexOf("connected to ");
        if (i >= 0) {
            return firstToken(account.substring(i + "connected to ".length()));
        }
        for (String phrase : new String[] {" does not like ", " failed after i sent", " said:"}) {
            int j = lower.indexOf(phrase);
            if (j > 0) {
                int sp = account.lastIndexOf(' ', j - 1);
                return firstToken(account.substring(sp + 1, j));
            }
        }
        return null;
    }

    private static String firstToken(String s) {
        String t = s.strip();
        int sp = t.indexOf(' ');
        String token = sp < 0 ? t : t.substring(0, sp);
        return token.indexOf('.') > 0 || token.indexOf(':') > 0 ? token : null;
    }
}
