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
 * Phrases per reason in precedence order, read from a text table (see {@code phrases.txt}):
 * {@code [reason]} section lines, then one lowercase phrase per line; "a ... b" means "a", then "b"
 * within {@link #GAP} characters. Matching is substring search with an Aho-Corasick automaton:
 * linear in the text, no backtracking, no regexes.
 */
public final class PhraseTable {
    static final int GAP = 80;

    /** A phrase of a reason. {@code parts} has one element, or two for "a ... b". */
    public record Phrase(Reason reason, String text, String[] parts) {
    }

    /** A phrase found in a text: which phrase, and the text it matched. */
    public record Hit(Phrase phrase, String matched) {
    }

    private final List<Phrase> phrases;
    private final PhraseAutomaton automaton;

    PhraseTable(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
        this.automaton = new PhraseAutomaton(this.phrases);
    }

    /** Reads a table; {@code source} names it in error messages. */
    public static PhraseTable read(BufferedReader in, String source) throws IOException {
        List<Phrase> list = new ArrayList<>();
        Reason current = null;
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("[") && t.endsWith("]")) {
                current = Reason.fromWireName(t.substring(1, t.length() - 1));
                if (current == null) {
                    throw new IllegalArgumentException(source + ":" + lineNo + ": unknown reason " + t);
                }
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": phrase before any [reason] section");
            }
            list.add(phrase(current, t));
        }
        return new PhraseTable(list);
    }

    static Phrase phrase(Reason reason, String text) {
        String norm = TextNormalizer.normalize(text);
        int gap = norm.indexOf(" ... ");
        String[] parts = gap < 0 ? new String[] {norm} : new String[] {norm.substring(0, gap), norm.substring(gap + 5)};
        return new Phrase(reason, norm, parts);
    }

    /** The built-in table. */
    static PhraseTable builtIn() {
        try (InputStream in = PhraseTable.class.getResourceAsStream("phrases.txt")) {
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), "phrases.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table with {@code first}'s phrases ahead of this one's. */
    PhraseTable prepend(List<Phrase> first) {
        List<Phrase> all = new ArrayList<>(first);
        all.addAll(phrases);
        return new PhraseTable(all);
    }

    /**
     * The first phrase in precedence order found in the normalized text, or null. One pass of an
     * Aho-Corasick automaton: linear in the text, whatever the number of phrases.
     */
    Hit find(String normalizedText) {
        if (normalizedText.isEmpty()) {
            return null;
        }
        return automaton.find(normalizedText);
    }

    /**
     * {@code find(TextNormalizer.normalize(text))}, normalizing on the way: no normalized copy of every diagnostic
     * (see {@link PhraseAutomaton#findNormalizing}).
     */
    Hit findNormalizing(String text) {
        return automaton.findNormalizing(text);
    }

    /** The same answer as {@link #find}, phrase by phrase: the reference the automaton is tested against. */
    Hit findByScan(String normalizedText) {
        if (normalizedText.isEmpty()) {
            return null;
        }
        for (Phrase p : phrases) {
            String m = matches(p, normalizedText);
            if (m != null) {
                return new Hit(p, m);
            }
        }
        return null;
    }

    private static String matches(Phrase p, String text) {
        int i = text.indexOf(p.parts()[0]);
        if (i < 0) {
            return null;
        }
        if (p.parts().length == 1) {
            return p.parts()[0];
        }
        String first = p.parts()[0];
        String second = p.parts()[1];
        // j is the first "second" at or after the current "first": it only moves forward, and a
        // "first" more than GAP before it cannot match, so the scan stays linear in the text.
        int j = -1;
        while (i >= 0) {
            int from = i + first.length();
            if (j < from) {
                j = text.indexOf(second, from);
                if (j < 0) {
                    return null;
                }
            }
            if (j - from <= GAP) {
                return text.substring(i, j + second.length());
            }
            i = text.indexOf(first, Math.max(i + 1, j - GAP - first.length()));
        }
        return null;
    }

    int size() {
        return phrases.size();
    }

    List<Phrase> phrases() {
        return phrases;
    }

    @Override
    public String toString() {
        return "PhraseTable[" + phrases.size() + " phrases]";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
