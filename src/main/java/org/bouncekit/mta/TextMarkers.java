package org.bouncekit.mta;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The marker tables of {@code text-bounce.txt}: subjects, senders, section markers, MTA signatures. */
final class TextMarkers {
    record Signature(String mta, String[] parts) {
    }

    final List<String> subjects;
    final List<String> fromMarkers;
    /** {@link #subjects} and {@link #fromMarkers} compiled for {@link IndexedText} searches. */
    final List<IndexedText.Marker> compiledSubjects;
    final List<IndexedText.Marker> compiledFromMarkers;
    final List<String> bounceStart;
    /** {@link #bounceStart} compiled for {@link IndexedText} searches. */
    final List<IndexedText.Marker> compiledBounceStart;
    final List<String> originalStart;
    final List<String> ignoredLocalParts;
    final List<Signature> signatures;
    /** Words of a delay warning, and of a final failure that outrank them; see {@link #saysDelayed}. */
    final List<String> delay;
    private final List<FlatPhrase> delayFlat;
    final List<String> finalFailure;
    final List<String> finalConditional;

    private TextMarkers(Map<String, List<String>> sections) {
        subjects = sections.getOrDefault("subject", List.of());
        fromMarkers = sections.getOrDefault("from", List.of());
        compiledSubjects = IndexedText.Marker.all(subjects);
        compiledFromMarkers = IndexedText.Marker.all(fromMarkers);
        bounceStart = sections.getOrDefault("bounce-start", List.of());
        compiledBounceStart = IndexedText.Marker.all(bounceStart);
        originalStart = sections.getOrDefault("original-start", List.of());
        ignoredLocalParts = sections.getOrDefault("ignore-local", List.of());
        List<Signature> sigs = new ArrayList<>();
        for (String line : sections.getOrDefault("signature", List.of())) {
            int eq = line.indexOf('=');
            sigs.add(new Signature(line.substring(0, eq), line.substring(eq + 1).split(" \\.\\.\\. ")));
        }
        signatures = List.copyOf(sigs);
        delay = sections.getOrDefault("delay", List.of());
        delayFlat = FlatPhrase.all(delay);
        finalFailure = sections.getOrDefault("final", List.of());
        finalConditional = sections.getOrDefault("final-conditional", List.of());
    }

    /** {@link Character#toLowerCase(char)} of each Latin-1 char; Latin-1 letters lowercase to Latin-1. */
    static final byte[] LATIN1_LOWER = new byte[256];

    static {
        for (int c = 0; c < LATIN1_LOWER.length; c++) {
            LATIN1_LOWER[c] = (byte) Character.toLowerCase((char) c);
        }
    }

    static final TextMarkers BUILT_IN = load();

    private static TextMarkers load() {
        Map<String, List<String>> sections = new HashMap<>();
        try (InputStream in = TextMarkers.class.getResourceAsStream("text-bounce.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> current = null;
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (t.startsWith("[") && t.endsWith("]")) {
                    current = new ArrayList<>();
                    sections.put(t.substring(1, t.length() - 1), current);
                } else if (current != null) {
                    current.add(t.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TextMarkers(sections);
    }

    /**
     * {@code text} lowercased char by char, so that an index found in the result is the same index in
     * {@code text}. {@code String.toLowerCase} can lengthen text (U+0130, Turkish capital dotted I, becomes
     * two chars), and an index from it then points past the marker in the original, or past its end.
     */
    static String lowerSameLength(String text) {
        // Latin-1 text (nearly every bounce) goes through a table into bytes: one pass, no per-char case
        // lookups. The table is Character.toLowerCase itself, so the result is the same as the general path's.
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= LATIN1_LOWER.length) {
                return lowerCharByChar(text);
            }
            if (LATIN1_LOWER[c] != (byte) c) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text; // nothing to lowercase (a short line often)
        }
        byte[] latin1 = new byte[n];
        for (int k = 0; k < i; k++) {
            latin1[k] = (byte) text.charAt(k);
        }
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= LATIN1_LOWER.length) {
                return lowerCharByChar(text);
            }
            latin1[i] = LATIN1_LOWER[c];
        }
        return new String(latin1, StandardCharsets.ISO_8859_1);
    }

    private static String lowerCharByChar(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(c[i]);
        }
        return new String(c);
    }

    static boolean containsAny(String lower, List<String> markers) {
        for (String m : markers) {
            if (lower.contains(m)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a bounce's own lowercased text says delivery is still being tried (a warning) and does not
     * say the attempt ended. Matched over the text with white space collapsed, as notices wrap their
     * sentences anywhere. A final-failure word inside a sentence about a possible future outcome ("you will
     * be told if delivery fails permanently") does not count.
     */
    boolean saysDelayed(String lower) {
        return saysDelayed(new IndexedText(lower));
    }

    /** {@link #saysDelayed(String)} of an indexed text. */
    boolean saysDelayed(IndexedText lower) {
        // Most bounces have no delay word: that is settled on the text itself (FlatPhrase matches across white
        // space as the flat text would), and the flat text is made only when there is one.
        return FlatPhrase.first(lower, delayFlat) != null && !saysFinal(singleSpaced(lower.text()));
    }

    private boolean saysFinal(String flat) {
        for (String m : finalFailure) {
            for (int i = flat.indexOf(m); i >= 0; i = flat.indexOf(m, i + 1)) {
                if (!conditionalAt(flat, m, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean conditionalAt(String flat, String marker, int at) {
        for (String c : finalConditional) {
            int off = c.indexOf(marker);
            if (off >= 0 && at - off >= 0 && flat.startsWith(c, at - off)) {
                return true;
            }
        }
        return false;
    }

    /** {@code s} with each run of white space replaced by one space. */
    static String singleSpaced(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The MTA whose signature appears in the text, or null. */
    String signature(IndexedText lowerText) {
        for (int k = 0; k < signatures.size(); k++) { // indexed: no iterator per message
            Signature s = signatures.get(k);
            int i = lowerText.indexOf(s.parts()[0]);
            if (i < 0) {
                continue;
            }
            if (s.parts().length == 1 || lowerText.indexOf(s.parts()[1], i) >= 0) {
                return s.mta();
            }
        }
        return null;
    }
}
