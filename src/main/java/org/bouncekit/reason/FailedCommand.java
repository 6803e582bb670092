package org.bouncekit.reason;

import java.nio.charset.StandardCharsets;

/**
 * Finds which SMTP command a failure answered from the wording MTAs use to report it
 * ("after RCPT TO:", "in reply to end of DATA command", "&gt;&gt;&gt; DATA", ...). The same words
 * mean different things at different stages: "user unknown" answering RCPT TO is a dead address,
 * answering MAIL FROM it is the sender that was refused, after DATA it is a filter's verdict.
 * Plain substring search over the normalized text: linear, no regexes.
 */
public final class FailedCommand {
    /** The stages a failure can answer; HELO stands for the greeting and EHLO/HELO exchange. */
    public static final String HELO = "HELO";
    public static final String MAIL = "MAIL";
    public static final String RCPT = "RCPT";
    public static final String DATA = "DATA";

    /** Text searched at most: command markers sit next to the reply they introduce. */
    static final int MAX_TEXT = 65536;

    // marker (normalized, lowercase) -> command. When several occur, the last one in the text wins:
    // a session transcript lists the commands in order and the failing one comes last. A transcript's
    // ">>> DATA" is no marker: with PIPELINING the RCPT TO replies arrive after it.
    private static final String[][] MARKERS = {
            {"after initial connection", HELO},
            {"while performing the helo handshake", HELO},
            {"in reply to ehlo", HELO},
            {"in reply to helo", HELO},
            {"in reply to the helo", HELO},
            {"after ehlo", HELO},
            {"after helo", HELO},
            {">>> ehlo", HELO},
            {">>> helo", HELO},
            {"but my name was rejected", HELO},
            // Postfix: the server answered the connection (its greeting) with an error
            {"refused to talk to me", HELO},
            {"after mail from", MAIL},
            {"in reply to mail from", MAIL},
            {">>> mail from", MAIL},
            {"but sender was rejected", MAIL},
            {"[mail_from]", MAIL},
            {"smtp command mail", MAIL},
            {"after rcpt to", RCPT},
            {"after rcpt command", RCPT},
            {"in reply to rcpt to", RCPT},
            {">>> rcpt to", RCPT},
            {"did not like our rcpt to", RCPT},
            {"does not like recipient", RCPT},
            {"most progress was rcpt to", RCPT},
            {"[rcpt_to]", RCPT},
            {"smtp command rcpt", RCPT},
            {"after end of data", DATA},
            {"after data", DATA},
            {"in reply to end of data", DATA},
            {"in reply to data", DATA},
            {"smtp command data", DATA},
            {"failed after i sent the message", DATA},
            {"[data]", DATA},
    };

    private FailedCommand() {
    }

    /** The command the text says failed (HELO, MAIL, RCPT or DATA), or null. */
    public static String in(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int n = Math.min(text.length(), MAX_TEXT);
        String head = n == text.length() ? text : text.substring(0, n);
        // the text is often a whole bounce: match on it as it is rather than normalize a copy, while it is ASCII.
        // Encoding an ASCII string to UTF-8 is a vectorized check and a copy; any other char makes it longer.
        byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == n) {
            return inAscii(head, bytes);
        }
        String found = inAsciiTail(text, n);
        if (found != NOT_ASCII) {
            return found;
        }
        return inNormalized(TextNormalizer.normalize(text.substring(0, n)));
    }

    /** Returned by {@link #inAsciiTail} when it met a non-ASCII char before any marker (compared by identity). */
    private static final String NOT_ASCII = new String("not ASCII");

    /**
     * {@link #inNormalized} of the normalized first {@code n} chars of the text, without the copy, or
     * {@link #NOT_ASCII}. For ASCII, normalizing only lowercases and turns each run of controls and white
     * space into one space, and no marker starts or ends with a space, so a marker starts at the same
     * (non-space) chars in both. The backward pass gives up at the first non-ASCII char; any marker found
     * before that lies in an ASCII tail, where no later one can hide.
     */
    private static String inAsciiTail(String text, int n) {
        char c1 = text.charAt(n - 1);
        if (c1 >= 0x80) {
            return NOT_ASCII;
        }
        for (int i = n - 2; i >= 0; i--) {
            char c0 = text.charAt(i);
            if (c0 >= 0x80) {
                return NOT_ASCII;
            }
            int pair = c0 << 7 | c1;
            char next = c1;
            c1 = c0;
            if ((STARTING_PAIRS[pair >>> 6] & 1L << pair) == 0) {
                continue;
            }
            for (String[] m : BY_FIRST_TWO[lower(c0) << 7 | lower(next)]) {
                if (matchesAt(text, n, i, m[0])) {
                    return m[1];
                }
            }
        }
        return null;
    }

    /**
     * {@link #inNormalized} of the normalized text, for an all-ASCII text (its chars as {@code bytes}), without
     * normalizing it (see {@link #inAsciiTail}) and without looking at every position. Every marker is at least
     * {@link #SHORTEST} chars long, so a marker starting anywhere in {@code [p - BLOCK + 1, p]} covers the three
     * chars from {@code p} on, and they form a trigram of that marker (its spaces standing for runs of white
     * space). Where the text's trigram at {@code p} is in no marker, no marker starts in the whole block; in
     * bounce prose three blocks in four are passed over on that one test. The blocks go from the end of the text
     * to its start and each is searched from its end, so the first marker found is the last in the text.
     */
    private static String inAscii(String text, byte[] bytes) {
        int n = bytes.length;
        for (int p = n - 3; p >= 0; p -= BLOCK) {
            int trigram = CHAR_CLASS[bytes[p]] << 10 | CHAR_CLASS[bytes[p + 1]] << 5 | CHAR_CLASS[bytes[p + 2]];
            if ((MARKER_TRIGRAMS[trigram >>> 6] & 1L << trigram) == 0) {
                continue;
            }
            for (int i = p; i > p - BLOCK && i >= 0; i--) {
                int c0 = bytes[i];
                int c1 = bytes[i + 1];
                int start = CHAR_CLASS[c0] << 10 | CHAR_CLASS[c1] << 5 | CHAR_CLASS[bytes[i + 2]];
                if ((STARTING_TRIGRAMS[start >>> 6] & 1L << start) == 0) {
                    continue;
                }
                for (String[] m : BY_FIRST_TWO[lower((char) c0) << 7 | lower((char) c1)]) {
                    if (matchesAt(text, n, i, m[0])) {
                        return m[1];
                    }
                }
            }
        }
        return null;
    }

    /** True when {@code marker} matches {@code text} from {@code t} on, a space matching a run of spaces. */
    private static boolean matchesAt(String text, int n, int t, String marker) {
        for (int p = 0; p < marker.length(); p++) {
            char c = marker.charAt(p);
            if (c == ' ') {
                if (t >= n || !isSpace(text.charAt(t))) {
                    return false;
                }
                while (t < n && isSpace(text.charAt(t))) {
                    t++;
                }
            } else if (t < n && lower(text.charAt(t)) == c) {
                t++;
            } else {
                return false;
            }
        }
        return true;
    }

    private static int classOf(char c) {
        return CHAR_CLASS[c];
    }

    /** What {@link TextNormalizer} turns into a space, for ASCII chars. */
    private static boolean isSpace(char c) {
        return c <= ' ' || c == '\u007f';
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    static String inNormalized(String norm) {
        // One backward pass instead of a lastIndexOf per marker (the text can be a whole bounce): the first
        // position from the end where a marker starts, and at one position the first marker in table order.
        for (int i = norm.length() - 2; i >= 0; i--) {
            char c0 = norm.charAt(i);
            char c1 = norm.charAt(i + 1);
            int pair = c0 << 7 | c1;
            if ((c0 | c1) >= 128 || (STARTING_PAIRS[pair >>> 6] & 1L << pair) == 0) {
                continue;
            }
            String[][] candidates = BY_FIRST_TWO[pair];
            if (candidates != null) {
                for (String[] m : candidates) {
                    if (norm.startsWith(m[0], i)) {
                        return m[1];
                    }
                }
            }
        }
        return null;
    }

    /**
     * A bit per pair of ASCII chars (first << 7 | second), set when a marker starts with that pair in any case:
     * one bit test rules out nearly every position of a text, and the 2 KB stay in the cache.
     */
    private static final long[] STARTING_PAIRS = new long[128 * 128 / 64];

    /** The length of the shortest marker. */
    private static final int SHORTEST = shortest();
    /** Marker starts per trigram test in {@link #inAscii}. */
    private static final int BLOCK = SHORTEST - 2;

    /**
     * The class of each ASCII char for {@link #MARKER_TRIGRAMS}: one per letter (either case), one for white space
     * and controls, one for each other char markers use, 0 for the rest. Five bits.
     */
    private static final int[] CHAR_CLASS = new int[128];
    /** A bit per trigram of classes found in a marker whose spaces are runs of one to three white-space chars. */
    private static final long[] MARKER_TRIGRAMS = new long[1 << 15 >>> 6];
    /** The same for the trigrams markers start with: a position that fails this is no marker start. */
    private static final long[] STARTING_TRIGRAMS = new long[1 << 15 >>> 6];

    private static int shortest() {
        int min = Integer.MAX_VALUE;
        for (String[] m : MARKERS) {
            min = Math.min(min, m[0].length());
        }
        return min;
    }

    /** {@link #MARKERS} by their first two characters (all ASCII), in table order. */
    private static final String[][][] BY_FIRST_TWO = new String[128 * 128][][];

    static {
        int next = 1;
        for (char c = 'a'; c <= 'z'; c++) {
            CHAR_CLASS[c] = next;
            CHAR_CLASS[Character.toUpperCase(c)] = next++;
        }
        int space = next++;
        for (char c = 0; c < 128; c++) {
            if (isSpace(c)) {
                CHAR_CLASS[c] = space;
            }
        }
        for (String[] m : MARKERS) {
            for (char c : m[0].toCharArray()) {
                if (c >= 128) {
                    throw new IllegalStateException("markers are ASCII: " + m[0]);
                }
                if (CHAR_CLASS[c] == 0) {
                    CHAR_CLASS[c] = next++;
                }
            }
        }
        if (next > 32 || SHORTEST < 4) {
            throw new IllegalStateException("inAscii needs at most 31 marker char classes and markers of 4+ chars");
        }
        for (String[] m : MARKERS) {
            if (m[0].charAt(0) == ' ' || m[0].charAt(1) == ' ' || m[0].endsWith(" ") || m[0].contains("  ")) {
                throw new IllegalStateException("inAscii needs markers without leading, trailing or double spaces: " + m[0]);
            }
            for (char c0 : new char[] {m[0].charAt(0), Character.toUpperCase(m[0].charAt(0))}) {
                for (char c1 : new char[] {m[0].charAt(1), Character.toUpperCase(m[0].charAt(1))}) {
                    int pair = c0 << 7 | c1;
                    STARTING_PAIRS[pair >>> 6] |= 1L << pair;
                }
            }
            for (String run : new String[] {" ", "  ", "   "}) {
                String spelled = m[0].replace(" ", run);
                for (int i = 0; i + 3 <= spelled.length(); i++) {
                    int trigram = classOf(spelled.charAt(i)) << 10 | classOf(spelled.charAt(i + 1)) << 5
                            | classOf(spelled.charAt(i + 2));
                    MARKER_TRIGRAMS[trigram >>> 6] |= 1L << trigram;
                    if (i == 0) {
                        STARTING_TRIGRAMS[trigram >>> 6] |= 1L << trigram;
                    }
                }
            }
            int key = m[0].charAt(0) << 7 | m[0].charAt(1);
            String[][] old = BY_FIRST_TWO[key] == null ? new String[0][] : BY_FIRST_TWO[key];
            String[][] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = m;
            BY_FIRST_TWO[key] = grown;
        }
    }

    /** The command in a format's own spelling ("RCPT TO", "data", "MAIL FROM:<...>"), normalized. */
    public static String normalize(String command) {
        if (command == null) {
            return null;
        }
        String c = command.strip().toUpperCase(java.util.Locale.ROOT);
        if (c.startsWith("RCPT")) {
            return RCPT;
        }
        if (c.startsWith("MAIL")) {
            return MAIL;
        }
        if (c.startsWith("DATA") || c.startsWith("BDAT") || c.contains("END OF DATA")) {
            return DATA;
        }
        if (c.startsWith("EHLO") || c.startsWith("HELO") || c.startsWith("CONN") || c.startsWith("STARTTLS")) {
            return HELO;
        }
        return null;
    }
}
