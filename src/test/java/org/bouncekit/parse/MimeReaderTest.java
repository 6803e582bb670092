package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MimeReader must give mime4j's events, fields, body descriptors and content, errors included, for everything:
 * each message is read by both, configured alike (mime4j as MimeParser configured it, with the field builder it
 * gave mime4j), and the two transcripts compared. Inputs: the fixtures, hand-made structures (nesting, boundaries
 * at 4 KiB window edges, missing or malformed boundaries, encodings, digests, limits) and seeded mutations.
 */
class MimeReaderTest {
    /**
     * How the content of preambles and bodies is read: it decides where mime4j reads ahead. DIRECT reads the first
     * 100 bytes as PREFIX does, but with {@link MimeReader#readContent} on our side.
     */
    enum Reading { NONE, PREFIX, ALL, DIRECT }

    /** Limits as MimeParser maps them, with small values too so that every limit bites somewhere. */
    record Config(int maxHeaderLen, int maxHeaderCount, int maxTotalHeaderCount, long maxTotalHeaderLen, int maxDepth,
                  int maxParts) {
        static final Config DEFAULT = new Config(64 << 10, 2000, 16000, 4L << 20, 20, 500);
        static final Config SMALL = new Config(300, 12, 40, 2000, 4, 6);

        MimeConfig mime4j() {
            return new MimeConfig.Builder().setMaxLineLen(-1).setMaxHeaderLen(maxHeaderLen)
                    .setMaxHeaderCount(maxHeaderCount).setMaxTotalHeaderCount(maxTotalHeaderCount)
                    .setMaxTotalHeaderLen(maxTotalHeaderLen).setMaxContentLen(-1).setMaxNestingDepth(maxDepth)
                    .setMaxPartCount(maxParts).setStrictParsing(false).setMalformedHeaderStartsBody(false).build();
        }

        MimeReader reader() {
            return new MimeReader(maxHeaderLen, maxHeaderCount, maxTotalHeaderCount, maxTotalHeaderLen, maxDepth,
                    maxParts);
        }
    }

    // ---- transcripts ----

    static List<String> mime4j(byte[] message, Config config, Reading reading) {
        List<String> out = new ArrayList<>();
        MimeConfig mc = config.mime4j();
        MimeTokenStream stream = new MimeTokenStream(mc, DecodeMonitor.SILENT,
                new HeaderFieldBuilder(mc.getMaxHeaderLen()), null);
        stream.setRecursionMode(RecursionMode.M_RECURSE);
        try {
            stream.parse(new ByteArrayInputStream(message));
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
                StringBuilder line = new StringBuilder(s.name());
                if (s == EntityState.T_FIELD) {
                    Field f = stream.getField();
                    line.append(' ').append(f.getName()).append(": ").append(f.getBody());
                }
                if (s == EntityState.T_START_MULTIPART || s == EntityState.T_BODY || s == EntityState.T_PREAMBLE
                        || s == EntityState.T_EPILOGUE) {
                    BodyDescriptor bd = stream.getBodyDescriptor();
                    line.append(' ').append(bd.getMimeType()).append(" b=").append(bd.getBoundary()).append(" cs=")
                            .append(bd.getCharset()).append(" te=").append(bd.getTransferEncoding());
                }
                if (s == EntityState.T_PREAMBLE || s == EntityState.T_BODY) {
                    line.append(" content=").append(content(stream.getInputStream(), reading));
                }
                if (s == EntityState.T_BODY && reading == Reading.ALL) {
                    line.append(" decoded=").append(content(stream.getDecodedInputStream(), reading));
                }
                out.add(line.toString());
            }
        } catch (MimeException | IOException | RuntimeException e) {
            out.add("error " + MimeParser.describe(e));
        }
        return out;
    }

    static List<String> ours(byte[] message, Config config, Reading reading) {
        List<String> out = new ArrayList<>();
        MimeReader stream = config.reader();
        try {
            stream.parse(message);
            for (EntityState s = stream.state(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
                StringBuilder line = new StringBuilder(s.name());
                if (s == EntityState.T_FIELD) {
                    line.append(' ').append(stream.fieldName()).append(": ").append(stream.fieldBody());
                    if (!stream.fieldValue().equals(MimeParser.unfold(stream.fieldBody()))) {
                        line.append(" but unfolded as ").append(stream.fieldValue());
                    }
                }
                if (s == EntityState.T_START_MULTIPART || s == EntityState.T_BODY || s == EntityState.T_PREAMBLE
                        || s == EntityState.T_EPILOGUE) {
                    line.append(' ').append(stream.mimeType()).append(" b=").append(stream.boundary()).append(" cs=")
                            .append(stream.charset()).append(" te=").append(stream.transferEncoding());
                }
                if ((s == EntityState.T_PREAMBLE || s == EntityState.T_BODY) && reading == Reading.DIRECT) {
                    int n = stream.readContent(100);
                    line.append(" content=").append(new String(stream.contentArray(), stream.contentOffset(), n,
                            StandardCharsets.ISO_8859_1));
                } else if (s == EntityState.T_PREAMBLE || s == EntityState.T_BODY) {
                    line.append(" content=").append(content(stream.contentStream(), reading));
                }
                if (s == EntityState.T_BODY && reading == Reading.ALL) {
                    line.append(" decoded=").append(content(stream.decodedContentStream(), reading));
                }
                out.add(line.toString());
            }
        } catch (MimeException | IOException | RuntimeException e) {
            out.add("error " + MimeParser.describe(e));
        }
        return out;
    }

    /** The content as read: nothing, the first 100 bytes in odd-sized reads, or all of it. */
    private static String content(InputStream in, Reading reading) throws IOException {
        if (reading == Reading.NONE) {
            return "-";
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean prefix = reading == Reading.PREFIX || reading == Reading.DIRECT;
        byte[] buf = new byte[prefix ? 7 : 1000];
        int max = prefix ? 100 : Integer.MAX_VALUE;
        while (bytes.size() < max) {
            int n = in.read(buf, 0, Math.min(buf.length, max - bytes.size()));
            if (n < 0) {
                break;
            }
            bytes.write(buf, 0, n);
        }
        return new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    private static void same(byte[] message, Config config, Reading reading) {
        List<String> expected = mime4j(message, config, reading);
        List<String> actual = ours(message, config, reading);
        if (!expected.equals(actual)) {
            // the first difference, not two walls of text
            int i = 0;
            while (i < Math.min(expected.size(), actual.size()) && expected.get(i).equals(actual.get(i))) {
                i++;
            }
            assertEquals(i < expected.size() ? expected.get(i) : "(end)", i < actual.size() ? actual.get(i) : "(end)",
                    "event " + i + " of " + new String(message, 0, Math.min(message.length, 300),
                            StandardCharsets.ISO_8859_1));
        }
    }

    // ---- fixtures ----

    static List<byte[]> fixtures() throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/test/resources")), Files.walk(Path.of("samples")))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void fixturesReadAsMime4jReadsThem(Reading reading) throws IOException {
        int n = 0;
        for (byte[] m : fixtures()) {
            same(m, Config.DEFAULT, reading);
            same(LineEndings.toLf(m), Config.DEFAULT, reading);
            same(m, Config.SMALL, reading);
            n++;
        }
        assertTrue(n > 100, "fixtures: " + n);
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void mutatedFixturesReadAsMime4jReadsThem(Reading reading) throws IOException {
        Random random = new Random(20261128L + reading.ordinal());
        List<byte[]> fixtures = fixtures();
        for (int round = 0; round < 600; round++) {
            byte[] m = mutate(fixtures.get(random.nextInt(fixtures.size())), random);
            same(m, round % 3 == 0 ? Config.SMALL : Config.DEFAULT, reading);
        }
    }

    /** Cuts, duplicated and deleted lines, flipped bytes, inserted line breaks and dashes. */
    static byte[] mutate(byte[] m, Random random) {
        byte[] out = m.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && out.length > 2; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(6)) {
                case 0 -> out = java.util.Arrays.copyOf(out, at);
                case 1 -> out[at] = (byte) "-\n\r \t:;=\"x".charAt(random.nextInt(10));
                case 2 -> out = splice(out, at, "\n--".getBytes(StandardCharsets.ISO_8859_1));
                case 3 -> {
                    int len = Math.min(out.length - at, 1 + random.nextInt(200));
                    out = splice(out, at, java.util.Arrays.copyOfRange(out, at, at + len));
                }
                case 4 -> {
                    int len = Math.min(out.length - at, 1 + random.nextInt(200));
                    byte[] cut = new byte[out.length - len];
                    System.arraycopy(out, 0, cut, 0, at);
                    System.arraycopy(out, at + len, cut, at, out.length - at - len);
                    out = cut;
                }
                default -> out[at] = (byte) random.nextInt(256);
            }
        }
        return out;
    }

    static byte[] splice(byte[] m, int at, byte[] insert) {
        byte[] out = new byte[m.length + insert.length];
        System.arraycopy(m, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(m, at, out, at + insert.length, m.length - at);
        return out;
    }

    // ---- hand-made structures ----

    static Stream<Arguments> structures() {
        List<Arguments> cases = new ArrayList<>();
        String dsn = "Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; ida@example.org\nAction: failed\n"
                + "Status: 5.1.1\n";
        cases.add(Arguments.of("simple report", "From: a@example.net\nContent-Type: multipart/report; "
                + "report-type=delivery-status; boundary=\"B\"\n\npreamble\n--B\nContent-Type: text/plain\n\nhello\n"
                + "--B\nContent-Type: message/delivery-status\n\n" + dsn + "\n--B--\nepilogue\n"));
        cases.add(Arguments.of("no final boundary", "Content-Type: multipart/mixed; boundary=B\n\n--B\n\nfirst\n--B\n"
                + "Content-Type: text/plain\n\nsecond, never closed\n"));
        cases.add(Arguments.of("boundary never appears", "Content-Type: multipart/report; boundary=\"never\"\n\n"
                + "all of it is preamble\n" + dsn));
        cases.add(Arguments.of("boundary with trailing text and blanks", "Content-Type: multipart/mixed; boundary=B\n\n"
                + "--B  \nX: 1\n\none\n--Bextra\nnot a boundary\n--B\t\n\ntwo\n--B-- trailing\nepi\n"));
        cases.add(Arguments.of("boundary in mid line", "Content-Type: multipart/mixed; boundary=B\n\n--B\n\nsee --B here"
                + " and --B-- there\n--B--\n"));
        cases.add(Arguments.of("no preamble, empty parts", "Content-Type: multipart/mixed; boundary=B\n\n--B\n--B\n\n"
                + "--B--"));
        cases.add(Arguments.of("header without blank line", "Subject: x\nContent-Type: text/plain"));
        cases.add(Arguments.of("only a header line and body", "Subject: x\n\nbody"));
        cases.add(Arguments.of("malformed header lines", "From: a\nno colon here\nBad Name: x\n: empty\n\tfolded\n"
                + "X-\u00e9: y\nSubject :  spaced \n\nbody\n"));
        cases.add(Arguments.of("nested multiparts", "Content-Type: multipart/mixed; boundary=outer\n\n--outer\n"
                + "Content-Type: multipart/alternative; boundary=outer-inner\n\n--outer-inner\nContent-Type: text/plain"
                + "\n\nplain\n--outer-inner\nContent-Type: text/html; charset=\"utf-8\"\n\n<p>html</p>\n--outer-inner--\n"
                + "--outer\nContent-Type: message/rfc822\n\nSubject: inner\nContent-Type: multipart/mixed; boundary=i2\n\n"
                + "--i2\n\ninner text\n--i2--\n--outer--\n"));
        cases.add(Arguments.of("digest", "Content-Type: multipart/digest; boundary=D\n\n--D\n\nSubject: one\n\nbody one\n"
                + "--D\nContent-Type: text/plain\n\nnot a message\n--D--\n"));
        String inner = "Subject: encoded inner\nContent-Type: multipart/mixed; boundary=\"in\"\r\n\r\n--in\r\n"
                + "Content-Type: text/plain\r\n\r\ninside\r\n--in--\r\n";
        cases.add(Arguments.of("base64 message/rfc822", "Content-Type: multipart/mixed; boundary=B\n\n--B\n"
                + "Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(inner.getBytes(StandardCharsets.US_ASCII)) + "\n--B--\n"));
        cases.add(Arguments.of("quoted-printable message/rfc822", "Content-Type: message/rfc822\n"
                + "Content-Transfer-Encoding: Quoted-Printable\n\nSubject: qp=\n inner\nContent-Type: text/plain\n\n"
                + "caf=C3=A9 =\nsoft break\n"));
        cases.add(Arguments.of("content-type variants", "Content-Type: multipart/mixed (comment); boundary = \"a b\"; "
                + "charset=utf-8; boundary=second\n\n--second\nContent-Type: text/plain; charset=\"=?utf-8?q?x?=\"\n\n"
                + "x\n--second\nContent-type: TEXT/HTML ; CHARSET = iso-8859-1 ;\n\ny\n--second\nContent-Type: text/plain;"
                + " charset=\"utf\\\"8\"\n\nz\n--second\nContent-Type: multipart/mixed\nContent-Type: text/x\n\nw\n"
                + "--second\nContent-Type: \u00e9/\u00e8; charset=\u00fc\n\nv\n--second--\n"));
        cases.add(Arguments.of("crlf", "Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\n\r\ntext\r\n--B--\r\n"));
        cases.add(Arguments.of("empty boundary", "Content-Type: multipart/mixed; boundary=\"\"\n\n--\n\ntext\n----\n"));
        cases.add(Arguments.of("empty", ""));
        cases.add(Arguments.of("blank first line", "\nSubject: x\n\nbody\n"));
        cases.add(Arguments.of("many headers", "X: y\n".repeat(30) + "\nbody\n"));
        cases.add(Arguments.of("long header", "Subject: " + "x".repeat(400) + "\n\nbody\n"));
        cases.add(Arguments.of("long folded header", "Subject: x\n" + " y\n".repeat(200) + "\nbody\n"));
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            deep.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
        }
        deep.append("\ninnermost\n");
        cases.add(Arguments.of("deep nesting", deep.toString()));
        StringBuilder wide = new StringBuilder("Content-Type: multipart/mixed; boundary=w\n\n");
        for (int i = 0; i < 10; i++) {
            wide.append("--w\nX-Part: ").append(i).append("\n\npart ").append(i).append('\n');
        }
        wide.append("--w--\n");
        cases.add(Arguments.of("many parts", wide.toString()));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structures")
    void structuresReadAsMime4jReadsThem(String name, String message) {
        for (byte[] m : List.of(message.getBytes(StandardCharsets.UTF_8), message.getBytes(StandardCharsets.ISO_8859_1))) {
            for (Reading reading : Reading.values()) {
                same(m, Config.DEFAULT, reading);
                same(m, Config.SMALL, reading);
            }
        }
    }

    /**
     * Boundaries, fake boundaries and boundary-like prefixes placed at every offset around the ends of mime4j's
     * 4 KiB read-ahead windows, at the top level and nested: where the window cuts decides what counts there.
     */
    @ParameterizedTest
    @EnumSource(Reading.class)
    void boundariesAtWindowEdgesReadAsMime4jReadsThem(Reading reading) {
        String[] tails = {"\n--B\n", "\n--B--\n", "\n--Bx\n", "x--B\n", "\n--B-", "\n--B", "\r\n--B\r\n", "\n--B-x\n"};
        for (String tail : tails) {
            for (int pad = 4040; pad < 4110; pad++) {
                String top = "Content-Type: multipart/mixed; boundary=B\n\n--B\n\n" + "a".repeat(pad) + tail
                        + "\nafter\n--B--\n";
                same(top.getBytes(StandardCharsets.ISO_8859_1), Config.DEFAULT, reading);
                String nested = "Content-Type: multipart/mixed; boundary=A\n\n--A\nContent-Type: multipart/mixed; "
                        + "boundary=B\n\n--B\n\n" + "a".repeat(pad) + tail.replace("B", "B") + "\nmore\n--B--\n--A--\n";
                same(nested.getBytes(StandardCharsets.ISO_8859_1), Config.DEFAULT, reading);
                String prefix = "Content-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: multipart/mixed; "
                        + "boundary=B2\n\n--B2\n\n" + "a".repeat(pad) + "\n--B2\n\nx\n--B2--\n--B--\n";
                same(prefix.getBytes(StandardCharsets.ISO_8859_1), Config.DEFAULT, reading);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void randomStructuresReadAsMime4jReadsThem(Reading reading) {
        Random random = new Random(5L + reading.ordinal());
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder();
            randomEntity(sb, random, 0, "top");
            same(sb.toString().getBytes(StandardCharsets.ISO_8859_1), round % 2 == 0 ? Config.DEFAULT : Config.SMALL,
                    reading);
        }
    }

    private static void randomEntity(StringBuilder sb, Random random, int depth, String name) {
        int kind = depth > 4 ? 0 : random.nextInt(4);
        String nl = random.nextInt(10) == 0 ? "\r\n" : "\n";
        sb.append("X-Name: ").append(name).append(nl);
        if (kind == 1 || kind == 2) {
            String b = name + (random.nextBoolean() ? "" : "_x");
            sb.append("Content-Type: multipart/").append(kind == 1 ? "mixed" : "digest").append("; boundary=\"")
                    .append(b).append('"').append(nl).append(nl);
            if (random.nextBoolean()) {
                sb.append("preamble ").append("p".repeat(random.nextInt(5000))).append(nl);
            }
            int parts = random.nextInt(4);
            for (int i = 0; i < parts; i++) {
                sb.append("--").append(b).append(random.nextInt(8) == 0 ? " " : "").append(nl);
                randomEntity(sb, random, depth + 1, b + i);
                sb.append(nl);
            }
            if (random.nextInt(4) != 0) {
                sb.append("--").append(b).append("--").append(nl).append("epilogue").append(nl);
            }
        } else if (kind == 3) {
            sb.append("Content-Type: message/rfc822").append(nl).append(nl);
            randomEntity(sb, random, depth + 1, name + "m");
        } else {
            sb.append("Content-Type: text/plain").append(nl).append(nl);
            sb.append("text ".repeat(random.nextInt(random.nextInt(10) == 0 ? 3000 : 30))).append(nl);
        }
    }
}
