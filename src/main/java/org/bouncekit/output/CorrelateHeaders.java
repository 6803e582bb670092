package org.bouncekit.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The original message's headers the user asked to correlate on, looked up and ordered for output. */
final class CorrelateHeaders {
    private CorrelateHeaders() {
    }

    /**
     * The headers in the order the user asked for them, then any others by name, so output is the same
     * whatever map the report holds.
     */
    static List<Map.Entry<String, String>> ordered(Map<String, String> headers, List<String> asked) {
        Map<String, String> rest = new TreeMap<>(headers);
        List<Map.Entry<String, String>> out = new ArrayList<>(headers.size());
        for (String name : asked) {
            String value = rest.remove(name);
            if (value != null) {
                out.add(Map.entry(name, value));
            }
        }
        out.addAll(rest.entrySet());
        return out;
    }

    /** The value of header {@code name}: the exact name first, then ignoring case (header names are). */
    static String value(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return h.getValue();
            }
        }
        return null;
    }
}
