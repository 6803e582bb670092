package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.bouncekit.BounceClassifier;
import org.bouncekit.BounceReport;
import org.bouncekit.Evidence;
import org.bouncekit.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Older and odder bounce formats (GroupWise, MDaemon, Kerio, Zimbra, old AOL/Hotmail/Yahoo, Sendmail and
 * qmail variants, localized Exchange NDRs), challenge-response messages and mailing-list moderation
 * notices, and ordinary mail that must not be taken for any of them. Each fixture in
 * {@code fixtures/odd/NAME.eml} is classified whole with LF, CRLF and CR line endings and checked against
 * {@code NAME.properties}: {@code kind}, optional {@code mta}, {@code count}, and per verdict
 * {@code N.recipient}, {@code N.status}, {@code N.replyCode}, {@code N.reason}, {@code N.decision},
 * {@code N.class}, {@code N.remoteMta}, {@code N.willRetryUntil} (exact), {@code N.diagnostic} (a part of the diagnostic) and {@code N.evidence} (the
 * start of one evidence rule). A key that is absent is not checked; {@code -} means null.
 *
 * <p>{@code fixtures/blind/} holds a blind test of generalization in the same form: bounces, auto-replies and
 * look-alikes written from what MTAs and providers are known to send (Postfix, Exim, Sendmail, qmail, Courier,
 * OpenSMTPD, Haraka, IronPort, Microsoft 365, Gmail, Yahoo, iCloud, Mimecast, Proofpoint, prose bounces in eight
 * languages), written before any rule was tuned for them.
 */
class OddFormatsTest {
    /** Each folder with the least number of fixtures it must hold. */
    private static final Map<String, Integer> DIRS = Map.of("/fixtures/odd/", 30, "/fixtures/blind/", 25);
    private static final BounceClassifier CLASSIFIER = BounceClassifier.create();

    static Stream<Arguments> fixtures() {
        List<Arguments> out = new ArrayList<>();
        for (String dir : DIRS.keySet()) {
            for (String name : fixtureNames(dir)) {
                for (String eol : List.of("LF", "CRLF", "CR")) {
                    out.add(Arguments.of(dir + name, eol));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixtures")
    void classifiesAsExpected(String name, String eol) {
        Properties expected = load(name + ".properties");
        BounceReport report = CLASSIFIER.classify(withLineEndings(read(name + ".eml"), eol));
        String where = name + " (" + eol + ")";
        assertEquals(expected.getProperty("kind"), report.kind().wireName(), where + " kind");
        if (expected.containsKey("mta")) {
            assertEquals(expected.getProperty("mta"), report.mta(), where + " mta");
        }
        List<Verdict> verdicts = report.verdicts();
        assertEquals(Integer.parseInt(expected.getProperty("count")), verdicts.size(), where + " verdicts " + verdicts);
        for (int i = 0; i < verdicts.size(); i++) {
            check(expected, i + 1, verdicts.get(i), where);
        }
    }

    @Test
    void everyFixtureHasItsExpectations() {
        DIRS.forEach((dir, least) -> {
            List<String> names = fixtureNames(dir);
            assertTrue(names.size() >= least, dir + " fixtures found: " + names);
            for (String name : names) {
                Properties p = load(dir + name + ".properties");
                assertNotNull(p.getProperty("kind"), name + " kind");
                assertNotNull(p.getProperty("count"), name + " count");
            }
        });
    }

    private static void check(Properties expected, int n, Verdict v, String where) {
        String at = where + " verdict " + n + " ";
        expect(expected, n + ".recipient", v.recipient(), at);
        expect(expected, n + ".status", v.status(), at);
        expect(expected, n + ".replyCode", v.replyCode() == null ? null : v.replyCode().toString(), at);
        expect(expected, n + ".reason", v.reason().wireName(), at);
        expect(expected, n + ".decision", v.decision().wireName(), at);
        expect(expected, n + ".class", v.bounceClass().wireName(), at);
        expect(expected, n + ".remoteMta", v.remoteMta(), at);
        expect(expected, n + ".willRetryUntil", v.willRetryUntil(), at);
        String part = expected.getProperty(n + ".diagnostic");
        if (part != null) {
            assertNotNull(v.diagnostic(), at + "diagnostic");
            assertTrue(v.diagnostic().contains(part), at + "diagnostic: " + v.diagnostic());
        }
        String rule = expected.getProperty(n + ".evidence");
        if (rule != null) {
            boolean found = false;
            for (Evidence e : v.evidence()) {
                found |= e.rule().startsWith(rule);
            }
            assertTrue(found, at + "evidence " + v.evidence());
        }
    }

    private static void expect(Properties expected, String key, String actual, String at) {
        if (expected.containsKey(key)) {
            String want = expected.getProperty(key);
            assertEquals(want.equals("-") ? null : want, actual, at + key);
        }
    }

    /** The fixture with its lines ending in LF, CRLF or CR. */
    private static byte[] withLineEndings(byte[] raw, String eol) {
        String text = new String(raw, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertFalse(text.indexOf('\r') >= 0, "fixtures are written with LF line endings");
        String sep = eol.equals("CRLF") ? "\r\n" : eol.equals("CR") ? "\r" : "\n";
        return text.replace("\n", sep).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> fixtureNames(String folder) {
        URL dir = OddFormatsTest.class.getResource(folder);
        assertNotNull(dir, folder);
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".eml"))
                    .map(f -> f.substring(0, f.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = OddFormatsTest.class.getResourceAsStream(file)) {
            assertNotNull(in, file);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(String file) {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(read(file)), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
