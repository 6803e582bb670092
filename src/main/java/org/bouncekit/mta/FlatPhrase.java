package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;

/**
 * A phrase (lowercase words, single spaces) looked for in text whose runs of white space count as one space
 * (notices wrap their sentences anywhere): {@code TextMarkers.singleSpaced(text).contains(phrase)} without
 * building the flat text. Its longest word and first word are found once, here, not per search: the phrase
 * lists are searched in every message.
 */
final class FlatPhrase {
    final String phrase;
    /** The longest word, which rules out most texts in one search; null when the phrase is no plain word list. */
    private final String longest;
    /**
     * Each word of the phrase compiled for {@link IndexedText}, the longest first (null with {@link #longest}): every
     * word appears in a text that contains the phrase, so a text whose record lacks one is ruled out.
     */
    private final IndexedText.Marker[] wordMarkers;
    private final String head;
    /** Where the first space is, or -1 for a single word. */
    private final int firstSpace;

    private FlatPhrase(String phrase) {
        this.phrase = phrase;
        this.longest = longestWord(phrase);
        this.wordMarkers = longest == null ? null : wordMarkers(phrase, longest);
        this.firstSpace = phrase.indexOf(' ');
        this.head = firstSpace < 0 ? phrase : phrase.substring(0, firstSpace);
    }

    static FlatPhrase of(String phrase) {
        return new FlatPhrase(phrase);
    }

    static List<FlatPhrase> all(List<String> phrases) {
        List<FlatPhrase> out = new ArrayList<>(phrases.size());
        for (String p : phrases) {
            out.add(new FlatPhrase(p));
        }
        return List.copyOf(out);
    }

    /**
     * The first of {@code phrases} that {@code text} contains as flat text, or null. Indexed loops here and in
     * {@link #in(IndexedText)}: these run for every phrase list in every message, and the list iterators were
     * allocated each time.
     */
    static String first(IndexedText text, List<FlatPhrase> phrases) {
        for (int i = 0; i < phrases.size(); i++) {
            FlatPhrase p = phrases.get(i);
            if (p.in(text)) {
                return p.phrase;
            }
        }
        return null;
    }

    /** As {@link #in(String)}; a text without one of the phrase's words is ruled out by its record. */
    boolean in(IndexedText text) {
        if (wordMarkers != null) {
            for (int i = 0; i < wordMarkers.length; i++) {
                if (!text.mayContain(wordMarkers[i])) {
                    return false;
                }
            }
        }
        return in(text.text());
    }

    /** The words of a plain word list of four chars or more (shorter ones have no record bits), the longest first. */
    private static IndexedText.Marker[] wordMarkers(String phrase, String longest) {
        List<IndexedText.Marker> out = new ArrayList<>();
        out.add(new IndexedText.Marker(longest));
        boolean longestSeen = false;
        for (String w : phrase.split(" ")) {
            if (w.equals(longest) && !longestSeen) {
                longestSeen = true;
            } else if (w.length() >= 4) {
                out.add(new IndexedText.Marker(w));
            }
        }
        return out.toArray(new IndexedText.Marker[0]);
    }

    /** The first of {@code phrases} that {@code text} contains as flat text, or null. */
    static String first(String text, List<FlatPhrase> phrases) {
        for (int i = 0; i < phrases.size(); i++) {
            FlatPhrase p = phrases.get(i);
            if (p.in(text)) {
                return p.phrase;
            }
        }
        return null;
    }

    /**
     * True when {@code text} with its runs of white space read as one space contains the phrase: each word of
     * the phrase appears in {@code text} as it is, so the longest one rules out most texts in one search; where
     * it appears, the phrase is matched from each place its first word occurs, each space matching a run of
     * white space.
     */
    boolean in(String text) {
        if (longest == null) {
            return TextMarkers.singleSpaced(text).contains(phrase);
        }
        if (!text.contains(longest)) {
            return false;
        }
        for (int i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) {
            if (firstSpace < 0 || restMatches(text, i + firstSpace, firstSpace)) {
                return true;
            }
        }
        return false;
    }

    /** True when the phrase from {@code p} on matches {@code text} from {@code t} on, a space matching white space. */
    private boolean restMatches(String text, int t, int p) {
        int n = text.length();
        for (; p < phrase.length(); p++) {
            char c = phrase.charAt(p);
            if (c == ' ') {
                if (t >= n || !Character.isWhitespace(text.charAt(t))) {
                    return false;
                }
                while (t < n && Character.isWhitespace(text.charAt(t))) {
                    t++;
                }
            } else if (t < n && text.charAt(t) == c) {
                t++;
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * The longest word of a phrase of words separated by single spaces, or null for any other phrase (empty,
     * a space at either end, two in a row, other white space), which {@link #in} does not match directly.
     */
    private static String longestWord(String phrase) {
        int n = phrase.length();
        int bestStart = 0;
        int bestEnd = 0;
        int start = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? phrase.charAt(i) : ' ';
            if (c == ' ') {
                if (i == start) {
                    return null;
                }
                if (i - start > bestEnd - bestStart) {
                    bestStart = start;
                    bestEnd = i;
                }
                start = i + 1;
            } else if (Character.isWhitespace(c)) {
                return null;
            }
        }
        return phrase.substring(bestStart, bestEnd);
    }
}
