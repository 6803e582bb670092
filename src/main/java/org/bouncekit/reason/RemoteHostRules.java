package org.bouncekit.reason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncekit.Reason;

/**
 * Reasons decided by who answered: a few providers give a code or a wording a meaning of their
 * own (see {@code remote-hosts.txt}). A rule names a host suffix, and optionally the exact status,
 * the failed command and a phrase; the first rule that fits decides. Immutable and thread-safe.
 */
public final class RemoteHostRules {
    /** One line of the table; null fields match anything. */
    record Rule(String suffix, String status, String command, String text, Reason reason) {
        boolean fits(String host, String st, String cmd, String normText) {
            return fitsWithoutText(host, st, cmd) && (text == null || normText.contains(text));
        }

        boolean fitsWithoutText(String host, String st, String cmd) {
            // the "." + suffix test without building that string for every rule and recipient
            int dot = host.length() - suffix.length() - 1;
            return (host.equals(suffix) || dot >= 0 && host.charAt(dot) == '.' && host.endsWith(suffix))
                    && (status == null || status.equals(st))
                    && (command == null || command.equals(cmd));
        }
    }

    /** A decision: the reason and the rule's suffix (named in the evidence). */
    public record Match(Reason reason, String suffix) {
    }

    private final List<Rule> rules;
    /**
     * Per ASCII char, the rules (their indexes, in table order) whose suffix ends with it: a host fits a rule only
     * when it ends with the suffix, so a host is compared with the few rules of its last char, not all of them.
     * A host ending in any other char is compared with all rules.
     */
    private final int[][] byLastChar = new int[128][];

    RemoteHostRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        for (char c = 0; c < byLastChar.length; c++) {
            List<Integer> fitting = new ArrayList<>();
            for (int i = 0; i < this.rules.size(); i++) {
                String suffix = this.rules.get(i).suffix();
                if (suffix.isEmpty() || suffix.charAt(suffix.length() - 1) == c) {
                    fitting.add(i);
                }
            }
            byLastChar[c] = fitting.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static final class BuiltIn {
        static final RemoteHostRules INSTANCE = load();
    }

    /** The built-in table (loaded once). */
    public static RemoteHostRules builtIn() {
        return BuiltIn.INSTANCE;
    }

    /**
     * The reason the remote host's own conventions give, or null.
     *
     * @param remoteMta the remote MTA as the bounce names it ("mx.example.net [192.0.2.1]"), or null
     * @param status    the enhanced status, or null
     * @param command   the failed command (HELO, MAIL, RCPT, DATA), or null
     * @param text      the diagnostic text, or null
     */
    public Match find(String remoteMta, String status, String command, String text) {
        String host = hostOf(remoteMta);
        if (host == null) {
            return null;
        }
        String norm = null;
        char last = host.charAt(host.length() - 1);
        int[] candidates = last < byLastChar.length ? byLastChar[last] : null;
        int count = candidates != null ? candidates.length : rules.size();
        for (int k = 0; k < count; k++) {
            Rule r = rules.get(candidates != null ? candidates[k] : k);
            if (!r.fitsWithoutText(host, status, command)) {
                continue;
            }
            // normalized only once a rule's host fits: most bounces come from hosts no rule names
            if (r.text() != null && norm == null) {
                String t = text == null ? "" : text.length() > ReasonRules.MAX_TEXT
                        ? text.substring(0, ReasonRules.MAX_TEXT) : text;
                norm = TextNormalizer.normalize(t);
            }
            if (r.text() == null || norm.contains(r.text())) { // the rest of r.fits, its host, status and command fit
                return new Match(r.reason(), r.suffix());
            }
        }
        return null;
    }

    /** The host name in a Remote-MTA value: the first word, lowercase, without a trailing dot. */
    static String hostOf(String remoteMta) {
        if (remoteMta == null) {
            return null;
        }
        // Read in place, one copy at the end: this runs for every recipient.
        int a = skipWhitespace(remoteMta, 0);
        int semi = remoteMta.indexOf(';', a);
        if (semi >= 0 && semi - a < 8) {
            a = skipWhitespace(remoteMta, semi + 1); // "dns; mx.example.net"
        }
        int end = a;
        while (end < remoteMta.length() && !Character.isWhitespace(remoteMta.charAt(end))
                && remoteMta.charAt(end) != '[' && remoteMta.charAt(end) != '(') {
            end++;
        }
        while (end > a && remoteMta.charAt(end - 1) == '.') {
            end--;
        }
        return end == a ? null : remoteMta.substring(a, end).toLowerCase(Locale.ROOT);
    }

    private static int skipWhitespace(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static RemoteHostRules read(BufferedReader in, String source) throws IOException {
        List<Rule> list = new ArrayList<>();
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\|", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": expected 5 fields separated by |");
            }
            Reason reason = Reason.fromWireName(f[4].strip());
            if (reason == null) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": unknown reason " + f[4].strip());
            }
            String cmd = any(f[2]);
            list.add(new Rule(f[0].strip().toLowerCase(Locale.ROOT), any(f[1]),
                    cmd == null ? null : cmd.toUpperCase(Locale.ROOT),
                    f[3].strip().equals("*") ? null : TextNormalizer.normalize(f[3].strip()), reason));
        }
        return new RemoteHostRules(list);
    }

    private static String any(String field) {
        String v = field.strip();
        return v.equals("*") || v.isEmpty() ? null : v;
    }

    private static RemoteHostRules load() {
        try (InputStream in = RemoteHostRules.class.getResourceAsStream("remote-hosts.txt")) {
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), "remote-hosts.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
