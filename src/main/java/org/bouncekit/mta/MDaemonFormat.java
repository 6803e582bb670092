package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;
import org.bouncekit.parse.SmtpCodes;

/**
 * MDaemon (and its gateway SecurityGateway) delivery failure notices. "Permanent Delivery Failure"
 * carries the session transcript, each line after a timestamp: {@code *  To: address}, the commands
 * sent ({@code --> RCPT To:<address>}) and the replies ({@code <-- 550 5.1.1 ...}), or the local error
 * that stopped the attempt ({@code *  Name server reports domain name unknown}). A local mailbox that
 * does not exist is reported as {@code address - no such user here.} without a transcript.
 */
final class MDaemonFormat implements BounceFormat {
    private static final String TRANSCRIPT = "--- session transcript ---";
    private static final String TRANSCRIPT_END = "--- end transcript ---";
    private static final String NO_SUCH_USER = " - no such user here";
    private static final String FAILED_ADDRESS = "failed address:";
    /** Progress lines of a transcript: what MDaemon was doing, not what went wrong. Lowercase. */
    private static final List<String> PROGRESS = List.of(
            "parsing message", "attempting smtp connection", "resolving", "waiting for", "connection established",
            "attempting to send", "*  p=", "*  from:", "*  to:", "*  subject:", "*  size", "*  message-id:",
            "*  route slip", "*  d=", "using default", "session", "ending session");
    /** MDaemon's own errors, lowercase, and what they mean. */
    private static final List<ProseLines.Meaning> OWN_ERRORS = List.of(
            new ProseLines.Meaning("domain name unknown", Reason.HOSTUNKNOWN),
            new ProseLines.Meaning("no mx or a records", Reason.HOSTUNKNOWN),
            new ProseLines.Meaning("no such user here", Reason.USERUNKNOWN));
    private static final int MAX_LINES = 2000;
    private static final int MAX_DIAGNOSTIC = 1000;

    private final int maxRecipients;

    MDaemonFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "mdaemon";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        IndexedText indexed = PlainTextFormat.bounceTextIndexed(m);
        if (!isMDaemon(m, indexed) || !(indexed.contains(TRANSCRIPT) || indexed.contains(NO_SUCH_USER))) {
            return null;
        }
        Session s = new Session();
        boolean inTranscript = false;
        for (String line : PlainTextFormat.bounceText(m).split("\n", MAX_LINES)) {
            String t = line.strip();
            String tl = t.toLowerCase(Locale.ROOT);
            if (tl.startsWith(TRANSCRIPT)) {
                inTranscript = true;
            } else if (tl.startsWith(TRANSCRIPT_END)) {
                inTranscript = false;
            } else if (inTranscript) {
                s.read(withoutTimestamp(t));
            } else if (tl.endsWith(NO_SUCH_USER) || tl.endsWith(NO_SUCH_USER + ".")) {
                String a = Addresses.normalize(t.substring(0, tl.indexOf(NO_SUCH_USER)));
                if (a != null) {
                    s.failed.putIfAbsent(a, "no such user here");
                }
            } else if (tl.startsWith(FAILED_ADDRESS)) {
                s.named.addAll(Addresses.findAll(t, maxRecipients));
            }
        }
        List<RecipientRecord> records = new ArrayList<>();
        // the notice wraps its sentences anywhere
        String action = isDelay(TextMarkers.singleSpaced(indexed.text())) ? "delayed" : "failed";
        for (Map.Entry<String, String> e : s.outcome().entrySet()) {
            if (records.size() >= maxRecipients) {
                break;
            }
            String diagnostic = e.getValue() == null ? null : Paragraphs.bounded(e.getValue(), MAX_DIAGNOSTIC);
            SmtpCodes.Found codes = SmtpCodes.find(diagnostic);
            RecipientRecord r = new RecipientRecord(e.getKey()).action(action).diagnostic(diagnostic, "body")
                    .status(codes.status()).replyCode(codes.replyCode()).command(s.commandFor(e.getKey()));
            Reason own = codes.isEmpty() ? ProseLines.meaning(diagnostic, OWN_ERRORS) : null;
            if (own != null) {
                r.reasonHint(own, "mdaemon.own-error");
            }
            records.add(r);
        }
        if (records.isEmpty()) {
            return null;
        }
        return new DecodedBounce(name(), "delayed".equals(action) ? MessageKind.DELAY : MessageKind.BOUNCE, records);
    }

    private static boolean isMDaemon(ParsedMessage m, IndexedText lower) {
        String from = TopLevelFields.fromLower(m);
        return m.headers().has("x-mdaemon-deliver-to") || m.headers().has("x-mddsn-message")
                || from.contains("mdaemon@") || lower.contains("mdaemon delivery status notification")
                || lower.contains("securitygateway for email servers");
    }

    private static boolean isDelay(String lower) {
        return !lower.contains("permanent") && !lower.contains(NO_SUCH_USER)
                && (lower.contains("temporary delivery failure") || lower.contains("transient")
                || lower.contains("will continue to attempt"));
    }

    /** A transcript line without its "Thu 2023-06-08 10:22:04: " prefix. */
    static String withoutTimestamp(String t) {
        if (t.length() > 20 && Character.isLetter(t.charAt(0)) && t.charAt(3) == ' ' && Character.isDigit(t.charAt(4))) {
            int colon = t.indexOf(": ", 4);
            if (colon > 0 && colon < 32) {
                return t.substring(colon + 2).strip();
            }
        }
        return t;
    }

    /** What one transcript says: the recipients, the commands, the replies that refused them. */
    private static final class Session {
        final List<String> headerTo = new ArrayList<>();
        final List<String> named = new ArrayList<>();
        final List<String> accepted = new ArrayList<>();
        final Map<String, String> failed = new LinkedHashMap<>();
        final Map<String, String> commands = new LinkedHashMap<>();
        String command;
        String rcpt;
        StringBuilder reply;
        String sessionFailure;
        String sessionFailureCommand;
        String localError;

        void read(String t) {
            String tl = t.toLowerCase(Locale.ROOT);
            if (t.startsWith("-->")) {
                String sent = t.substring(3).strip();
                String sl = sent.toLowerCase(Locale.ROOT);
                command = sl.startsWith("rcpt") ? "RCPT" : sl.startsWith("mail") ? "MAIL" : sl.startsWith("data")
                        ? "DATA" : sl.startsWith("ehlo") || sl.startsWith("helo") ? "HELO" : sl.startsWith("quit")
                        ? "QUIT" : command;
                rcpt = "RCPT".equals(command) ? Addresses.normalize(sent.substring(sent.indexOf(':') + 1)) : null;
                reply = null;
            } else if (t.startsWith("<--")) {
                replyLine(t.substring(3).strip());
            } else if (tl.startsWith("*  to:")) {
                headerTo.addAll(Addresses.findAll(t, 100));
            } else if (!t.isEmpty() && !ProseLines.startsWithAny(tl, PROGRESS)) {
                localError = t.startsWith("*") ? t.substring(1).strip() : t;
            }
        }

        private void replyLine(String text) {
            if (text.length() < 3 || !Character.isDigit(text.charAt(0))) {
                return;
            }
            boolean more = text.length() > 3 && text.charAt(3) == '-';
            reply = reply == null ? new StringBuilder(text) : reply.append(' ').append(text);
            if (more) {
                return;
            }
            String full = reply.toString();
            reply = null;
            boolean refused = text.charAt(0) == '4' || text.charAt(0) == '5';
            if ("RCPT".equals(command) && rcpt != null) {
                if (refused) {
                    failed.putIfAbsent(rcpt, full);
                    commands.put(rcpt, "RCPT");
                } else {
                    accepted.add(rcpt);
                }
            } else if (refused && !"QUIT".equals(command) && sessionFailure == null) {
                sessionFailure = full;
                sessionFailureCommand = command;
            }
        }

        String commandFor(String recipient) {
            String c = commands.get(recipient);
            return c != null ? c : sessionFailure != null ? sessionFailureCommand : null;
        }

        /** Each failed recipient and the reply or error that failed it, in transcript order. */
        Map<String, String> outcome() {
            Map<String, String> out = new LinkedHashMap<>(failed);
            String general = sessionFailure != null ? sessionFailure : localError;
            if (general != null) {
                List<String> all = !accepted.isEmpty() ? accepted : !named.isEmpty() ? named : headerTo;
                for (String a : all) {
                    out.putIfAbsent(a, general);
                }
            }
            for (String a : named) {
                out.putIfAbsent(a, general);
            }
            return out;
        }
    }
}
