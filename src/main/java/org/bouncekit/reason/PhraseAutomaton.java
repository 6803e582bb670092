package org.bouncekit.reason;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton over all phrase parts of a {@link PhraseTable}: one pass over the text
 * finds every part, so matching costs O(text length + matches) instead of one scan per phrase.
 * The answer is the same as trying the phrases one by one in table order: the phrase with the
 * lowest table index that occurs wins; a gap phrase "a ... b" needs an "a" that ends at most
 * {@link PhraseTable#GAP} characters before a "b" starts. Immutable after construction.
 */
final class PhraseAutomaton {
    private static final int SINGLE = 0;
    private static final int FIRST = 1;
    private static final int SECOND = 2;

    private final List<PhraseTable.Phrase> phrases;
    private final Edges edges = new Edges();
    private final int[] fail;
    /** Per node: the part ids that end here, including those reached through failure links. */
    private final int[][] out;
    /** Per part id: its uses, each encoded as phraseIndex * 3 + role. */
    private final int[][] uses;
    private final int[] partLength;
    /** The root's children by ASCII char (-1: none): the text is mostly read at the root, so no hash lookup there. */
    private final int[] rootAscii = new int[128];

    PhraseAutomaton(List<PhraseTable.Phrase> phrases) {
        this.phrases = phrases;
        Map<String, List<Integer>> partUses = new LinkedHashMap<>();
        for (int i = 0; i < phrases.size(); i++) {
            String[] parts = phrases.get(i).parts();
            if (parts.length == 1) {
                partUses.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(i * 3 + SINGLE);
            } else {
                partUses.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(i * 3 + FIRST);
                partUses.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(i * 3 + SECOND);
            }
        }
        uses = new int[partUses.size()][];
        partLength = new int[partUses.size()];
        List<int[]> own = new ArrayList<>();
        own.add(new int[0]);
        int nodes = 1;
        int partId = 0;
        for (Map.Entry<String, List<Integer>> e : partUses.entrySet()) {
            String part = e.getKey();
            uses[partId] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            partLength[partId] = part.length();
            int node = 0;
            for (int k = 0; k < part.length(); k++) {
                long key = key(node, part.charAt(k));
                int child = edges.get(key);
                if (child < 0) {
                    child = nodes++;
                    edges.put(key, child);
                    own.add(new int[0]);
                }
                node = child;
            }
            int[] o = own.get(node);
            int[] grown = Arrays.copyOf(o, o.length + 1);
            grown[o.length] = partId;
            own.set(node, grown);
            partId++;
        }
        for (char ch = 0; ch < rootAscii.length; ch++) {
            rootAscii[ch] = edges.get(key(0, ch));
        }
        fail = new int[nodes];
        out = new int[nodes][];
        // children per node, for the breadth-first pass that sets failure links
        List<List<long[]>> children = new ArrayList<>(nodes);
        for (int n = 0; n < nodes; n++) {
            children.add(new ArrayList<>(2));
        }
        edges.forEach((k, v) -> children.get((int) (k >>> 16)).add(new long[] {k & 0xFFFF, v}));
        out[0] = own.get(0);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (long[] c : children.get(0)) {
            int child = (int) c[1];
            fail[child] = 0;
            out[child] = own.get(child);
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int n = queue.poll();
            for (long[] c : children.get(n)) {
                char ch = (char) c[0];
                int child = (int) c[1];
                int f = fail[n];
                int t = edges.get(key(f, ch));
                while (t < 0 && f != 0) {
                    f = fail[f];
                    t = edges.get(key(f, ch));
                }
                fail[child] = t < 0 || t == child ? 0 : t;
                int[] mine = own.get(child);
                int[] inherited = out[fail[child]];
                int[] merged = Arrays.copyOf(mine, mine.length + inherited.length);
                System.arraycopy(inherited, 0, merged, mine.length, inherited.length);
                out[child] = merged;
                queue.add(child);
            }
        }
    }

    /**
     * The trie's edges, (node, char) -> child, in open addressing over primitive arrays: find() looks one up per
     * character of the text, and a boxed HashMap lookup there was a tenth of a scan's time.
     */
    private static final class Edges {
        private long[] keys = emptyKeys(1024);
        private int[] values = new int[1024];
        private int size;

        private static long[] emptyKeys(int n) {
            long[] k = new long[n];
            Arrays.fill(k, -1L); // keys are never negative
            return k;
        }

        private int slot(long key, long[] in) {
            int mask = in.length - 1;
            int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
            while (in[i] != key && in[i] != -1L) {
                i = (i + 1) & mask;
            }
            return i;
        }

        /** The child, or -1. */
        int get(long key) {
            int i = slot(key, keys);
            return keys[i] == key ? values[i] : -1;
        }

        void put(long key, int value) {
            if ((size + 1) * 2 > keys.length) {
                long[] oldKeys = keys;
                int[] oldValues = values;
                keys = emptyKeys(oldKeys.length * 2);
                values = new int[oldKeys.length * 2];
                for (int j = 0; j < oldKeys.length; j++) {
                    if (oldKeys[j] != -1L) {
                        int i = slot(oldKeys[j], keys);
                        keys[i] = oldKeys[j];
                        values[i] = oldValues[j];
                    }
                }
            }
            int i = slot(key, keys);
            if (keys[i] != key) {
                keys[i] = key;
                size++;
            }
            values[i] = value;
        }

        void forEach(EdgeConsumer action) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != -1L) {
                    action.accept(keys[i], values[i]);
                }
            }
        }
    }

    private interface EdgeConsumer {
        void accept(long key, int child);
    }

    private static long key(int node, char c) {
        return ((long) node << 16) | c;
    }

    /** The child of {@code node} by {@code c}, or -1. */
    private int child(int node, char c) {
        return node == 0 && c < rootAscii.length ? rootAscii[c] : edges.get(key(node, c));
    }

    /** The first phrase in table order found in the normalized text, or null. */
    PhraseTable.Hit find(String text) {
        int best = Integer.MAX_VALUE;
        String bestMatch = null;
        // end positions of the first part of gap phrases, in increasing order
        Map<Integer, int[]> firstEnds = new HashMap<>();
        int[] firstCount = new int[0];
        int state = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            int t = child(state, c);
            while (t < 0 && state != 0) {
                state = fail[state];
                t = child(state, c);
            }
            state = t < 0 ? 0 : t;
            for (int part : out[state]) {
                int end = k + 1;
                for (int use : uses[part]) {
                    int phrase = use / 3;
                    if (phrase >= best) {
                        continue;
                    }
                    int role = use % 3;
                    if (role == SINGLE) {
                        best = phrase;
                        bestMatch = phrases.get(phrase).parts()[0];
                    } else if (role == FIRST) {
                        if (firstCount.length <= phrase) {
                            firstCount = Arrays.copyOf(firstCount, Math.max(phrase + 1, firstCount.length * 2));
                        }
                        int[] ends = firstEnds.computeIfAbsent(phrase, p -> new int[4]);
                        if (firstCount[phrase] == ends.length) {
                            ends = Arrays.copyOf(ends, ends.length * 2);
                            firstEnds.put(phrase, ends);
                        }
                        ends[firstCount[phrase]++] = end;
                    } else {
                        int start = end - partLength[part];
                        int[] ends = firstEnds.get(phrase);
                        if (ends == null) {
                            continue;
                        }
                        // the latest first part that ends before this second part starts; only first
                        // parts overlapping this occurrence are skipped, so the walk back is short
                        int n = firstCount[phrase] - 1;
                        while (n >= 0 && ends[n] > start) {
                            n--;
                        }
                        if (n >= 0 && start - ends[n] <= PhraseTable.GAP) {
                            best = phrase;
                            int firstLen = phrases.get(phrase).parts()[0].length();
                            bestMatch = text.substring(ends[n] - firstLen, end);
                        }
                    }
                }
            }
        }
        return bestMatch == null ? null : new PhraseTable.Hit(phrases.get(best), bestMatch);
    }
}
