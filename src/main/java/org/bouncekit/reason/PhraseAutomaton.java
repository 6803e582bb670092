package org.bouncekit.reason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton over all phrase parts of a {@link PhraseTable}: one pass over the text
 * finds every part, so matching costs O(text length + matches) instead of one scan per phrase.
 * The answer is the same as trying the phrases one by one in table order: the phrase with the
 * lowest table index that occurs wins; a gap phrase "a ... b" needs an "a" that ends at most
 * {@link PhraseTable#GAP} characters before a "b" starts. Immutable after construction.
 *
 * <p>Bounce texts are nearly all ASCII, so ASCII chars step through a dense transition table with the
 * failure links already followed: one array read per char. Only states with two or more children by
 * ASCII chars have a row there; the others (nine in ten: the inner and last chars of a phrase) keep
 * their one child and fall back to their failure state on any other char, so the table is small
 * enough to stay in the cache inside the pipeline. Other chars keep the trie's sparse edges and the
 * failure walk; a char that occurs in no phrase sends the automaton straight to the root.
 */
final class PhraseAutomaton {
    private static final int SINGLE = 0;
    private static final int FIRST = 1;
    private static final int SECOND = 2;

    /** ASCII chars by how often they occur in bounce texts, roughly; the others follow in code order. */
    private static final String BY_FREQUENCY = " etaoinsrlcdumhpfgybwvkxqjz.0512346789:-@<>()[],;'/_=";

    private final List<PhraseTable.Phrase> phrases;
    /** Per ASCII char: its column in {@link #asciiNext}; column 0 stands for every char in no phrase. */
    private final int[] asciiColumn = new int[128];
    /** Columns in use per state: one per ASCII char in some phrase, and column 0. */
    private final int columns;
    /**
     * A state's row in {@link #asciiNext} starts at {@code state << rowShift}: rows are padded to a power of two
     * so that the step from char to char, a chain of dependent reads, has a shift in it rather than a multiply.
     */
    private final int rowShift;
    /**
     * States {@code 0 .. branching - 1} have a row in {@link #asciiNext}: the root and every state with two or
     * more children by ASCII chars. The others, from {@code branching} on, are in {@link #lone}.
     */
    private final int branching;
    /**
     * The complete transition function of the branching states for ASCII chars: {@code asciiNext[(state << rowShift)
     * + asciiColumn[c]]} is the next state, bitwise complemented ({@code ~state}, negative) when some part ends in
     * that state. Branching states are numbered breadth-first, so the shallow ones, where a scan spends most of
     * its time, sit together. Null when the states fit in 16 bits: then {@link #asciiNextShort} holds the table.
     */
    private final int[] asciiNext;
    /**
     * {@link #asciiNext} in 16 bits (null for an automaton of more than {@link #SHORT_STATES} states): half the
     * bytes, so twice the rows per cache line. The step from char to char is a chain of dependent reads of this
     * table, and with the built-in phrases the int table (110 KB) did not stay in the L1 cache.
     */
    private final short[] asciiNextShort;
    /**
     * Per state {@code s} from {@link #branching} on, at {@code LONE * (s - branching)}: the column of its one
     * child by an ASCII char (-1 for none), that child encoded as in {@link #asciiNext}, and its failure state:
     * any other ASCII char leads where it leads from there. Null when {@link #loneShort} holds them.
     */
    private final int[] lone;
    /** {@link #lone} in 16 bits, as {@link #asciiNextShort}; null when that is. */
    private final short[] loneShort;
    /** The most states whose encoding ({@code ~state} included) fits in a short. */
    static final int SHORT_STATES = Short.MAX_VALUE + 1;
    private static final int LONE = 3;
    /** Trie edges by non-ASCII chars, (state, char) -> child state. */
    private final Edges nonAsciiEdges = new Edges();
    /** The non-ASCII chars in some phrase, a bit per char: any other one leads back to the root. */
    private final long[] nonAsciiInPhrases = new long[1024];
    private final int[] fail;
    /**
     * What ends in each state, flat: for every part that ends there (including those reached through failure
     * links), for every use of that part, the use (phraseIndex * 3 + role) and the part's length. State
     * {@code s} has the pairs from {@code outputStart[s]} to {@code outputStart[s + 1]}. One array rather than
     * arrays of arrays: inside the pipeline these are cache misses, and each level of arrays was one more.
     */
    private final int[] outputs;
    private final int[] outputStart;
    /** Per phrase: its number among the gap phrases ("a ... b"), or -1. */
    private final int[] gapSlot;
    private final int gapPhrases;

    PhraseAutomaton(List<PhraseTable.Phrase> phrases) {
        this.phrases = phrases;
        Map<String, List<Integer>> partUses = new LinkedHashMap<>();
        gapSlot = new int[phrases.size()];
        int gaps = 0;
        for (int i = 0; i < phrases.size(); i++) {
            String[] parts = phrases.get(i).parts();
            if (parts.length == 1) {
                partUses.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(i * 3 + SINGLE);
                gapSlot[i] = -1;
            } else {
                partUses.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(i * 3 + FIRST);
                partUses.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(i * 3 + SECOND);
                gapSlot[i] = gaps++;
            }
        }
        gapPhrases = gaps;
        int[][] uses = new int[partUses.size()][];
        int[] partLength = new int[partUses.size()];

        // the trie, nodes numbered as they are created
        Edges trie = new Edges();
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
                int child = trie.get(key);
                if (child < 0) {
                    child = nodes++;
                    trie.put(key, child);
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
        // children per node, sorted by char so the numbering below does not depend on hash order
        List<List<long[]>> children = new ArrayList<>(nodes);
        for (int n = 0; n < nodes; n++) {
            children.add(new ArrayList<>(2));
        }
        trie.forEach((k, v) -> children.get((int) (k >>> 16)).add(new long[] {k & 0xFFFF, v}));
        for (List<long[]> c : children) {
            c.sort((a, b) -> Long.compare(a[0], b[0]));
        }

        // breadth-first: failure links and outputs (in trie numbering), and the order that numbers the states
        int[] trieFail = new int[nodes];
        int[][] trieOut = new int[nodes][];
        int[] order = new int[nodes];
        int[] stateOf = new int[nodes];
        trieOut[0] = own.get(0);
        int head = 0;
        int tail = 1;
        while (head < tail) {
            int n = order[head++];
            for (long[] c : children.get(n)) {
                char ch = (char) c[0];
                int child = (int) c[1];
                if (n == 0) {
                    trieFail[child] = 0;
                    trieOut[child] = own.get(child);
                } else {
                    int f = trieFail[n];
                    int t = trie.get(key(f, ch));
                    while (t < 0 && f != 0) {
                        f = trieFail[f];
                        t = trie.get(key(f, ch));
                    }
                    trieFail[child] = t < 0 || t == child ? 0 : t;
                    int[] mine = own.get(child);
                    int[] inherited = trieOut[trieFail[child]];
                    int[] merged = Arrays.copyOf(mine, mine.length + inherited.length);
                    System.arraycopy(inherited, 0, merged, mine.length, inherited.length);
                    trieOut[child] = merged;
                }
                stateOf[child] = tail;
                order[tail++] = child;
            }
        }

        // failure links and outputs in breadth-first numbering
        int[] breadthFail = new int[nodes];
        int[] breadthOutputStart = new int[nodes + 1];
        int pairs = 0;
        for (int s = 0; s < nodes; s++) {
            breadthFail[s] = stateOf[trieFail[order[s]]];
            for (int part : trieOut[order[s]]) {
                pairs += uses[part].length;
            }
        }
        int[] breadthOutputs = new int[pairs * 2];
        int bo = 0;
        for (int s = 0; s < nodes; s++) {
            breadthOutputStart[s] = bo;
            for (int part : trieOut[order[s]]) {
                for (int use : uses[part]) {
                    breadthOutputs[bo++] = use;
                    breadthOutputs[bo++] = partLength[part];
                }
            }
        }
        breadthOutputStart[nodes] = bo;
        boolean[] inPhrases = new boolean[128];
        for (List<long[]> c : children) {
            for (long[] edge : c) {
                char ch = (char) edge[0];
                if (ch < 128) {
                    inPhrases[ch] = true;
                } else {
                    nonAsciiInPhrases[ch >>> 6] |= 1L << ch;
                }
            }
        }
        // the commonest chars of bounce texts first: the entries a row is mostly read at then share cache lines
        int cols = 1;
        for (int k = 0; k < BY_FREQUENCY.length() + 128; k++) {
            char ch = k < BY_FREQUENCY.length() ? BY_FREQUENCY.charAt(k) : (char) (k - BY_FREQUENCY.length());
            if (inPhrases[ch] && asciiColumn[ch] == 0) {
                asciiColumn[ch] = cols++;
            }
        }
        columns = cols;
        rowShift = 32 - Integer.numberOfLeadingZeros(cols - 1);
        // the dense table of every state, filled in breadth-first order: a state's failure state is shallower,
        // so its row is done; only the branching states' rows are kept
        int[] next = new int[Math.multiplyExact(nodes, columns)];
        int[] asciiChildren = new int[nodes];
        int[] loneColumn = new int[nodes];
        List<long[]> nonAscii = new ArrayList<>();
        for (int s = 0; s < nodes; s++) {
            int row = s * columns;
            if (s > 0) {
                System.arraycopy(next, breadthFail[s] * columns, next, row, columns);
            }
            loneColumn[s] = -1;
            for (long[] edge : children.get(order[s])) {
                char ch = (char) edge[0];
                int child = stateOf[(int) edge[1]];
                if (ch < 128) {
                    next[row + asciiColumn[ch]] = child;
                    asciiChildren[s]++;
                    loneColumn[s] = asciiColumn[ch];
                } else {
                    nonAscii.add(new long[] {s, ch, child});
                }
            }
        }
        // renumbered: the branching states first, breadth-first; then the others depth-first, so that the
        // states along a phrase sit one after the other in {@link #lone} and a match reads few cache lines
        int[] renumbered = new int[nodes];
        int b = 0;
        for (int s = 0; s < nodes; s++) {
            if (s == 0 || asciiChildren[s] > 1) {
                renumbered[s] = b++;
            }
        }
        branching = b;
        int[] stack = new int[nodes];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int n = stack[--top];
            int s = stateOf[n];
            if (s != 0 && asciiChildren[s] <= 1) {
                renumbered[s] = b++;
            }
            List<long[]> c = children.get(n);
            for (int k = c.size() - 1; k >= 0; k--) {
                stack[top++] = (int) c.get(k)[1];
            }
        }
        fail = new int[nodes];
        outputStart = new int[nodes + 1];
        outputs = new int[breadthOutputs.length];
        int[] from = new int[nodes];
        for (int s = 0; s < nodes; s++) {
            from[renumbered[s]] = s;
            fail[renumbered[s]] = renumbered[breadthFail[s]];
        }
        int o = 0;
        for (int r = 0; r < nodes; r++) {
            int s = from[r];
            outputStart[r] = o;
            int length = breadthOutputStart[s + 1] - breadthOutputStart[s];
            System.arraycopy(breadthOutputs, breadthOutputStart[s], outputs, o, length);
            o += length;
        }
        outputStart[nodes] = o;
        int[] table = new int[Math.multiplyExact(branching, 1 << rowShift)];
        int[] loneStates = new int[LONE * (nodes - branching)];
        for (int s = 0; s < nodes; s++) {
            int r = renumbered[s];
            if (r < branching) {
                for (int c = 0; c < columns; c++) {
                    table[(r << rowShift) + c] = encode(renumbered[next[s * columns + c]]);
                }
            } else {
                int at = LONE * (r - branching);
                loneStates[at] = loneColumn[s];
                loneStates[at + 1] = loneColumn[s] < 0 ? 0 : encode(renumbered[next[s * columns + loneColumn[s]]]);
                loneStates[at + 2] = fail[r];
            }
        }
        boolean small = nodes <= SHORT_STATES;
        asciiNext = small ? null : table;
        lone = small ? null : loneStates;
        asciiNextShort = small ? shorts(table) : null;
        loneShort = small ? shorts(loneStates) : null;
        for (long[] edge : nonAscii) {
            nonAsciiEdges.put(key(renumbered[(int) edge[0]], (char) edge[1]), renumbered[(int) edge[2]]);
        }
    }

    /** The values, each in {@code [-SHORT_STATES, SHORT_STATES)}, as shorts. */
    private static short[] shorts(int[] values) {
        short[] out = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (short) values[i];
        }
        return out;
    }

    /** {@code asciiNext[i]}, from whichever of the two tables is there. */
    private int asciiNext(int i) {
        return asciiNextShort != null ? asciiNextShort[i] : asciiNext[i];
    }

    /** {@code lone[i]}, from whichever of the two tables is there. */
    private int lone(int i) {
        return loneShort != null ? loneShort[i] : lone[i];
    }

    /** Whether the transition tables are the 16-bit ones (for tests). */
    boolean shortTables() {
        return asciiNextShort != null;
    }

    /** A state as {@link #asciiNext} holds it (in the final numbering, once the outputs are set). */
    private int encode(int state) {
        return outputStart[state] == outputStart[state + 1] ? state : ~state;
    }

    /**
     * Trie edges, (node, char) -> child, in open addressing over primitive arrays: a boxed HashMap lookup per
     * character of text was a tenth of a scan's time.
     */
    private static final class Edges {
        private long[] keys = emptyKeys(16);
        private int[] values = new int[16];
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

    /** The next state from {@code state} by a non-ASCII char, encoded as in {@link #asciiNext}. */
    private int nonAsciiStep(int state, char c) {
        if ((nonAsciiInPhrases[c >>> 6] & 1L << c) == 0) {
            return encode(0);
        }
        int t = nonAsciiEdges.get(key(state, c));
        while (t < 0 && state != 0) {
            state = fail[state];
            t = nonAsciiEdges.get(key(state, c));
        }
        return encode(t < 0 ? 0 : t);
    }

    /** The first phrase in table order found in the normalized text, or null. */
    PhraseTable.Hit find(String text) {
        return find(text, false);
    }

    /**
     * {@code find(TextNormalizer.normalize(text))} without the normalized copy: the text is normalized char by
     * char on the way in (see {@link TextNormalizer#normalize}: each run of white space read as one space, none at
     * either end), and the normalized text is made only when a gap phrase matched, for the words it matched. A
     * char that needs the full Unicode decomposition sends the whole text through {@link TextNormalizer} first.
     */
    PhraseTable.Hit findNormalizing(String text) {
        return find(text, true);
    }

    private PhraseTable.Hit find(String text, boolean normalizing) {
        int best = Integer.MAX_VALUE;
        // where the best gap phrase's first part ends and its second part ends (-1 for a phrase of one part):
        // the matched text is made once at the end, not for every better phrase found on the way
        int bestFirstEnd = -1;
        int bestEnd = -1;
        // per gap phrase: the end positions of its first part, in increasing order (allocated on first use)
        int[][] firstEnds = null;
        int[] firstCount = null;
        int state = 0;
        int end = 0; // the chars of the (normalized) text read so far
        boolean spaceDue = false; // white space was read after a word: a space comes before the next word
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (normalizing) {
                if (c >= 0x80) {
                    c = TextNormalizer.folded(c);
                    if (c == TextNormalizer.FULL_PATH) {
                        return find(TextNormalizer.normalize(text), false);
                    }
                    if (c == TextNormalizer.DROPPED) {
                        continue;
                    }
                }
                if (TextNormalizer.becomesSpace(c)) {
                    spaceDue = end > 0;
                    continue;
                }
                if (spaceDue) {
                    spaceDue = false;
                    c = ' ';
                    k--; // the char is read again, after its space
                } else {
                    c = TextNormalizer.lowerAscii(c);
                }
            }
            end++;
            int next;
            if (c < 128) {
                int column = asciiColumn[c];
                int s = state;
                // a state without a row: its one child, or on from its failure state (each step is shallower,
                // and a step deeper takes a char, so the walks add up to at most the text's length)
                while (s >= branching && lone(LONE * (s - branching)) != column) {
                    s = lone(LONE * (s - branching) + 2);
                }
                next = s < branching ? asciiNext((s << rowShift) + column) : lone(LONE * (s - branching) + 1);
            } else {
                next = nonAsciiStep(state, c);
            }
            if (next >= 0) {
                state = next;
                continue;
            }
            state = ~next;
            for (int o = outputStart[state]; o < outputStart[state + 1]; o += 2) {
                int use = outputs[o];
                int phrase = use / 3;
                if (phrase >= best) {
                    continue;
                }
                int role = use % 3;
                if (role == SINGLE) {
                    best = phrase;
                    bestFirstEnd = -1;
                } else if (role == FIRST) {
                    if (firstEnds == null) {
                        firstEnds = new int[gapPhrases][];
                        firstCount = new int[gapPhrases];
                    }
                    int slot = gapSlot[phrase];
                    int[] ends = firstEnds[slot];
                    if (ends == null) {
                        ends = firstEnds[slot] = new int[4];
                    } else if (firstCount[slot] == ends.length) {
                        ends = firstEnds[slot] = Arrays.copyOf(ends, ends.length * 2);
                    }
                    ends[firstCount[slot]++] = end;
                } else {
                    int start = end - outputs[o + 1];
                    int[] ends = firstEnds == null ? null : firstEnds[gapSlot[phrase]];
                    if (ends == null) {
                        continue;
                    }
                    // the latest first part that ends before this second part starts; only first
                    // parts overlapping this occurrence are skipped, so the walk back is short
                    int n = firstCount[gapSlot[phrase]] - 1;
                    while (n >= 0 && ends[n] > start) {
                        n--;
                    }
                    if (n >= 0 && start - ends[n] <= PhraseTable.GAP) {
                        best = phrase;
                        bestFirstEnd = ends[n];
                        bestEnd = end;
                    }
                }
            }
        }
        if (best == Integer.MAX_VALUE) {
            return null;
        }
        PhraseTable.Phrase phrase = phrases.get(best);
        String first = phrase.parts()[0];
        if (bestFirstEnd < 0) {
            return new PhraseTable.Hit(phrase, first);
        }
        String normalized = normalizing ? TextNormalizer.normalize(text) : text;
        return new PhraseTable.Hit(phrase, normalized.substring(bestFirstEnd - first.length(), bestEnd));
    }
}
