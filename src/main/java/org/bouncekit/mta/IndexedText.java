package org.bouncekit.mta;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A text (the bounce text in lowercase) with a record of the four-char sequences in it, made in one pass: a
 * search for a marker with a sequence the text lacks ends at once. The formats search every message for
 * dozens of markers that are absent from it, and a miss costs a scan of the whole text. Never says a marker
 * is absent when it is present: a hit is always confirmed by the search itself.
 */
final class IndexedText {
    /** Texts longer than this are searched without the record: it would have nearly every bit set. */
    static final int MAX_INDEXED = 1 << 15;
    private static final int BITS = 14;

    final String text;
    /** Bit {@code hash(s)} is set for each four-char sequence {@code s} of the text; null: no record. */
    private final long[] sequences;

    IndexedText(String text) {
        this(text, text.length() <= MAX_INDEXED ? record(text) : null);
    }

    private IndexedText(String text, long[] sequences) {
        this.text = text;
        this.sequences = sequences;
    }

    /**
     * {@code new IndexedText(TextMarkers.lowerSameLength(text))}, lowercased and recorded in the same pass when
     * the text is Latin-1 (nearly every bounce).
     */
    static IndexedText lowercased(String text) {
        int n = text.length();
        if (n > MAX_INDEXED) {
            return new IndexedText(TextMarkers.lowerSameLength(text));
        }
        byte[] lower = new byte[n];
        long[] bits = new long[1 << (BITS - 6)];
        long window = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= TextMarkers.LATIN1_LOWER.length) {
                return new IndexedText(TextMarkers.lowerSameLength(text));
            }
            byte b = TextMarkers.LATIN1_LOWER[c];
            lower[i] = b;
            window = window << 16 | (b & 0xff);
            if (i >= 3) {
                int h = hash(window);
                bits[h >>> 6] |= 1L << h;
            }
        }
        return new IndexedText(new String(lower, StandardCharsets.ISO_8859_1), bits);
    }

    private static long[] record(String text) {
        long[] bits = new long[1 << (BITS - 6)];
        long window = 0;
        for (int i = 0; i < text.length(); i++) {
            window = window << 16 | text.charAt(i); // the last four chars, whole
            if (i >= 3) {
                int h = hash(window);
                bits[h >>> 6] |= 1L << h;
            }
        }
        return bits;
    }

    private static int hash(long window) {
        return (int) ((window * 0x9E3779B97F4A7C15L) >>> (64 - BITS));
    }

    /** False only when {@code needle} does not occur in the text; true when it may. */
    boolean mayContain(String needle) {
        if (sequences == null) {
            return true;
        }
        long window = 0;
        for (int i = 0; i < needle.length(); i++) {
            window = window << 16 | needle.charAt(i);
            if (i >= 3) {
                int h = hash(window);
                if ((sequences[h >>> 6] & 1L << h) == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean contains(String needle) {
        return mayContain(needle) && text.contains(needle);
    }

    int indexOf(String needle) {
        return mayContain(needle) ? text.indexOf(needle) : -1;
    }

    int indexOf(String needle, int from) {
        return mayContain(needle) ? text.indexOf(needle, from) : -1;
    }

    boolean containsAny(List<String> needles) {
        for (String n : needles) {
            if (contains(n)) {
                return true;
            }
        }
        return false;
    }
}
