package org.bouncekit.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Function;
import org.bouncekit.Decision;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

/**
 * Every code and reason has every field in English and German, and no German text equals its English one.
 * Checked against the project's own data files always, and against the shared reference CSVs when present.
 */
class DictionaryCompletenessTest {

    private static final String[] FIELDS = {"title", "description", "when", "fix"};

    private final CodeDictionary en = CodeDictionary.forLocale(Locale.ENGLISH);
    private final CodeDictionary de = CodeDictionary.forLocale(Locale.GERMAN);
    private final Properties enFile = BundleFiles.load(Locale.ENGLISH);
    private final Properties deFile = BundleFiles.load(Locale.GERMAN);

    @Test
    void everyTextKeyOfTheDataFilesIsInBothBundleFiles() {
        List<String> prefixes = new ArrayList<>();
        CodeTable.get().replies().keySet().forEach(c -> prefixes.add("reply." + c));
        CodeTable.get().statuses().keySet().forEach(k -> prefixes.add("status.X." + k));
        for (Reason r : Reason.values()) {
            prefixes.add("reason." + r.wireName());
        }
        for (int c = 2; c <= 5; c++) {
            prefixes.add("replyclass." + c);
        }
        for (int s = 0; s <= StatusCode.MAX_SUBJECT; s++) {
            prefixes.add("subject." + s);
        }
        for (int c : new int[] {2, 4, 5}) {
            prefixes.add("statusclass." + c);
        }
        List<String> keys = new ArrayList<>();
        for (String p : prefixes) {
            for (String f : FIELDS) {
                keys.add(p + "." + f);
            }
        }
        for (int c = 2; c <= 5; c++) {
            keys.add("class.reply." + c);
        }
        for (int c : new int[] {2, 4, 5}) {
            keys.add("class.status." + c);
        }
        for (org.bouncekit.BounceClass b : org.bouncekit.BounceClass.values()) {
            keys.add("class.bounce." + b.wireName());
        }
        for (Decision d : Decision.values()) {
            keys.add("decision." + d.wireName());
        }
        List<String> problems = new ArrayList<>();
        for (String key : keys) {
            String e = enFile.getProperty(key);
            String g = deFile.getProperty(key);
            if (e == null || e.isBlank()) {
                problems.add("English lacks " + key);
            }
            if (g == null || g.isBlank()) {
                problems.add("German lacks " + key);
            }
            if (e != null && e.equals(g)) {
                problems.add("German equals English: " + key + "=" + e);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyKeyOfTheEnglishFileIsTranslatedAndNoGermanKeyIsExtra() {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(enFile.stringPropertyNames())) {
            String g = deFile.getProperty(key);
            if (g == null || g.isBlank()) {
                problems.add("German lacks " + key);
            } else if (g.equals(enFile.getProperty(key))) {
                problems.add("German equals English: " + key);
            }
        }
        for (String key : new TreeSet<>(deFile.stringPropertyNames())) {
            if (!enFile.containsKey(key)) {
                problems.add("German has a key English lacks: " + key);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void templatesAreValidMessageFormatPatterns() {
        for (Properties file : List.of(enFile, deFile)) {
            for (String key : file.stringPropertyNames()) {
                if (!key.startsWith("template.")) {
                    continue;
                }
                String pattern = file.getProperty(key);
                assertFalse(pattern.replace("''", "").contains("'"),
                        () -> key + ": a single apostrophe starts a MessageFormat quote; write it twice: " + pattern);
                String filled = new java.text.MessageFormat(pattern).format(
                        new Object[] {"A0", "A1", "A2", "A3", "A4", "A5"});
                assertFalse(filled.contains("{") || filled.contains("}"), () -> key + " -> " + filled);
            }
        }
    }

    @Test
    void everyEntryOfTheDataFilesIsCompleteThroughTheApi() {
        List<String> problems = new ArrayList<>();
        for (int code : CodeTable.get().replies().keySet()) {
            compare(problems, "reply " + code, d -> d.replyCode(code));
        }
        for (String key : CodeTable.get().statuses().keySet()) {
            for (int cls : new int[] {2, 4, 5}) {
                compare(problems, "status " + cls + "." + key, d -> d.enhancedStatus(cls + "." + key));
            }
        }
        for (Reason r : Reason.values()) {
            compare(problems, "reason " + r.wireName(), d -> Optional.of(d.reason(r)));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyCodeOfTheReferenceCsvsHasItsOwnCompleteEntry() throws IOException {
        Optional<Path> reference = BundleFiles.reference();
        assumeTrue(reference.isPresent(), "no ../shared/reference in this checkout");
        List<String> problems = new ArrayList<>();
        for (String[] row : csv(reference.get().resolve("reply-codes.csv"))) {
            int code = Integer.parseInt(row[0]);
            CodeTable.ReplyRow data = CodeTable.get().replies().get(code);
            if (data == null) {
                problems.add("reply-codes.tsv lacks " + code);
                continue;
            }
            if (!data.reference().equals(spaced(row[2]))) {
                problems.add(code + ": reference " + data.reference() + " but the registry says " + row[2]);
            }
            compare(problems, "reply " + code, d -> d.replyCode(code));
        }
        for (String[] row : csv(reference.get().resolve("enhanced-status-codes.csv"))) {
            String key = row[0].substring(2);
            CodeTable.StatusRow data = CodeTable.get().statuses().get(key);
            if (data == null) {
                problems.add("enhanced-status-codes.tsv lacks " + row[0]);
                continue;
            }
            if (!data.reference().equals(spaced(row[3]))) {
                problems.add(row[0] + ": reference " + data.reference() + " but the registry says " + row[3]);
            }
            for (int cls : new int[] {2, 4, 5}) {
                compare(problems, "status " + cls + "." + key, d -> d.enhancedStatus(cls + "." + key));
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Checks an entry in both languages: present, its own entry, every field filled, German differing. */
    private void compare(List<String> problems, String what, Function<CodeDictionary, Optional<CodeEntry>> lookup) {
        Optional<CodeEntry> e = lookup.apply(en);
        Optional<CodeEntry> g = lookup.apply(de);
        if (e.isEmpty() || g.isEmpty()) {
            problems.add(what + ": no entry in " + (e.isEmpty() ? "English" : "German"));
            return;
        }
        if (e.get().fallback() || g.get().fallback()) {
            problems.add(what + ": only a fallback entry");
            return;
        }
        String[][] fields = {
                {"title", e.get().title(), g.get().title()},
                {"description", e.get().description(), g.get().description()},
                {"when", e.get().whenYouSeeIt(), g.get().whenYouSeeIt()},
                {"fix", e.get().howToFix(), g.get().howToFix()},
                {"class name", e.get().severityName(), g.get().severityName()}};
        for (String[] f : fields) {
            if (f[1] == null || f[1].isBlank() || f[2] == null || f[2].isBlank()) {
                problems.add(what + ": empty " + f[0]);
            } else if (f[1].equals(f[2])) {
                problems.add(what + ": German " + f[0] + " equals English: " + f[1]);
            }
        }
    }

    /** "RFC7372 RFC7208" as the data files write it: "RFC 7372, RFC 7208". */
    private static String spaced(String registryReference) {
        List<String> parts = new ArrayList<>();
        for (String p : registryReference.trim().split(" +")) {
            parts.add(p.matches("RFC[0-9]{3,5}") ? "RFC " + p.substring(3) : p);
        }
        return String.join(", ", parts);
    }

    /** The reference CSVs: a header, then rows; quoted fields may hold commas. */
    private static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (char c : line.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            rows.add(fields.toArray(new String[0]));
        }
        assertTrue(rows.size() > 10, () -> "suspiciously few rows in " + file);
        return rows;
    }
}
