package org.bouncekit.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncekit.BounceClassifier;
import org.bouncekit.BounceReport;
import org.bouncekit.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property tests (plain JUnit, fixed seeds, so every failure reproduces): each sample in samples/ is
 * mutated {@value #MUTATIONS} times (bytes flipped, cut short, chunks removed, lines duplicated or swapped,
 * line endings changed, hostile tokens inserted, several at once), and for every mutant the invariants of the
 * hostile suite hold: no exception, one report, bounded time, valid JSON, terminal-safe table, safe CSV.
 * A failing mutant is named by sample, index and seed: rebuild it with {@link #mutate}.
 */
class SampleMutationTest {
    static final int MUTATIONS = 500;
    static final BounceClassifier CLASSIFIER = HostileInputTest.CLASSIFIER;
    private static final String[] TOKENS = {
        "\u0130", "=?", "=?x?Q?a?=", "--", "\0", "\u001b[2J", "\u001b]8;;http://osc-target.test/\u0007", "From ",
        "\nFrom MAILER-DAEMON Fri Jul  8 12:08:34 2011\n", "Content-Type: multipart/mixed; boundary=x\n", "&", "<", "@",
        "\"", "\n\n", "\r", "Content-Transfer-Encoding: base64\n", "charset=\"" + "x".repeat(300) + "\"", "5.1.1.1",
        "999 ", "Final-Recipient: rfc822; a@b.example\n", "Status: 9.9.9\n", "\u202e", "\u00ff\u00fe",
    };

    static Stream<Path> samples() throws IOException {
        Path dir = Path.of("samples");
        assertTrue(Files.isDirectory(dir), "run from the project directory (Maven does)");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void mutantsKeepTheInvariants(Path sample) throws IOException {
        byte[] original = Files.readAllBytes(sample);
        long seed = sample.getFileName().toString().hashCode();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < MUTATIONS; i++) {
                byte[] mutant = mutate(original, seed * 1_000_003L + i);
                String what = sample.getFileName() + " mutant " + i + " (seed " + (seed * 1_000_003L + i) + ")";
                long start = System.nanoTime();
                BounceReport r;
                try {
                    r = CLASSIFIER.classify(mutant);
                } catch (RuntimeException e) {
                    throw new AssertionError(what + " threw", e);
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(ms < HostileInputTest.GUARD.toMillis(), () -> what + " took " + ms + " ms");
                try {
                    HostileInputTest.checkInvariants(r);
                    if (i % 5 == 0) {
                        HostileInputTest.checkRendering(r); // the writers are cheap but not free: a fifth
                    }
                } catch (AssertionError e) {
                    throw new AssertionError(what + ": " + e.getMessage(), e);
                }
            }
        });
    }

    /** LF, CRLF and CR-only copies of a message classify alike (the reference corpus checks the same). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void lineEndingsDoNotChangeTheVerdicts(Path sample) throws IOException {
        String lf = Files.readString(sample, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace('\r', '\n');
        String expected = summary(CLASSIFIER.classify(lf.getBytes(StandardCharsets.ISO_8859_1)));
        for (String eol : new String[] {"\r\n", "\r"}) {
            byte[] converted = lf.replace("\n", eol).getBytes(StandardCharsets.ISO_8859_1);
            assertEquals(expected, summary(CLASSIFIER.classify(converted)), () -> "line ends " + escape(eol));
        }
    }

    private static String summary(BounceReport r) {
        StringBuilder sb = new StringBuilder(r.kind().wireName()).append(' ').append(r.mta());
        for (Verdict v : r.verdicts()) {
            sb.append(" | ").append(v.recipient()).append(' ').append(v.status()).append(' ').append(v.replyCode())
                    .append(' ').append(v.reason()).append(' ').append(v.decision());
        }
        return sb.toString();
    }

    private static String escape(String eol) {
        return eol.replace("\r", "CR").replace("\n", "LF");
    }

    /** One to three random mutations of {@code in}, chosen by {@code seed}. */
    static byte[] mutate(byte[] in, long seed) {
        Random r = new Random(seed);
        byte[] out = in;
        int rounds = 1 + r.nextInt(3);
        for (int k = 0; k < rounds; k++) {
            out = mutateOnce(out, r);
        }
        return out;
    }

    private static byte[] mutateOnce(byte[] in, Random r) {
        if (in.length == 0) {
            return token(r);
        }
        switch (r.nextInt(9)) {
            case 0: { // flip bytes
                byte[] out = in.clone();
                int flips = 1 + r.nextInt(10);
                for (int i = 0; i < flips; i++) {
                    out[r.nextInt(out.length)] = (byte) r.nextInt(256);
                }
                return out;
            }
            case 1: // cut short
                return java.util.Arrays.copyOf(in, r.nextInt(in.length));
            case 2: { // remove a chunk
                int a = r.nextInt(in.length);
                int b = Math.min(in.length, a + 1 + r.nextInt(200));
                ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
                out.write(in, 0, a);
                out.write(in, b, in.length - b);
                return out.toByteArray();
            }
            case 3: { // duplicate lines, sometimes many times
                List<String> lines = lines(in);
                int at = r.nextInt(lines.size());
                int times = r.nextInt(4) == 0 ? 200 : 1 + r.nextInt(3);
                for (int i = 0; i < times; i++) {
                    lines.add(at, lines.get(at));
                }
                return join(lines, "\n");
            }
            case 4: { // swap two lines
                List<String> lines = lines(in);
                int a = r.nextInt(lines.size());
                int b = r.nextInt(lines.size());
                String t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
                return join(lines, "\n");
            }
            case 5: { // change line endings: all CRLF, all CR, or a random mix
                List<String> lines = lines(in);
                int style = r.nextInt(3);
                StringBuilder sb = new StringBuilder();
                for (String line : lines) {
                    sb.append(line).append(style == 0 ? "\r\n" : style == 1 ? "\r" : new String[] {"\n", "\r\n", "\r"}[r.nextInt(3)]);
                }
                return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
            case 6: { // insert a hostile token
                int at = r.nextInt(in.length + 1);
                byte[] t = token(r);
                ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + t.length);
                out.write(in, 0, at);
                out.write(t, 0, t.length);
                out.write(in, at, in.length - at);
                return out.toByteArray();
            }
            case 7: { // repeat a chunk many times (long lines, floods)
                int a = r.nextInt(in.length);
                int b = Math.min(in.length, a + 1 + r.nextInt(16));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(in, 0, b);
                for (int i = 0; i < 1000; i++) {
                    out.write(in, a, b - a);
                }
                out.write(in, b, in.length - b);
                return out.toByteArray();
            }
            default: { // join two halves of different points (a splice)
                int a = r.nextInt(in.length);
                int b = r.nextInt(in.length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(in, 0, a);
                out.write(in, b, in.length - b);
                return out.toByteArray();
            }
        }
    }

    private static byte[] token(Random r) {
        return TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
    }

    /** Lines as Latin-1 text (byte for byte), any line ending. */
    private static List<String> lines(byte[] in) {
        String s = new String(in, StandardCharsets.ISO_8859_1);
        return new ArrayList<>(List.of(s.split("\r\n|\r|\n", -1)));
    }

    private static byte[] join(List<String> lines, String eol) {
        return String.join(eol, lines).getBytes(StandardCharsets.ISO_8859_1);
    }
}
