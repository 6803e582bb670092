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

    /** {@link Section#of} of a section read once (the formats keep theirs as constants). */
    static List<String> section(String text, IndexedText lower, List<String> starts, List<String> ends) {
        return new Section(starts, ends).of(text, lower);
    }

    /**
     * A section's start and end markers (lowercase), checked and compiled once: a format keeps one per section
     * it reads.
     */
    static final class Section {
        private final List<String> starts;
        private final List<String> ends;
        private final List<IndexedText.Marker> startMarkers;
        /** All markers are ASCII: only then is the lowercase text searched in place of each line; see {@link #of}. */
        private final boolean ascii;

        Section(List<String> starts, List<String> ends) {
            this.starts = List.copyOf(starts);
            this.ends = List.copyOf(ends);
            this.startMarkers = IndexedText.Marker.all(starts);
            this.ascii = allAscii(starts) && allAscii(ends);
        }

        /**
         * {@link #section(String, List, List)} of a text whose lowercase {@code lower} (see
         * {@link TextMarkers#lowerSameLength}, with its {@link IndexedText} record) is at hand: the start line is
         * found by searching {@code lower}, and only the lines after it are copied, not every line of the text.
         * A line is taken for the start or an end only when the line-by-line reading takes it too: {@code lower}
         * can contain an ASCII marker where the lowercased line does not (U+0130), never the other way round;
         * other markers are read line by line.
         */
        List<String> of(String text, IndexedText lower) {
            if (!ascii) {
                return section(text, starts, ends);
            }
            int first = -1;
            for (int k = 0; k < startMarkers.size(); k++) {
                int i = lower.indexOf(startMarkers.get(k));
                if (i >= 0 && (first < 0 || i < first)) {
                    first = i;
                }
            }
            if (first < 0) {
                return new ArrayList<>(); // no line can contain a start marker
            }
            int lineStart = text.lastIndexOf('\n', first - 1) + 1;
            int index = lineIndex(text, lineStart);
            if (index >= MAX_LINES - 1) {
                return section(text, starts, ends); // in the unsplit rest of the text
            }
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            if (!TextMarkers.containsAny(text.substring(lineStart, lineEnd).strip().toLowerCase(Locale.ROOT), starts)) {
                return section(text, starts, ends);
            }
            List<String> out = new ArrayList<>();
            // The lines after it, as text.split("\n", MAX_LINES) has them: the last one holds the rest of the text.
            int pos = lineEnd + 1;
            while (nl >= 0) {
                index++;
                nl = index == MAX_LINES - 1 ? -1 : text.indexOf('\n', pos);
                int end = nl < 0 ? text.length() : nl;
                if (isEndLine(text, lower.text(), pos, end, ends)) {
                    return out;
                }
                out.add(text.substring(pos, end));
                pos = end + 1;
            }
            return out;
        }
    }

    /** The index of the line starting at {@code lineStart}, counted up to {@link #MAX_LINES}. */
    private static int lineIndex(String text, int lineStart) {
        int index = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < lineStart && index < MAX_LINES; i = text.indexOf('\n', i + 1)) {
            index++;
        }
        return index;
    }

    /**
     * True when the line {@code text[from, to)}, stripped and lowercased, starts with one of {@code ends}
     * (ASCII): looked for in {@code lower} first, so a line is copied only when it may be one.
     */
    private static boolean isEndLine(String text, String lower, int from, int to, List<String> ends) {
        int a = from;
        while (a < to && Character.isWhitespace(lower.charAt(a))) {
            a++;
        }
        for (int k = 0; k < ends.size(); k++) { // indexed: this runs for every line of a section
            if (lower.startsWith(ends.get(k), a)) {
                return startsWithAny(text.substring(from, to).strip().toLowerCase(Locale.ROOT), ends);
            }
        }
        return false;
    }

    private static boolean allAscii(List<String> markers) {
        for (String m : markers) {
            for (int i = 0; i < m.length(); i++) {
                if (m.charAt(i) > 0x7f) {
                    return false;
                }
            }
        }
        return true;
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
        for (int k = 0; k < prefixes.size(); k++) { // indexed: no iterator per line
            if (lower.startsWith(prefixes.get(k))) {
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
