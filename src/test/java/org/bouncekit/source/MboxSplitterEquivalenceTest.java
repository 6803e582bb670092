package org.bouncekit.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link MboxSplitter} against the per-line splitter it replaced ({@link PerLineMboxSplitter}, kept unchanged):
 * on seeded random inputs mixing LF, CRLF and CR-only lines, blank lines, From_ lines and near-misses, quoted
 * From lines with long runs of '>', lines longer than the buffer, control and 8-bit bytes, both must give the
 * same messages (bytes, offsets, truncation, errors) and read the input in the same pieces, for every layout,
 * small buffers (so lines and look-aheads cross buffer edges), small caps, and input arriving in random pieces
 * or failing part way.
 */
class MboxSplitterEquivalenceTest {
    private static final String[] EOLS = {"\n", "\r\n", "\r"};
    private static final String[] FROM_LINES = {
        "From MAILER-DAEMON Fri Jul  8 12:08:34 2011", "From - Mon Jan  1 00:00:00 2024", "From a@b",
        "From  x", "From \tx", "From :", "From  : x", "From ", "From", "From:", "From: a@example.org", "Fro",
        "F", "FROM x", "from x", "From\tx",
    };
    private static final String[] TEXT = {
        "Subject: hello", "Received: from mx.example.org by mx.example.net", "\tby smtp.example.org",
        "Content-Type: text/plain", "--boundary", "x", "Final-Recipient: rfc822; a@example.org", "\u00e9\u00e8 \u0085",
        "tab\tinside", "nul \0 and \u000b \u000c \u000e", ">", "> quoted", ">>", "Fr", "Forwarded", " From x",
    };
    private static final String[] QUOTED_TAILS = {"From x", "Fro", "", " reply text", "From"};
    private static final int[] BUFFERS = {65, 66, 67, 70, 80, 100, 128, 200, 257, 1000, 4096};

    static Stream<Integer> seeds() {
        return IntStream.range(0, 1500).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void splitsExactlyAsThePerLineSplitter(int seed) {
        Random random = new Random(seed);
        byte[] input = randomMbox(random);
        MboxSplitter.Layout layout = MboxSplitter.Layout.values()[random.nextInt(3)];
        long cap = random.nextInt(3) == 0 ? 1 + random.nextInt(300) : SourceOptions.DEFAULT_MAX_MESSAGE_BYTES;
        SourceOptions options = SourceOptions.DEFAULT.withMaxMessageBytes(cap).withUnquoteMboxrd(random.nextInt(5) != 0);
        int buffer = random.nextInt(8) == 0 ? MboxSplitter.DEFAULT_BUFFER : BUFFERS[random.nextInt(BUFFERS.length)];
        int pieces = random.nextInt(3); // 0: whole reads, 1: random pieces, 2: random pieces, then an I/O error
        int failAfter = pieces == 2 ? random.nextInt(input.length + 1) : -1;
        long streamSeed = random.nextLong();

        assertSameAsPerLine(input, layout, options, buffer, pieces, failAfter, streamSeed);
    }

    /**
     * Every alignment of a line start against the buffer end (look-ahead) for lines the fast path steps over or
     * must not: quoted lines with runs of '>' ending just before the buffer end, From_ lines, near-misses.
     */
    @ParameterizedTest
    @MethodSource("edgeLines")
    void linesAtEveryPositionAgainstTheBufferEndSplitAsBefore(String line) {
        for (String eol : EOLS) {
            for (int shift = 0; shift < 140; shift++) {
                String mbox = "From a@b" + eol + "x".repeat(shift) + eol + line + eol + "y" + eol + eol + line + eol
                        + eol + "From c@d" + eol + line + eol;
                byte[] input = mbox.getBytes(StandardCharsets.ISO_8859_1);
                for (int buffer : new int[] {65, 100, 133}) {
                    assertSameAsPerLine(input, MboxSplitter.Layout.MBOX, SourceOptions.DEFAULT, buffer, 0, -1, 0);
                }
            }
        }
    }

    static Stream<String> edgeLines() {
        Stream<String> quoted = Stream.of("", "x", "F", "Fr", "From", "From ", "From x", "From :").flatMap(
                tail -> IntStream.of(1, 2, 55, 58, 59, 60, 61, 62, 63, 64, 65, 70).mapToObj(n -> ">".repeat(n) + tail));
        return Stream.concat(quoted, Stream.of("From x", "From :", "From" + " ".repeat(70) + "x", "Fro", ""));
    }

    private static void assertSameAsPerLine(byte[] input, MboxSplitter.Layout layout, SourceOptions options,
            int buffer, int pieces, int failAfter, long streamSeed) {
        List<Long> reads = new ArrayList<>();
        MboxSplitter splitter = new MboxSplitter("in", stream(input, pieces, failAfter, streamSeed), layout, options,
                reads::add, new MessageBuffer(), buffer);
        List<RawMessage> got = new ArrayList<>();
        for (RawMessage m = splitter.next(); m != null; m = splitter.next()) {
            got.add(m);
        }
        List<Long> expectedReads = new ArrayList<>();
        PerLineMboxSplitter reference = new PerLineMboxSplitter("in", stream(input, pieces, failAfter, streamSeed),
                layout, options, expectedReads::add, new MessageBuffer(), buffer);
        List<RawMessage> expected = new ArrayList<>();
        for (RawMessage m = reference.next(); m != null; m = reference.next()) {
            expected.add(m);
        }

        assertEquals(expected.size(), got.size(), "messages");
        for (int i = 0; i < expected.size(); i++) {
            RawMessage e = expected.get(i);
            RawMessage g = got.get(i);
            assertEquals(e.toString(), g.toString(), "message " + i);
            assertArrayEquals(e.bytes(), g.bytes(), "bytes of message " + i);
        }
        assertEquals(expectedReads, reads, "reads");
    }

    /** Lines of every kind that matters to the splitter, each with a line end drawn per file or per line. */
    private static byte[] randomMbox(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String fileEol = EOLS[random.nextInt(EOLS.length)];
        boolean mixed = random.nextInt(4) == 0;
        int lines = random.nextInt(120);
        boolean startWithFrom = random.nextInt(4) != 0;
        for (int i = 0; i < lines; i++) {
            String line;
            int kind = i == 0 && startWithFrom ? 1 : random.nextInt(20);
            if (kind == 0 || kind > 13) {
                line = "";
            } else if (kind == 1 || kind == 2) {
                line = FROM_LINES[random.nextInt(kind == 1 ? 3 : FROM_LINES.length)];
            } else if (kind == 3) {
                line = ">".repeat(1 + random.nextInt(random.nextBoolean() ? 3 : 300))
                        + QUOTED_TAILS[random.nextInt(QUOTED_TAILS.length)];
            } else if (kind == 4) {
                // From and a run of blanks: whether a sender follows is decided from the look-ahead
                line = "From" + " ".repeat(1 + random.nextInt(120)) + (random.nextBoolean() ? "x" : ":");
            } else if (kind == 5) {
                line = "y".repeat(random.nextInt(5000)); // crosses buffer edges
            } else if (kind == 6) {
                line = randomBytes(random, random.nextInt(40));
            } else {
                line = TEXT[random.nextInt(TEXT.length)];
            }
            out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
            if (i < lines - 1 || random.nextInt(4) != 0) {
                out.writeBytes((mixed ? EOLS[random.nextInt(EOLS.length)] : fileEol).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return out.toByteArray();
    }

    /** Mostly the bytes the splitter treats specially (line ends, 'F', '>', space, control bytes). */
    private static String randomBytes(Random random, int length) {
        String special = "\n\r\r\nF>>  \t\0\u000b\u000c\u000eFrom ";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(random.nextBoolean() ? special.charAt(random.nextInt(special.length())) : (char) random.nextInt(256));
        }
        return s.toString();
    }

    private static InputStream stream(byte[] input, int pieces, int failAfter, long seed) {
        return pieces == 0 ? new ByteArrayInputStream(input) : new Pieces(input, new Random(seed), failAfter);
    }

    /** Gives its bytes in pieces of random size (sometimes none), and fails after {@code failAfter} if not -1. */
    private static final class Pieces extends InputStream {
        private final byte[] data;
        private final Random random;
        private final int failAfter;
        private int at;

        Pieces(byte[] data, Random random, int failAfter) {
            this.data = data;
            this.random = random;
            this.failAfter = failAfter;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failAfter >= 0 && at >= failAfter) {
                throw new IOException("disk gone");
            }
            int end = failAfter >= 0 ? failAfter : data.length;
            if (at >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, end - at), random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(300));
            System.arraycopy(data, at, b, off, n);
            at += n;
            return n;
        }
    }
}
