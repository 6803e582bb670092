package org.bouncekit.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every regular expression in src/main (found by scanning the sources, so new ones are covered without
 * editing this test) stays fast on adversarial input: 100,000 spaces, '&lt;', alternating characters and
 * the like, searched through ({@code find} to the end, as {@code split} and {@code replaceAll} do) and
 * matched whole. A catastrophic pattern is stopped by a deadline checked in {@code charAt}, so a failure
 * costs a second, not minutes of a spinning thread; a canary proves the harness catches one.
 */
class RegexSafetyTest {
    /** Per pattern and input. A linear pattern takes a few milliseconds on 100,000 characters. */
    static final long BOUND_NANOS = 1_000_000_000L;
    static final int N = 100_000;

    /** String methods and Pattern factories whose first argument is a regex. */
    private static final Pattern CALL = Pattern.compile(
            "(Pattern\\.compile|Pattern\\.matches|\\.matches|\\.replaceAll|\\.replaceFirst|\\.split)\\(\\s*"
                    + "(\"(?:[^\"\\\\\\n]|\\\\.)*\"|[A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CONSTANT = Pattern.compile(
            "static\\s+final\\s+String\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(\"(?:[^\"\\\\\\n]|\\\\.)*\")\\s*;");

    /** A regex found in the sources: where, and the pattern. */
    record Site(String where, String regex) {
        @Override
        public String toString() {
            return where + " " + regex;
        }
    }

    private static List<Site> sites;
    private static List<String> unresolved;

    @BeforeAll
    static void scanSources() throws IOException {
        Path root = Path.of("src", "main", "java");
        assertTrue(Files.isDirectory(root), "run from the project directory (Maven does)");
        sites = new ArrayList<>();
        unresolved = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
                scan(root.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
    }

    private static void scan(String file, String source) {
        Map<String, String> constants = new TreeMap<>();
        Matcher c = CONSTANT.matcher(source);
        while (c.find()) {
            constants.put(c.group(1), unescape(c.group(2)));
        }
        Matcher m = CALL.matcher(source); // over the whole file: arguments may sit on the next line
        while (m.find()) {
            int lineStart = source.lastIndexOf('\n', m.start()) + 1;
            String before = source.substring(lineStart, m.start()).strip();
            if (before.startsWith("//") || before.startsWith("*") || before.startsWith("/*")) {
                continue;
            }
            String where = file + ":" + (1 + source.substring(0, m.start()).chars().filter(ch -> ch == '\n').count());
            String arg = m.group(2);
            if (arg.startsWith("\"")) {
                sites.add(new Site(where, unescape(arg)));
            } else if (constants.containsKey(arg)) {
                sites.add(new Site(where, constants.get(arg)));
            } else if (m.group(1).startsWith("Pattern")) {
                // certainly a regex, built elsewhere: it needs a human look and a case here
                unresolved.add(where + " " + m.group());
            }
            // .matches(x)/.split(x) with a variable may not be String's regex methods: not counted
        }
    }

    static Stream<Site> sites() throws IOException {
        if (sites == null) {
            scanSources();
        }
        return sites.stream();
    }

    /** Adversarial inputs of about {@link #N} characters. */
    static Map<String, String> inputs() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("spaces", " ".repeat(N));
        in.put("'<'", "<".repeat(N));
        in.put("'@'", "@".repeat(N));
        in.put("'('", "(".repeat(N));
        in.put("letters", "a".repeat(N));
        in.put("alternating ab", "ab".repeat(N / 2));
        in.put("alternating space and letter", " a".repeat(N / 2));
        in.put("mixed line ends", "\r\n\r\n\r \t".repeat(N / 7));
        in.put("dotted digits", "5.".repeat(N / 2));
        in.put("status-like", "5.1.1.".repeat(N / 6));
        in.put("reply-like", "550-".repeat(N / 4));
        in.put("words and commas", "rfc822, x ".repeat(N / 10));
        in.put("address-like", "a.b@c.".repeat(N / 6));
        in.put("encoded-word-like", "=?".repeat(N / 2));
        in.put("spaces then letter", " ".repeat(N) + "!");
        StringBuilder random = new StringBuilder(N);
        Random r = new Random(6);
        String alphabet = " \t\r\n<>@.,;:()[]\"'\\-_=?!aA0123456789";
        for (int i = 0; i < N; i++) {
            random.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        in.put("random punctuation", random.toString());
        return in;
    }

    @Test
    void theSourcesHaveRegexesAndNoneUnaccountedFor() {
        assertFalse(sites.isEmpty(), "the scan found nothing: is it looking in the right place?");
        assertEquals(List.of(), unresolved, "Pattern.compile of a non-constant: add its pattern to this test");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sites")
    void staysLinearOnAdversarialInput(Site site) {
        Pattern p = Pattern.compile(site.regex());
        for (Map.Entry<String, String> input : inputs().entrySet()) {
            String problem = run(p, input.getValue(), BOUND_NANOS);
            if (problem != null) {
                fail(site + " on " + input.getKey() + ": " + problem);
            }
        }
    }

    /** The harness catches a catastrophic pattern (the one measured at 98 s on 5,000 spaces). */
    @Test
    void canaryCatastrophicPatternIsCaught() {
        Pattern bad = Pattern.compile("\\s*(\\s*status:\\s*)?\\d\\.\\d+\\.\\d+");
        String problem = run(bad, " ".repeat(5_000), 200_000_000L);
        assertTrue(problem != null && problem.contains("deadline"), "the harness must flag it: " + problem);
        assertTrue(run(Pattern.compile("(a|b)*"), "ab".repeat(N / 2), BOUND_NANOS) != null,
                "a stack-overflowing pattern must be flagged");
    }

    /** Runs find-to-the-end and a whole match; null when both finish in time, else what went wrong. */
    static String run(Pattern p, String text, long boundNanos) {
        long deadline = System.nanoTime() + boundNanos;
        try {
            Matcher m = p.matcher(new DeadlineChars(text, deadline));
            while (m.find()) {
                // walk all matches, as split and replaceAll do
            }
            p.matcher(new DeadlineChars(text, deadline)).matches();
            return null;
        } catch (Deadline e) {
            return "past the deadline of " + boundNanos / 1_000_000 + " ms (super-linear backtracking)";
        } catch (StackOverflowError e) {
            return "stack overflow (repetition of an alternation or group)";
        }
    }

    private static final class Deadline extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Deadline() {
            super(null, null, false, false);
        }
    }

    /** Text whose charAt throws once the deadline is past: a regex engine cannot ignore it. */
    private static final class DeadlineChars implements CharSequence {
        private final String text;
        private final long deadline;
        private int reads;

        DeadlineChars(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3FF) == 0 && System.nanoTime() - deadline > 0) {
                throw new Deadline();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new DeadlineChars(text.substring(start, end), deadline);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A Java string literal's value. */
    static String unescape(String literal) {
        String s = literal.substring(1, literal.length() - 1);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\' || i + 1 >= s.length()) {
                out.append(ch);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case '0' -> out.append('\0');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
