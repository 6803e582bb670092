package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncekit.Reason;
import org.bouncekit.parse.SmtpCodes;

/**
 * Line-level helpers shared by the prose formats (qmail, DragonFly, FML, ...): cutting the error
 * section out of a bounce, joining a recipient's lines into one diagnostic, and reading the SMTP
 * command a bounce says the remote server rejected.
 */
final class ProseLines {
    /** A phrase a format uses for one of its own errors, and the reason it means. */
    record Meaning(String phrase, Reason reason) {
    }

    private static final int MAX_LINES = 2000;
    private static final int MAX_DIAGNOSTIC = 2000;

    /** Phrases naming the SMTP command a rejection answered, lowercase, with that command. */
    private static final String[][] COMMANDS = {
            {"does not like recipient", "RCPT"},
            {"rcpt to", "RCPT"},
            {"sender was rejected", "MAIL"},
            {"mail from", "MAIL"},
            {"my name was rejected", "HELO"},
            {"final data", "DATA"},
            {"failed after i sent the message", "DATA"},
            {"end of data", "DATA"},
            {"data command", "DATA"},
    };

    private ProseLines() {
    }

    /** The lines of {@code text}, bounded; trailing spaces are kept. */
    static String[] lines(String text) {
        return text.split("\n", MAX_LINES);
    }

    /**
     * The lines after the first line containing one of {@code starts} (lowercase) up to, not
     * including, the first later line starting (trimmed, lowercase) with one of {@code ends}.
     * Empty when no start line is found.
     */
    static List<String> section(String text, List<String> starts, List<String> ends) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : lines(text)) {
            String lower = line.strip().toLowerCase(Locale.ROOT);
            if (!in) {
                in = TextMarkers.containsAny(lower, starts);
                continue;
            }
            for (String end : ends) {
                if (lower.startsWith(end)) {
                    return out;
                }
            }
            out.add(line);
        }
        return out;
    }

    /**
     * Lines joined with single spaces, blank lines and lines starting with one of {@code skip}
     * (lowercase) left out, and {@code strip} prefixes (lowercase) removed; null when nothing is left.
     */
    static String join(List<String> lines, List<String> skip, List<String> strip) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            String t = line.strip();
            String lower = t.toLowerCase(Locale.ROOT);
            if (t.isEmpty() || startsWithAny(lower, skip)) {
                continue;
            }
            for (String p : strip) {
                if (lower.startsWith(p)) {
                    t = t.substring(p.length()).strip();
                    break;
                }
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t);
            if (sb.length() >= MAX_DIAGNOSTIC) {
                return sb.substring(0, MAX_DIAGNOSTIC);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    static boolean startsWithAny(String lower, List<String> prefixes) {
        for (String p : prefixes) {
            if (lower.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The SMTP command the text says was rejected (RCPT, MAIL, HELO, DATA), or null. */
    static String command(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String[] c : COMMANDS) {
            if (lower.contains(c[0])) {
                return c[1];
            }
        }
        return null;
    }

    /** A record for {@code recipient} with the codes, command and the diagnostic text itself. */
    static RecipientRecord record(String recipient, String diagnostic) {
        RecipientRecord r = new RecipientRecord(recipient);
        if (diagnostic != null) {
            SmtpCodes.Found codes = SmtpCodes.find(diagnostic);
            r.status(codes.status()).replyCode(codes.replyCode()).command(command(diagnostic))
                    .diagnostic(diagnostic, "body");
        }
        return r;
    }

    /** The reason of the first meaning whose phrase {@code text} contains (case-insensitive), or null. */
    static Reason meaning(String text, List<Meaning> table) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Meaning m : table) {
            if (lower.contains(m.phrase())) {
                return m.reason();
            }
        }
        return null;
    }
}
