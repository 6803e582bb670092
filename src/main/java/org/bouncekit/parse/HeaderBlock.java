package org.bouncekit.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The header fields of one message or part, in order, names compared case-insensitively.
 * Values are unfolded and RFC 2047-decoded. Like the message it belongs to, a block is read by one thread
 * (its look-up index is built on first use, a value made from the message on first use).
 */
public final class HeaderBlock {
    /** Probes a name may take in {@link #firstByName}; names whose hashes collide more are indexed by a map. */
    private static final int MAX_PROBES = 16;

    private String[] names = NO_NAMES;
    /**
     * Each value as a String, or, while {@link #spans} says it is not made yet, what it is made from: most fields
     * are never asked for, and a range costs no object per field.
     */
    private Object[] values = NO_VALUES;
    /** Per field, made on the first value added later: from, to and the kind of source ({@link #MADE} once made). */
    private int[] spans;
    private int size;
    /**
     * Position + 1 of each distinct name's first field, linear probing on the name's hash (0 = free), made on
     * the first look-up: formats ask again and again, and a table of ints costs no boxing and no nodes.
     */
    private int[] firstByName;
    /** Most probes any name in {@link #firstByName} took: a look-up that has made that many more is a miss. */
    private int probes;
    /** The index when hostile names collide in {@link #firstByName} (a HashMap stays O(log n) for them). */
    private Map<String, Integer> collidingNames;

    private static final String[] NO_NAMES = {};
    private static final Object[] NO_VALUES = {};

    /** Kinds of value in {@link #spans}: made; text to decode as a header value; else a field's bytes. */
    private static final int MADE = 0;
    private static final int TEXT = -1;

    /** An empty block. */
    public static HeaderBlock empty() {
        return new HeaderBlock();
    }

    void add(String name, String value) {
        append(name.toLowerCase(Locale.ROOT), value);
    }

    /**
     * Adds a field whose value is made when first asked for: {@code MimeParser.decodeHeader} of
     * {@code text[from, to)}.
     */
    void addLater(String name, String text, int from, int to) {
        appendLater(name.toLowerCase(Locale.ROOT), text, from, to, TEXT);
    }

    /**
     * Adds a field whose {@code lowercaseName} is lowercase already and whose value is made when first asked for
     * from {@code bytes[from, to)} by {@link MimeReader#fieldValue(byte[], int, int, int)}, told what the bytes hold by {@code kinds}
     * (never 0 nor -1: see {@link MimeReader#addFieldTo}).
     */
    void addLater(String lowercaseName, byte[] bytes, int from, int to, int kinds) {
        appendLater(lowercaseName, bytes, from, to, kinds);
    }

    private void appendLater(String lowercaseName, Object source, int from, int to, int kind) {
        append(lowercaseName, source);
        int at = 3 * (size - 1);
        if (spans == null || spans.length < at + 3) {
            spans = spans == null ? new int[3 * names.length] : Arrays.copyOf(spans, 3 * names.length);
        }
        spans[at] = from;
        spans[at + 1] = to;
        spans[at + 2] = kind;
    }

    private void append(String lowercaseName, Object value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, Math.max(16, size * 2));
            values = Arrays.copyOf(values, Math.max(16, size * 2));
        }
        names[size] = lowercaseName;
        values[size] = value; // its span, if any, is still MADE: spans are zero until appendLater writes them
        size++;
        firstByName = null;
        collidingNames = null;
    }

    private String value(int i) {
        Object v = values[Objects.checkIndex(i, size)];
        int kind = spans == null || spans.length <= 3 * i ? MADE : spans[3 * i + 2];
        if (kind == MADE) {
            return (String) v;
        }
        int from = spans[3 * i];
        int to = spans[3 * i + 1];
        String s = kind == TEXT ? MimeParser.decodeHeader(((String) v).substring(from, to))
                : MimeReader.fieldValue((byte[]) v, from, to, kind);
        values[i] = s;
        spans[3 * i + 2] = MADE;
        return s;
    }

    /** The first value of the named field, or null. */
    public String first(String name) {
        int at = firstPosition(name);
        return at < 0 ? null : value(at);
    }

    /** Position of the first field named {@code name} (any case), or -1. */
    private int firstPosition(String name) {
        int at = indexed(name);
        if (at < 0 && hasUpperCase(name)) {
            at = indexed(name.toLowerCase(Locale.ROOT));
        }
        return at;
    }

    /** Position of the first field whose name equals {@code name} exactly, or -1. */
    private int indexed(String name) {
        if (firstByName == null && collidingNames == null) {
            index();
        }
        if (collidingNames != null) {
            Integer at = collidingNames.get(name);
            return at == null ? -1 : at;
        }
        int[] table = firstByName;
        int mask = table.length - 1;
        int slot = spread(name.hashCode()) & mask;
        for (int n = 0; n <= probes; n++, slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if (names[entry - 1].equals(name)) {
                return entry - 1;
            }
        }
        return -1;
    }

    /** At most half the slots used, so probe sequences stay short unless the names' hashes were made to collide. */
    private void index() {
        int[] table = new int[Math.max(16, Integer.highestOneBit(Math.max(1, size)) * 4)];
        int mask = table.length - 1;
        int most = 0;
        for (int i = 0; i < size; i++) {
            String name = names[i];
            int slot = spread(name.hashCode()) & mask;
            int n = 0;
            while (table[slot] != 0 && !names[table[slot] - 1].equals(name)) {
                slot = (slot + 1) & mask;
                if (++n > MAX_PROBES) {
                    indexByMap();
                    return;
                }
            }
            if (table[slot] == 0) {
                table[slot] = i + 1; // the first field of this name; later ones keep it
                most = Math.max(most, n);
            }
        }
        probes = most;
        firstByName = table;
    }

    private void indexByMap() {
        Map<String, Integer> index = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            index.putIfAbsent(names[i], i);
        }
        collidingNames = index;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static boolean hasUpperCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Every value of the named field, in order. */
    public List<String> all(String name) {
        List<String> out = null;
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(value(i));
            }
        }
        return out == null ? List.of() : out;
    }

    /** True when the named field is present. */
    public boolean has(String name) {
        return firstPosition(name) >= 0;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Lowercase field names in order (for scanning X- headers). */
    public List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(names).subList(0, size));
    }

    public String valueAt(int i) {
        return value(i);
    }
}
