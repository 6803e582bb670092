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
 *   <li>a phrase in the diagnostic text (the text says what the code often hides: a 550 5.1.1
 *       that says "too many recipients this hour" is about rate, not the address);</li>
 *   <li>the enhanced status code, where its meaning names a reason;</li>
 *   <li>the reply code, where its meaning names a reason;</li>
 *   <li>otherwise {@link Reason#UNDEFINED}.</li>
 * </ol>
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

    /**
     * Finds the reason for one recipient.
     *
     * @param hint           a reason stated by the format, or null
     * @param hintRule       the format's rule name for the hint
     * @param status         the enhanced status, or null
     * @param replyCode      the reply code, or null
     * @param text           the diagnostic text, or null
     * @param field          where the text came from
     */
    public ReasonFinding find(Reason hint, String hintRule, String status, Integer replyCode, String text, String field) {
        List<Evidence> ev = new ArrayList<>(3);
        Reason fromStatus = forStatus(status);
        if (hint != null) {
            ev.add(new Evidence(hintRule == null ? "format." + hint.wireName() : hintRule, status, field));
            return new ReasonFinding(hint, ev);
        }
        String bounded = text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        PhraseTable.Hit hit = phrases.find(TextNormalizer.normalize(bounded));
        if (hit != null) {
            Reason r = hit.phrase().reason();
            String note = null;
            if (fromStatus != null && fromStatus != r && fromStatus != Reason.UNDEFINED) {
                note = "status " + status + " suggests " + fromStatus.wireName() + "; the text is more specific and wins";
            }
            ev.add(new Evidence(r.wireName() + ".phrase", hit.matched(), field, note));
            return new ReasonFinding(r, ev);
        }
        if (fromStatus != null && fromStatus != Reason.UNDEFINED) {
            ev.add(new Evidence("status." + xForm(status), status, "Status"));
            return new ReasonFinding(fromStatus, ev);
        }
        Reason fromReply = replyCode == null ? null : byReplyCode.get(replyCode);
        if (fromReply != null) {
            ev.add(new Evidence("reply." + replyCode, String.valueOf(replyCode), "reply code"));
            return new ReasonFinding(fromReply, ev);
        }
        ev.add(new Evidence("undefined", null, null, "no phrase or code names a reason"));
        return new ReasonFinding(Reason.UNDEFINED, ev);
    }

    /** The reason an enhanced status names by itself, or null. */
    public Reason forStatus(String status) {
        return status == null ? null : byStatus.get(xForm(status));
    }

    /** The reason the text alone names, or null. */
    public Reason forText(String text) {
        if (text == null) {
            return null;
        }
        String bounded = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        PhraseTable.Hit hit = phrases.find(TextNormalizer.normalize(bounded));
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

    private static Map<String, Reason> statusTable(Properties p) {
        Map<String, Reason> m = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            Reason r = Reason.fromWireName(p.getProperty(k));
            if (r == null) {
                throw new IllegalStateException("status-reasons.properties: unknown reason for " + k);
            }
            m.put(k.trim(), r);
        }
        return m;
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
