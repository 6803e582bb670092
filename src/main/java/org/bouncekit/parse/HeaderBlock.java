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
 * (its look-up index is built on first use, a value read from the message on first use).
 */
public final class HeaderBlock {
    private final List<String> names = new ArrayList<>();
    /** Each value as a String, or as the {@link Value} that makes it: most fields are never asked for. */
    private final List<Object> values = new ArrayList<>();
    /** Lowercase name -> position of its first field, made on the first look-up: formats ask again and again. */
    private Map<String, Integer> firstByName;

    /** A field value made when first asked for (Received, DKIM-Signature and the like seldom are). */
    interface Value {
        String value();
    }

    /** An empty block. */
    public static HeaderBlock empty() {
        return new HeaderBlock();
    }

    void add(String name, String value) {
        names.add(name.toLowerCase(Locale.ROOT));
        values.add(value);
        firstByName = null;
    }

    /** Adds a field whose {@code lowercaseName} is lowercase already and whose value is made when asked for. */
    void add(String lowercaseName, Value value) {
        names.add(lowercaseName);
        values.add(value);
        firstByName = null;
    }

    private String value(int i) {
        Object v = values.get(i);
        if (v instanceof Value lazy) {
            String s = lazy.value();
            values.set(i, s);
            return s;
        }
        return (String) v;
    }

    /** The first value of the named field, or null. */
    public String first(String name) {
        Integer at = firstPosition(name);
        return at == null ? null : value(at);
    }

    private Integer firstPosition(String name) {
        Map<String, Integer> index = firstByName;
        if (index == null) {
            index = new HashMap<>(names.size() * 2);
            for (int i = 0; i < names.size(); i++) {
                index.putIfAbsent(names.get(i), i);
            }
            firstByName = index;
        }
        Integer at = index.get(name);
        if (at == null && hasUpperCase(name)) {
            at = index.get(name.toLowerCase(Locale.ROOT));
        }
        return at;
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
                out.add(value(i));
            }
        }
        return out == null ? List.of() : out;
    }

    /** True when the named field is present. */
    public boolean has(String name) {
        return firstPosition(name) != null;
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
        return value(i);
    }
}
