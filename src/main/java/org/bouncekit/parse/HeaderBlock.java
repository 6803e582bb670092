package org.bouncekit.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header fields of one message or part, in order, names compared case-insensitively.
 * Values are unfolded and RFC 2047-decoded. Like the message it belongs to, a block is read by one thread
 * (its look-up index is built on first use).
 */
public final class HeaderBlock {
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    /** Lowercase name -> first value, made on the first look-up: formats ask for the same fields again and again. */
    private Map<String, String> firstByName;

    /** An empty block. */
    public static HeaderBlock empty() {
        return new HeaderBlock();
    }

    void add(String name, String value) {
        names.add(name.toLowerCase(Locale.ROOT));
        values.add(value);
        firstByName = null;
    }

    /** The first value of the named field, or null. */
    public String first(String name) {
        Map<String, String> index = firstByName;
        if (index == null) {
            index = new HashMap<>(names.size() * 2);
            for (int i = 0; i < names.size(); i++) {
                index.putIfAbsent(names.get(i), values.get(i));
            }
            firstByName = index;
        }
        String v = index.get(name);
        if (v == null && hasUpperCase(name)) {
            v = index.get(name.toLowerCase(Locale.ROOT));
        }
        return v;
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
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(values.get(i));
            }
        }
        return out == null ? List.of() : out;
    }

    /** True when the named field is present. */
    public boolean has(String name) {
        return first(name) != null;
    }

    public int size() {
        return names.size();
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    /** Lowercase field names in order (for scanning X- headers). */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    public String valueAt(int i) {
        return values.get(i);
    }
}
