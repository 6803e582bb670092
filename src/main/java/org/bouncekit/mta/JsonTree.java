package org.bouncekit.mta;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, bounded JSON reader for notifications that ESPs mail as JSON (Amazon SES through SNS):
 * objects become maps, arrays lists, scalars strings. Malformed or oversized input gives null.
 */
final class JsonTree {
    private static final int MAX_DEPTH = 32;
    private static final int MAX_CHARS = 1 << 20;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_CHARS).build())
            .build();

    private JsonTree() {
    }

    /** The JSON object in {@code text}, or null when it is not one. */
    static Map<String, Object> parseObject(String text) {
        if (text == null || text.length() > MAX_CHARS) {
            return null;
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            return object(p, 0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Object> object(JsonParser p, int depth) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            out.put(name, value(p, p.nextToken(), depth + 1));
        }
        return out;
    }

    private static Object value(JsonParser p, JsonToken t, int depth) throws IOException {
        if (depth > MAX_DEPTH || t == null) {
            throw new IOException("too deep or truncated");
        }
        switch (t) {
            case START_OBJECT:
                return object(p, depth);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e, depth + 1));
                }
                return list;
            case VALUE_NULL:
                return null;
            default:
                return p.getText();
        }
    }

    /** The map at {@code key}, or an empty map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    /** The list at {@code key}, or an empty list. */
    static List<?> list(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof List ? (List<?>) v : List.of();
    }

    /** The scalar at {@code key} as text, or null. */
    static String text(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof String ? (String) v : null;
    }
}
