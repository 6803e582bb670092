package org.bouncekit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Classifies every bundled sample in {@code samples/} and checks it against its expected verdicts in
 * {@code src/test/resources/fixtures/expected/<sample>.properties}.
 *
 * <p>Fixture keys: {@code kind}, {@code verdicts.count}, {@code original.messageId}, and per verdict i (0-based,
 * in the order the bounce lists the recipients) {@code vi.recipient}, {@code vi.status}, {@code vi.replyCode},
 * {@code vi.class}, {@code vi.reason}, {@code vi.decision}. A key that is absent is not asserted; an unknown key
 * fails the test, so a typo cannot silently turn a check off.
 */
class SampleFixtureTest {
    private static final Path SAMPLES = Path.of("samples");
    private static final Path EXPECTED = Path.of("src", "test", "resources", "fixtures", "expected");
    private static final Path MBOX = SAMPLES.resolve("bounces.mbox");

    private static final Pattern VERDICT_KEY = Pattern.compile("v(\\d{1,3})\\.(\\w{1,20})");
    private static final List<String> MESSAGE_KEYS = List.of("kind", "verdicts.count", "original.messageId");
    private static final List<String> VERDICT_FIELDS =
            List.of("recipient", "status", "replyCode", "class", "reason", "decision");

    private static final BounceClassifier CLASSIFIER = BounceClassifier.create();

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList();
            assertFalse(list.isEmpty(), "no samples found in " + SAMPLES.toAbsolutePath());
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void classifiesAsExpected(Path sample) throws IOException {
        Properties expected = fixtureFor(sample);
        BounceReport report = CLASSIFIER.classify(Files.readAllBytes(sample));

        assertNotNull(report, "classify returned null");
        assertNull(report.error(), "unexpected error: " + report.error());
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(expected.getProperty("kind"), report.kind().wireName(), "kind"));
        String count = expected.getProperty("verdicts.count");
        if (count != null) {
            checks.add(() -> assertEquals(Integer.parseInt(count), report.verdicts().size(),
                    () -> "number of verdicts: " + describe(report.verdicts())));
        }
        String originalId = expected.getProperty("original.messageId");
        if (originalId != null) {
            checks.add(() -> assertEquals(originalId, withoutAngleBrackets(report.original().messageId()),
                    "original Message-ID"));
        }
        for (int i : verdictIndexes(expected)) {
            if (i >= report.verdicts().size()) {
                checks.add(() -> fail("fixture expects verdict v" + i + " but the report has only "
                        + describe(report.verdicts())));
                continue;
            }
            Verdict v = report.verdicts().get(i);
            String p = "v" + i + ".";
            addCheck(checks, expected, p + "recipient", v, Verdict::recipient);
            addCheck(checks, expected, p + "status", v, Verdict::status);
            addCheck(checks, expected, p + "replyCode", v,
                    x -> x.replyCode() == null ? null : String.valueOf(x.replyCode()));
            addCheck(checks, expected, p + "class", v,
                    x -> x.bounceClass() == null ? null : x.bounceClass().wireName());
            addCheck(checks, expected, p + "reason", v, x -> x.reason() == null ? null : x.reason().wireName());
            addCheck(checks, expected, p + "decision", v,
                    x -> x.decision() == null ? null : x.decision().wireName());
        }
        assertAll(sample.getFileName().toString(), checks);
    }

    /** LF, CRLF and CR-only copies of a message must give the same report (issue 3, "Line endings"). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void lineEndingsDoNotChangeTheReport(Path sample) throws IOException {
        byte[] lf = Files.readAllBytes(sample);
        for (byte b : lf) {
            assertTrue(b != '\r', sample + " must use LF line endings only");
        }
        BounceReport reference = CLASSIFIER.classify(lf);
        BounceReport crlf = CLASSIFIER.classify(replaceLf(lf, new byte[] {'\r', '\n'}));
        BounceReport cr = CLASSIFIER.classify(replaceLf(lf, new byte[] {'\r'}));
        assertAll(
                () -> assertSameReport(reference, crlf, "CRLF"),
                () -> assertSameReport(reference, cr, "CR"));
    }

    @Test
    void everySampleHasAFixtureAndEveryFixtureASample() throws IOException {
        TreeSet<String> sampleNames = new TreeSet<>();
        samples().forEach(p -> sampleNames.add(stripSuffix(p, ".eml")));
        TreeSet<String> fixtureNames = new TreeSet<>();
        try (Stream<Path> files = Files.list(EXPECTED)) {
            files.filter(p -> p.getFileName().toString().endsWith(".properties"))
                    .forEach(p -> fixtureNames.add(stripSuffix(p, ".properties")));
        }
        assertEquals(sampleNames, fixtureNames, "samples/*.eml and fixtures/expected/*.properties must pair up");
    }

    @Test
    void fixturesUseOnlyKnownKeysAndValues() throws IOException {
        for (Path sample : samples().toList()) {
            Properties p = fixtureFor(sample);
            for (String key : p.stringPropertyNames()) {
                Matcher m = VERDICT_KEY.matcher(key);
                assertTrue(MESSAGE_KEYS.contains(key) || (m.matches() && VERDICT_FIELDS.contains(m.group(2))),
                        sample + ": unknown fixture key " + key);
            }
            assertNotNull(p.getProperty("kind"), sample + ": kind is required");
            for (int i : verdictIndexes(p)) {
                String reason = p.getProperty("v" + i + ".reason");
                assertTrue(reason == null || Reason.fromWireName(reason) != null, sample + ": reason " + reason);
                String decision = p.getProperty("v" + i + ".decision");
                assertTrue(decision == null || Decision.fromWireName(decision) != null,
                        sample + ": decision " + decision);
            }
        }
    }

    /**
     * bounces.mbox holds the same messages as the .eml files, in file-name order (see samples/build-mbox.sh):
     * the mbox reader must find each one, undo the mboxrd quoting, and the classifier must give the same report.
     * The reader is looked up reflectively because org.bouncekit.source is written in parallel with this test.
     */
    @Test
    void mboxHoldsEverySampleAndGivesTheSameReports() throws Exception {
        List<Path> samples = samples().toList();
        List<byte[]> fromMbox = readMbox(MBOX);

        assertEquals(samples.size(), fromMbox.size(), "messages in " + MBOX + " vs samples/*.eml");
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Path sample = samples.get(i);
            byte[] eml = Files.readAllBytes(sample);
            byte[] entry = fromMbox.get(i);
            checks.add(() -> assertArrayEquals(eml, entry, "mbox entry differs from " + sample));
            checks.add(() -> assertSameReport(CLASSIFIER.classify(eml), CLASSIFIER.classify(entry),
                    "mbox entry for " + sample));
        }
        assertAll(checks);
    }

    private static List<byte[]> readMbox(Path mbox) throws Exception {
        Class<?> sources;
        Class<?> options;
        Method open;
        try {
            sources = Class.forName("org.bouncekit.source.MessageSources");
            options = Class.forName("org.bouncekit.source.SourceOptions");
            open = sources.getMethod("open", List.class, options, Consumer.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            assumeTrue(false, "org.bouncekit.source.MessageSources.open(List, SourceOptions, Consumer) is not"
                    + " available (" + e + "); skipping the mbox check until the source package exists");
            throw new AssertionError("unreachable");
        }
        List<String> pathErrors = new ArrayList<>();
        Consumer<String> onPathError = pathErrors::add;
        Object it;
        try {
            it = open.invoke(null, List.of(mbox.toString()), options.getField("DEFAULT").get(null), onPathError);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        List<byte[]> messages = new ArrayList<>();
        try (Closeable closeable = (Closeable) it) {
            Iterator<?> iterator = (Iterator<?>) it;
            while (iterator.hasNext()) {
                Object raw = iterator.next();
                Object error = raw.getClass().getMethod("error").invoke(raw);
                assertNull(error, "reading " + mbox + " failed: " + error);
                messages.add((byte[]) raw.getClass().getMethod("bytes").invoke(raw));
            }
        }
        assertEquals(List.of(), pathErrors, "path errors");
        return messages;
    }

    private static void assertSameReport(BounceReport expected, BounceReport actual, String variant) {
        assertAll(variant,
                () -> assertEquals(expected.kind(), actual.kind(), variant + ": kind"),
                () -> assertEquals(expected.messageId(), actual.messageId(), variant + ": messageId"),
                () -> assertEquals(expected.original(), actual.original(), variant + ": original"),
                () -> assertEquals(expected.verdicts(), actual.verdicts(), variant + ": verdicts"));
    }

    private static void addCheck(List<Executable> checks, Properties expected, String key, Verdict v,
                                 Function<Verdict, String> actual) {
        String want = expected.getProperty(key);
        if (want != null) {
            checks.add(() -> assertEquals(want, actual.apply(v), key + " (verdict " + describe(v) + ")"));
        }
    }

    private static TreeSet<Integer> verdictIndexes(Properties p) {
        TreeSet<Integer> indexes = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            Matcher m = VERDICT_KEY.matcher(key);
            if (m.matches()) {
                indexes.add(Integer.parseInt(m.group(1)));
            }
        }
        return indexes;
    }

    private static Properties fixtureFor(Path sample) throws IOException {
        Path fixture = EXPECTED.resolve(stripSuffix(sample, ".eml") + ".properties");
        assertTrue(Files.isRegularFile(fixture), "missing fixture " + fixture);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(fixture, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static byte[] replaceLf(byte[] lf, byte[] newline) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lf.length + lf.length / 16);
        for (byte b : lf) {
            if (b == '\n') {
                out.writeBytes(newline);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static String stripSuffix(Path p, String suffix) {
        String name = p.getFileName().toString();
        return name.substring(0, name.length() - suffix.length());
    }

    private static String withoutAngleBrackets(String id) {
        if (id == null) {
            return null;
        }
        String s = id.strip();
        return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
    }

    private static String describe(List<Verdict> verdicts) {
        return verdicts.stream().map(SampleFixtureTest::describe).toList().toString();
    }

    private static String describe(Verdict v) {
        return v.recipient() + " " + v.status() + " " + v.replyCode() + " " + v.bounceClass() + " " + v.reason()
                + " " + v.decision();
    }
}
