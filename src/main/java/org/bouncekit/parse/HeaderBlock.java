package org.bouncekit.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The header fields of one message or part, in order, names compared case-insensitively.
 * Values are unfolded and RFC 2047-decoded.
 */
public final class HeaderBlock {
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    /** An empty block. */
    public static HeaderBlock empty() {
        return new HeaderBlock();
    }

    void add(String name, String value) {
        names.add(name.toLowerCase(Locale.ROOT));
        values.add(value);
    }

    /** The first value of the named field, or null. */
    public String first(String name) {
        // equalsIgnoreCase rejects on length first: no lowercase copy of the key per look-up
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return values.get(i);
            }
        }
        return null;
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
