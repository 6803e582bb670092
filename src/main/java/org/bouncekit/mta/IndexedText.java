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

    /** The text searched; null until {@link #text()} is first asked for (then made from {@link #lowerLatin1}). */
    private String text;
    /** The text's chars as Latin-1 bytes when it is made only if asked for; null: text is set. */
    private final byte[] lowerLatin1;
    /** Bit {@code hash(s)} is set for each four-char sequence {@code s} of the text; null: no record. */
    private final long[] sequences;

    IndexedText(String text) {
        this(text, null, text.length() <= MAX_INDEXED ? record(text) : null);
    }

    private IndexedText(String text, byte[] lowerLatin1, long[] sequences) {
        this.text = text;
        this.lowerLatin1 = lowerLatin1;
        this.sequences = sequences;
    }

    /** The text searched (lowercase for {@link #lowercased}). */
    String text() {
        String t = text;
        if (t == null) {
            t = new String(lowerLatin1, StandardCharsets.ISO_8859_1);
            text = t;
        }
        return t;
    }

    /**
     * {@code new IndexedText(TextMarkers.lowerSameLength(text))}. A Latin-1 text (nearly every bounce) is lowercased
     * and recorded in one pass over its bytes; the lowercase String is made only when a search gets past the
     * record: on the bench mix, six messages in ten are settled by the record alone.
     */
    static IndexedText lowercased(String text) {
        int n = text.length();
        if (n > MAX_INDEXED) {
            return new IndexedText(TextMarkers.lowerSameLength(text));
        }
        // The chars as bytes, one intrinsic copy for a Latin-1 String: a loop over them runs at twice the speed of
        // one over charAt. Any other char becomes '?' (a surrogate pair one '?'), which the loop checks.
        byte[] lower = text.getBytes(StandardCharsets.ISO_8859_1);
        if (lower.length != n) {
            return new IndexedText(TextMarkers.lowerSameLength(text));
        }
        // Always the largest record: with its size fixed here the loop needs no mask, and no bounds check either.
        long[] bits = new long[MAX_RECORD_BITS >>> 6];
        long window = 0;
        for (int i = 0; i < n; i++) {
            int c = lower[i] & 0xff;
            if (c == '?' && text.charAt(i) != '?') {
                return new IndexedText(TextMarkers.lowerSameLength(text)); // a char beyond Latin-1
            }
            byte l = TextMarkers.LATIN1_LOWER[c];
            lower[i] = l;
            window = window << 16 | (l & 0xff);
            if (i >= 3) {
                int h = hash(window);
                bits[h >>> 6] |= 1L << h;
            }
        }
        return new IndexedText(null, lower, bits);
    }

    private static long[] record(String text) {
        long[] bits = new long[words(text.length())];
        int mask = bits.length * 64 - 1;
        long window = 0;
        for (int i = 0; i < text.length(); i++) {
            window = window << 16 | text.charAt(i); // the last four chars, whole
            if (i >= 3) {
                int h = hash(window) & mask;
                bits[h >>> 6] |= 1L << h;
            }
        }
        return bits;
    }

    /**
     * The record's size in longs: at least 16 bits per char, from 2048 bits (a subject line) to
     * {@link #MAX_RECORD_BITS}; a bit is the hash's low bits, so a marker's hashes fit every size.
     */
    private static int words(int length) {
        int bits = Integer.highestOneBit(Math.max(length, 128) * 16 - 1) << 1;
        return Math.min(bits, MAX_RECORD_BITS) >>> 6;
    }

    /**
     * 4096 bits (512 bytes), made for every message: on the bench mix a record four times as large ruled out
     * hardly more searches (false hits 2,007 against 2,032 in 465,000 searches, the same texts lowercased), and
     * was a twelfth of all a scan allocated. At half this size three times as many searches got past it.
     */
    private static final int MAX_RECORD_BITS = 1 << 12;

    /**
     * A bit of the largest record, below {@link #MAX_RECORD_BITS}; a smaller record takes its low bits. Bits 50 to 61
     * of the product: on the bench mix its top twelve bits let 5,265 searches past the record, these 2,028.
     */
    private static int hash(long window) {
        return (int) ((window * 0x9E3779B97F4A7C15L) >>> 50) & (MAX_RECORD_BITS - 1);
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
                int h = hash(window) & (sequences.length * 64 - 1);
                if ((sequences[h >>> 6] & 1L << h) == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A constant marker with the record bits of its four-char sequences worked out once, those of
     * non-overlapping sequences first (they rule a text out soonest).
     */
    static final class Marker {
        final String text;
        private final int[] bits;

        Marker(String text) {
            this.text = text;
            int count = Math.max(text.length() - 3, 0);
            int[] byPosition = new int[count];
            long window = 0;
            for (int i = 0; i < text.length(); i++) {
                window = window << 16 | text.charAt(i);
                if (i >= 3) {
                    byPosition[i - 3] = hash(window);
                }
            }
            int[] ordered = new int[count];
            int k = 0;
            for (int offset = 0; offset < 4; offset++) {
                for (int p = offset; p < count; p += 4) {
                    ordered[k++] = byPosition[p];
                }
            }
            this.bits = ordered;
        }

        static List<Marker> all(List<String> markers) {
            List<Marker> out = new java.util.ArrayList<>(markers.size());
            for (String m : markers) {
                out.add(new Marker(m));
            }
            return List.copyOf(out);
        }
    }

    /** {@link #mayContain(String)} of a compiled marker. */
    boolean mayContain(Marker marker) {
        if (sequences == null) {
            return true;
        }
        int mask = sequences.length * 64 - 1;
        for (int h : marker.bits) {
            if ((sequences[h >>> 6 & mask >>> 6] & 1L << h) == 0) {
                return false;
            }
        }
        return true;
    }

    int indexOf(Marker marker) {
        return mayContain(marker) ? text().indexOf(marker.text) : -1;
    }

    boolean contains(Marker marker) {
        return mayContain(marker) && text().contains(marker.text);
    }

    boolean contains(String needle) {
        return mayContain(needle) && text().contains(needle);
    }

    int indexOf(String needle) {
        return mayContain(needle) ? text().indexOf(needle) : -1;
    }

    int indexOf(String needle, int from) {
        return mayContain(needle) ? text().indexOf(needle, from) : -1;
    }

    boolean containsAnyMarker(List<Marker> markers) {
        for (int i = 0; i < markers.size(); i++) { // indexed: no iterator per call in these per-message loops
            if (contains(markers.get(i))) {
                return true;
            }
        }
        return false;
    }

    boolean containsAny(List<String> needles) {
        for (int i = 0; i < needles.size(); i++) {
            if (contains(needles.get(i))) {
                return true;
            }
        }
        return false;
    }
}
