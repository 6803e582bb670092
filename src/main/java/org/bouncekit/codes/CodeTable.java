package org.bouncekit.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The language-neutral facts about codes and reasons (reference, usual pairings), read once from the TSV files
 * next to this class. The texts live in the {@code Dictionary} resource bundle.
 */
final class CodeTable {

    /** A reply code's row: its reference and the enhanced codes usually sent with it. */
    record ReplyRow(int code, String reference, List<String> paired) {
    }

    /** A registry row, keyed by the class-independent form {@code subject.detail}. */
    record StatusRow(String key, String reference, List<String> pairedReplies) {
    }

    private static final CodeTable INSTANCE = new CodeTable();

    private final Map<Integer, ReplyRow> replies;
    private final Map<String, StatusRow> statuses;
    private final Map<String, List<String>> reasons;

    private CodeTable() {
        Map<Integer, ReplyRow> r = new LinkedHashMap<>();
        for (String[] f : read("reply-codes.tsv")) {
            int code = Integer.parseInt(f[0]);
            r.put(code, new ReplyRow(code, f[1], codes(f, 2)));
        }
        Map<String, StatusRow> s = new LinkedHashMap<>();
        for (String[] f : read("enhanced-status-codes.tsv")) {
            if (!f[0].startsWith("X.")) {
                throw new IllegalStateException("enhanced-status-codes.tsv: expected an X.s.d code, got " + f[0]);
            }
            String key = f[0].substring(2);
            s.put(key, new StatusRow(key, f[1], codes(f, 2)));
        }
        Map<String, List<String>> reasonRows = new LinkedHashMap<>();
        for (String[] f : read("reasons.tsv")) {
            reasonRows.put(f[0], codes(f, 1));
        }
        replies = Collections.unmodifiableMap(r);
        statuses = Collections.unmodifiableMap(s);
        reasons = Collections.unmodifiableMap(reasonRows);
    }

    static CodeTable get() {
        return INSTANCE;
    }

    /** Reply codes with an entry of their own, in file order. */
    Map<Integer, ReplyRow> replies() {
        return replies;
    }

    /** Registry rows by {@code subject.detail}, in file order. */
    Map<String, StatusRow> statuses() {
        return statuses;
    }

    /** Codes typical of each reason, by wire name. */
    List<String> reasonCodes(String wireName) {
        return reasons.getOrDefault(wireName, List.of());
    }

    Map<String, List<String>> reasons() {
        return reasons;
    }

    private static List<String> codes(String[] fields, int index) {
        if (fields.length <= index || fields[index].isBlank()) {
            return List.of();
        }
        return List.copyOf(Arrays.asList(fields[index].trim().split(" +")));
    }

    private static List<String[]> read(String name) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = CodeTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + CodeTable.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return rows;
    }
}
