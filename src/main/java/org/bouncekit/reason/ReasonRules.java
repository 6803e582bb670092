package org.bouncekit.reason;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.bouncekit.Evidence;
import org.bouncekit.Reason;

/**
 * Turns a recipient's codes and diagnostic text into a reason. Precedence, written down once here:
 * <ol>
 *   <li>a reason the bounce format states outright (a vendor code it knows);</li>
 *   <li>a vendor enhanced status (three-digit detail such as Microsoft 5.7.606) listed in the
 *       status table: its documented meaning is narrower than any generic wording;</li>
 *   <li>a phrase in the diagnostic text (the text says what the code often hides: a 550 5.1.1
 *       that says "too many recipients this hour" is about rate, not the address);</li>
 *   <li>the enhanced status code, where its meaning names a reason;</li>
 *   <li>the reply code, where its meaning names a reason;</li>
 *   <li>otherwise {@link Reason#UNDEFINED}.</li>
 * </ol>
 * The reason is then refined by the SMTP stage the failure answered ({@link #byStage}); a
 * temporary failure the sender gave up on, or a delay notice, with nothing more specific known
 * than a bare reply code becomes expired; a lookup failure reported as temporary is a network error.
 * When the text and the status code disagree, the evidence records the losing signal as a conflict.
 * Immutable and thread-safe.
 */
public final class ReasonRules {
    /** Diagnostic text beyond this many characters is not searched: phrases sit at the start. */
    static final int MAX_TEXT = 4096;

    private final PhraseTable phrases;
    private final Map<String, Reason> byStatus;
    private final Map<Integer, Reason> byReplyCode;

    ReasonRules(PhraseTable phrases, Map<String, Reason> byStatus, Map<Integer, Reason> byReplyCode) {
        this.phrases = phrases;
        this.byStatus = Map.copyOf(byStatus);
        this.byReplyCode = Map.copyOf(byReplyCode);
    }

    private static final class BuiltIn {
        static final ReasonRules INSTANCE = new ReasonRules(PhraseTable.builtIn(),
                statusTable(load("status-reasons.properties")), replyTable(load("reply-reasons.properties")));
    }

    /** The built-in rules (loaded once). */
    public static ReasonRules builtIn() {
        return BuiltIn.INSTANCE;
    }

    /** These rules with extra phrases and code mappings taking precedence over the built-in ones. */
    public ReasonRules withOverrides(List<PhraseTable.Phrase> extraPhrases, Map<String, Reason> statusOverrides) {
        Map<String, Reason> s = new HashMap<>(byStatus);
        s.putAll(statusOverrides);
        return new ReasonRules(phrases.prepend(extraPhrases), s, byReplyCode);
    }

    /** Finds the reason for one recipient when the failed command and the action are unknown. */
    public ReasonFinding find(Reason hint, String hintRule, String status, Integer replyCode, String text, String field) {
        return find(hint, hintRule, status, replyCode, text, field, null, null);
    }

    /**
     * Finds the reason for one recipient.
     *
     * @param hint           a reason stated by the format, or null
     * @param hintRule       the format's rule name for the hint
     * @param status         the enhanced status, or null
     * @param replyCode      the reply code, or null
     * @param text           the diagnostic text, or null
     * @param field          where the text came from
     * @param command        the SMTP command the failure answered ({@link FailedCommand}), or null
     * @param action         the DSN action (failed, delayed, ...), or null
     */
    public ReasonFinding find(Reason hint, String hintRule, String status, Integer replyCode, String text, String field,
                              String command, String action) {
        List<Evidence> ev = new ArrayList<>(3);
        if (hint != null) {
            ev.add(new Evidence(hintRule == null ? "format." + hint.wireName() : hintRule, status, field));
            return new ReasonFinding(hint, ev);
        }
        Reason fromStatus = forStatus(status);
        boolean statusNames = fromStatus != null && fromStatus != Reason.UNDEFINED;
        String bounded = text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        PhraseTable.Hit hit = phrases.findNormalizing(bounded);
        Reason r;
        boolean weak = false; // true when only the bare reply code or nothing at all named the reason
        if (statusNames && isVendorDetail(status)) {
            r = fromStatus;
            String note = hit != null && hit.phrase().reason() != r
                    ? "the text suggests " + hit.phrase().reason().wireName() + " (\"" + hit.matched()
                    + "\"); the vendor status " + status + " has a documented meaning and wins"
                    : null;
            ev.add(new Evidence("status." + xForm(status), status, "Status", note));
        } else if (hit != null) {
            r = hit.phrase().reason();
            String note = null;
            if (statusNames && fromStatus != r) {
                note = "status " + status + " suggests " + fromStatus.wireName() + "; the text is more specific and wins";
            }
            ev.add(new Evidence(r.wireName() + ".phrase", hit.matched(), field, note));
        } else if (statusNames) {
            r = fromStatus;
            ev.add(new Evidence("status." + xForm(status), status, "Status"));
        } else if (namesMissingHost(bounded) != null) {
            r = Reason.HOSTUNKNOWN;
            ev.add(new Evidence("hostunknown.named-host", namesMissingHost(bounded), field,
                    "the reply says a host name does not exist"));
        } else if (replyCode != null && byReplyCode.get(replyCode) != null) {
            r = byReplyCode.get(replyCode);
            weak = true;
            ev.add(new Evidence("reply." + replyCode, String.valueOf(replyCode), "reply code"));
        } else {
            r = Reason.UNDEFINED;
            weak = true;
            ev.add(new Evidence("undefined", null, null, "no phrase or code names a reason"));
        }

        Reason staged = byStage(r, command, status, fromStatus, action);
        if (staged == r && command == null && r == Reason.USERUNKNOWN && hit != null && !isAddressStatus(status)
                && GenericWording.INSTANCE.contains(hit.phrase().text()) && !echoesAnAddress(bounded)) {
            ev.add(0, new Evidence("filtered.generic-wording", hit.matched(), field, "\"" + hit.matched()
                    + "\" with no address status and no sign of RCPT TO: a filter's refusal, not a directory lookup"));
            return new ReasonFinding(Reason.FILTERED, ev);
        }
        if (staged == r && FailedCommand.MAIL.equals(command) && (r == Reason.BLOCKED || r == Reason.SECURITYERROR)
                && hit == null) {
            // "5.7.1 delivery not authorized" with no telling text, answering MAIL FROM: the sender was refused
            staged = Reason.REJECTED;
        }
        if (staged != r && command == null) {
            ev.add(0, new Evidence(staged.wireName() + ".status", status, "Status", r.wireName()
                    + " wording with status " + status + " (other mailbox status) and no sign of RCPT TO: a filter's answer"));
            r = staged;
            weak = false;
        } else if (staged != r) {
            ev.add(0, new Evidence(staged.wireName() + ".stage", command, "command",
                    r.wireName() + " answering " + command + " means " + staged.wireName() + ": " + stageWhy(staged)));
            r = staged;
            weak = false;
        }
        if (r == Reason.HOSTUNKNOWN && isTransient(status, replyCode)) {
            ev.add(0, new Evidence("networkerror.transient", status != null ? status : String.valueOf(replyCode),
                    status != null ? "Status" : "reply code",
                    "a lookup failure reported as temporary is a network/DNS problem, not a dead domain"));
            r = Reason.NETWORKERROR;
        }
        if (r == Reason.NETWORKERROR && "delayed".equalsIgnoreCase(action)) {
            ev.add(0, new Evidence("expired.delayed-unreachable", hit == null ? null : hit.matched(), "Action",
                    "a delay notice because the receiving host cannot be reached: delivery is overdue"));
            r = Reason.EXPIRED;
        }
        if (weak && "delayed".equalsIgnoreCase(action)) {
            ev.add(0, new Evidence("expired.delayed", replyCode == null ? null : String.valueOf(replyCode), "Action",
                    "a delay notice with nothing more specific than " + r.wireName() + ": delivery is overdue"));
            r = Reason.EXPIRED;
        }
        if (r == Reason.UNDEFINED && saysSomething(bounded)) {
            ev.add(0, new Evidence("onhold.unexplained", null, field,
                    "the bounce carries an error text, but neither it nor a code names a reason: held for review"));
            r = Reason.ONHOLD;
        }
        return new ReasonFinding(r, ev);
    }

    /**
     * The same words mean different things at different stages of the SMTP session: an address
     * error answering MAIL FROM is about the sender; one answering the greeting is about the
     * sending host; "user unknown" after DATA is a content filter's verdict, not a directory
     * lookup (the address was accepted at RCPT TO), unless the status itself is an address
     * status (X.1.x: pipelining MTAs report RCPT TO errors after DATA). A "5.2.0 other mailbox
     * status" with unknown-user wording outside RCPT TO is likewise a filter. A delay notice whose reply
     * names nothing ("421 Try again later" answering MAIL FROM) is a deferral still being retried, not a
     * refusal: the stage makes no verdict of it.
     */
    static Reason byStage(Reason r, String command, String status, Reason fromStatus, String action) {
        if (r == Reason.UNDEFINED && "delayed".equalsIgnoreCase(action)) {
            return r;
        }
        if (command == null) {
            if (r == Reason.USERUNKNOWN && status != null && (xForm(status).equals("X.2.0") || xForm(status).equals("X.2.1"))) {
                return Reason.FILTERED;
            }
            return r;
        }
        switch (command) {
            case FailedCommand.MAIL:
                return r == Reason.USERUNKNOWN || r == Reason.HOSTUNKNOWN || r == Reason.UNDEFINED ? Reason.REJECTED : r;
            case FailedCommand.HELO:
                return r == Reason.USERUNKNOWN || r == Reason.HOSTUNKNOWN || r == Reason.UNDEFINED ? Reason.BLOCKED : r;
            case FailedCommand.DATA:
                return r == Reason.USERUNKNOWN && fromStatus != Reason.USERUNKNOWN ? Reason.FILTERED : r;
            default:
                return r;
        }
    }

    private static String stageWhy(Reason staged) {
        switch (staged) {
            case REJECTED:
                return "the envelope sender was refused, not the recipient";
            case BLOCKED:
                return "the sending host was refused before any address was given";
            case FILTERED:
                return "the address was accepted, then a filter refused the message";
            default:
                return "the stage decides";
        }
    }

    /**
     * True when the reply quotes an address in angle brackets ("550 5.1.1 <a@example.org>: ..."): the
     * shape of a server answering RCPT TO for that address.
     */
    static boolean echoesAnAddress(String text) {
        int lt = text.indexOf('<');
        while (lt >= 0) {
            int gt = text.indexOf('>', lt + 1);
            if (gt < 0) {
                return false;
            }
            int at = text.indexOf('@', lt + 1);
            if (at > lt && at < gt && gt - lt < 256 && text.indexOf(' ', lt) > gt) {
                return true;
            }
            lt = text.indexOf('<', gt + 1);
        }
        return false;
    }

    /**
     * True when the text holds words beyond addresses and punctuation: a bare "* user@example.org" line
     * is no error text at all (undefined), while an unexplained error text puts the verdict on hold.
     */
    static boolean saysSomething(String text) {
        // The tokens of text.split("\\s+", 200), read in place: a regex split of every unexplained diagnostic
        // was a good part of this method's cost. As there, a leading white-space run makes an empty first token
        // and the 200th token is all the rest of the text, white space included.
        int n = text.length();
        int letters = 0;
        int start = 0;
        int nextAt = text.indexOf('@');
        for (int token = 1; ; token++) {
            int end = start;
            if (token == SPLIT_LIMIT) {
                end = n;
            } else {
                while (end < n && !isRegexSpace(text.charAt(end))) {
                    end++;
                }
            }
            if (nextAt >= 0 && nextAt < start) {
                nextAt = text.indexOf('@', start); // each '@' is looked for once: the scan stays linear
            }
            if (nextAt < 0 || nextAt >= end) { // a token with an '@' (an address) says nothing
                for (int i = start; i < end; i++) {
                    if (Character.isLetter(text.charAt(i)) && ++letters >= 3) {
                        return true;
                    }
                }
            }
            if (end == n) {
                return false;
            }
            start = end;
            while (start < n && isRegexSpace(text.charAt(start))) {
                start++;
            }
        }
    }

    /** The tokens {@link #saysSomething} reads at most, as the limit of a split. */
    private static final int SPLIT_LIMIT = 200;

    /** A char the regex {@code \s} matches (without UNICODE_CHARACTER_CLASS): space, tab, LF, VT, FF, CR. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /**
     * "553 mail.example.org does not exist": the host name right before "does not exist" (a token with
     * a dot and no "@"), or null. An address before those words is a user, handled by the phrases.
     */
    static String namesMissingHost(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        int i = lower.indexOf(" does not exist");
        if (i <= 0) {
            return null;
        }
        int start = lower.lastIndexOf(' ', i - 1) + 1;
        String token = lower.substring(start, i);
        while (!token.isEmpty() && "<>[]()'\":,".indexOf(token.charAt(token.length() - 1)) >= 0) {
            token = token.substring(0, token.length() - 1);
        }
        while (!token.isEmpty() && "<>[]()'\"".indexOf(token.charAt(0)) >= 0) {
            token = token.substring(1);
        }
        if (token.indexOf('@') >= 0 || token.indexOf('.') <= 0 || token.endsWith(".")) {
            return null;
        }
        for (int k = 0; k < token.length(); k++) {
            char c = token.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
                return null;
            }
        }
        return token;
    }

    /** X.1.x: the status itself says the address was the problem. */
    private static boolean isAddressStatus(String status) {
        return status != null && xForm(status).startsWith("X.1.");
    }

    /** The generic "unknown user" wordings ({@code userunknown-generic.txt}). */
    private static final class GenericWording {
        static final java.util.Set<String> INSTANCE = load();

        private static java.util.Set<String> load() {
            java.util.Set<String> set = new java.util.HashSet<>();
            try (InputStream in = ReasonRules.class.getResourceAsStream("userunknown-generic.txt");
                 java.io.BufferedReader r = new java.io.BufferedReader(
                         new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String t = line.strip();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        set.add(TextNormalizer.normalize(t));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return java.util.Set.copyOf(set);
        }
    }

    /** Vendor status codes (a detail of 100 or more, e.g. Microsoft 5.7.606) mean exactly one thing. */
    static boolean isVendorDetail(String status) {
        int last = status.lastIndexOf('.');
        return last >= 0 && status.length() - last - 1 >= 3;
    }

    private static boolean isTransient(String status, Integer replyCode) {
        if (status != null) {
            return status.charAt(0) == '4';
        }
        return replyCode != null && replyCode / 100 == 4;
    }

    /** The reason an enhanced status names by itself, or null. */
    public Reason forStatus(String status) {
        if (status == null) {
            return null;
        }
        // a code listed with its class ("4.4.1") means something other than the same detail in the
        // other class ("5.4.1"): the class-specific line wins over the "X." line
        Reason exact = byStatus.get(status);
        return exact != null ? exact : byStatus.get(xForm(status));
    }

    /** The reason the text alone names, or null. */
    public Reason forText(String text) {
        if (text == null) {
            return null;
        }
        String bounded = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        PhraseTable.Hit hit = phrases.findNormalizing(bounded);
        return hit == null ? null : hit.phrase().reason();
    }

    static String xForm(String status) {
        int dot = status.indexOf('.');
        return dot < 0 ? status : "X" + status.substring(dot);
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = ReasonRules.class.getResourceAsStream(name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Reads the status table; a key "X.7.606-649" stands for each detail in the range. */
    static Map<String, Reason> statusTable(Properties p) {
        Map<String, Reason> m = new HashMap<>();
        Map<String, Reason> ranges = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            Reason r = Reason.fromWireName(p.getProperty(k));
            if (r == null) {
                throw new IllegalStateException("status-reasons.properties: unknown reason for " + k);
            }
            String key = k.trim();
            int dash = key.indexOf('-');
            if (dash < 0) {
                m.put(key, r);
                continue;
            }
            int dot = key.lastIndexOf('.');
            int from = Integer.parseInt(key.substring(dot + 1, dash));
            int to = Integer.parseInt(key.substring(dash + 1));
            if (to < from || to - from > 1000) {
                throw new IllegalStateException("status-reasons.properties: bad range " + key);
            }
            for (int d = from; d <= to; d++) {
                ranges.put(key.substring(0, dot + 1) + d, r);
            }
        }
        // a single code listed on its own is more specific than a range that covers it
        ranges.putAll(m);
        return ranges;
    }

    private static Map<Integer, Reason> replyTable(Properties p) {
        Map<Integer, Reason> m = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            Reason r = Reason.fromWireName(p.getProperty(k));
            if (r == null) {
                throw new IllegalStateException("reply-reasons.properties: unknown reason for " + k);
            }
            m.put(Integer.parseInt(k.trim()), r);
        }
        return m;
    }
}
