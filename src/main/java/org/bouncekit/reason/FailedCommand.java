package org.bouncekit.reason;

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
        String bounded = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        return inNormalized(TextNormalizer.normalize(bounded));
    }

    static String inNormalized(String norm) {
        // One backward pass instead of a lastIndexOf per marker (the text can be a whole bounce): the first
        // position from the end where a marker starts, and at one position the first marker in table order.
        for (int i = norm.length() - 2; i >= 0; i--) {
            char c0 = norm.charAt(i);
            char c1 = norm.charAt(i + 1);
            if ((c0 | c1) >= 128) {
                continue;
            }
            String[][] candidates = BY_FIRST_TWO[c0 << 7 | c1];
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

    /** {@link #MARKERS} by their first two characters (all ASCII), in table order. */
    private static final String[][][] BY_FIRST_TWO = new String[128 * 128][][];

    static {
        for (String[] m : MARKERS) {
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
