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
    /**
     * Per field, made on the first value added later: where the value's source lies, {@code from << 32 | to}, or 0
     * once the value is made (a value never starts at 0: a colon or a name stands before it).
     */
    private long[] spans;
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

    /** Room for this many fields is made on the first one: a message has a dozen or two, a body part a few. */
    private final int initialRoom;

    /** An empty block. */
    public static HeaderBlock empty() {
        return new HeaderBlock();
    }

    /** An empty block with room for a message's fields. */
    public HeaderBlock() {
        this(16);
    }

    /** A block that makes room for {@code initialRoom} fields at first. */
    HeaderBlock(int initialRoom) {
        this.initialRoom = initialRoom;
    }

    void add(String name, String value) {
        append(name.toLowerCase(Locale.ROOT), value);
    }

    /**
     * Adds a field whose value is made when first asked for: {@code MimeParser.decodeHeader} of
     * {@code text[from, to)}.
     */
    void addLater(String name, String text, int from, int to) {
        if (from <= 0) {
            add(name, MimeParser.decodeHeader(text.substring(from, to)));
        } else {
            appendLater(name.toLowerCase(Locale.ROOT), text, from, to);
        }
    }

    /**
     * Adds a field whose {@code lowercaseName} is lowercase already and whose value is made when first asked for
     * from the field body {@code bytes[from, to)} by {@link MimeReader#fieldValue(byte[], int, int)}.
     */
    void addLater(String lowercaseName, byte[] bytes, int from, int to) {
        if (from <= 0) {
            append(lowercaseName, MimeReader.fieldValue(bytes, from, to));
        } else {
            appendLater(lowercaseName, bytes, from, to);
        }
    }

    private void appendLater(String lowercaseName, Object source, int from, int to) {
        append(lowercaseName, source);
        if (spans == null || spans.length < names.length) {
            spans = spans == null ? new long[names.length] : Arrays.copyOf(spans, names.length);
        }
        spans[size - 1] = (long) from << 32 | to;
    }

    private void append(String lowercaseName, Object value) {
        if (size == names.length) {
            grow();
        }
        names[size] = lowercaseName;
        values[size] = value; // its span, if any, is still 0 (made): only appendLater writes one
        size++;
        firstByName = null;
        collidingNames = null;
    }

    /** Arrays made with new (Arrays.copyOf makes a String[] reflectively), copied only when there is something. */
    private void grow() {
        int room = Math.max(initialRoom, size * 2);
        String[] moreNames = new String[room];
        Object[] moreValues = new Object[room];
        if (size > 0) {
            System.arraycopy(names, 0, moreNames, 0, size);
            System.arraycopy(values, 0, moreValues, 0, size);
        }
        names = moreNames;
        values = moreValues;
    }

    private String value(int i) {
        Object v = values[Objects.checkIndex(i, size)];
        long span = spans == null || spans.length <= i ? 0 : spans[i];
        if (span == 0) {
            return (String) v;
        }
        int from = (int) (span >>> 32);
        int to = (int) span;
        String s = v instanceof byte[] bytes ? MimeReader.fieldValue(bytes, from, to)
                : MimeParser.decodeHeader(((String) v).substring(from, to));
        values[i] = s;
        spans[i] = 0;
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
