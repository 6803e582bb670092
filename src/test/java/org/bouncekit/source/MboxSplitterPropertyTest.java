package org.bouncekit.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random mboxes (mboxrd-quoted by a writer in the test) must split back into exactly the messages
 * written, whatever the buffer size, the line ending, the size cap and how the bytes arrive.
 */
class MboxSplitterPropertyTest {
    private static final String[] LINES = {
        "", "", "", "Subject: hello", "Received: from mx.example.org by mx.example.net", "From somebody",
        "From ", ">From quoted", ">>From twice quoted", "From: header-like", "> From spaced", "From",
        "From MAILER-DAEMON Fri Jul  8 12:08:34 2011", "\u00e9\u00e8 latin-1 bytes \u0085",
        "\0 nul", "x".repeat(300), ">", ">>>>>>>>From deep",
    };
    private static final String[] FROM_LINES = {
        "From MAILER-DAEMON Fri Jul  8 12:08:34 2011", "From - Mon Jan  1 00:00:00 2024",
        "From MAILER-DAEMON  Wed Sep 17 22:25:40 2008", "From a@example.org Thu Jan  1 00:00:00 1970",
    };
    private static final int[] BUFFERS = {65, 66, 67, 80, 100, 257, 4096, MboxSplitter.DEFAULT_BUFFER};
    private static final String[] EOLS = {"\n", "\r\n", "\r"};

    @TempDir
    Path dir;

    static Stream<Integer> seeds() {
        return IntStream.range(0, 300).boxed();
    }

    private record Case(byte[] mbox, List<String> expected, List<Boolean> truncated, List<Long> offsets,
            SourceOptions options, int buffer) {
    }

    /** Builds a case. {@code single} says how a one-message input is read: as a .eml (true) or an mbox. */
    private static Case generate(int seed, boolean emlWhenSingle) {
        Random random = new Random(seed);
        String eol = EOLS[random.nextInt(EOLS.length)];
        int count = 1 + random.nextInt(7);
        long cap = random.nextInt(4) == 0 ? 1 + random.nextInt(120) : SourceOptions.DEFAULT_MAX_MESSAGE_BYTES;
        int buffer = BUFFERS[random.nextInt(BUFFERS.length)];
        StringBuilder mbox = new StringBuilder();
        List<String> expected = new ArrayList<>();
        List<Boolean> truncated = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            offsets.add((long) mbox.length());
            mbox.append(FROM_LINES[random.nextInt(FROM_LINES.length)]).append(eol);
            StringBuilder content = new StringBuilder();
            StringBuilder quoted = new StringBuilder();
            List<Integer> added = new ArrayList<>(); // where the writer added a '>
            int lines = random.nextInt(12);
            for (int i = 0; i < lines; i++) {
                String line = LINES[random.nextInt(LINES.length)];
                if (random.nextInt(40) == 0 && buffer > 200) {
                    line = ">".repeat(120) + "From a long quote run"; // crosses the look-ahead, fits the buffer
                }
                content.append(line).append(eol);
                if (line.matches(">*From .*")) {
                    added.add(quoted.length());
                    quoted.append('>');
                }
                quoted.append(line).append(eol);
            }
            mbox.append(quoted).append(eol);
            boolean eml = emlWhenSingle && count == 1;
            String stored = eml ? quoted + eol : quoted.toString();
            if (stored.length() > cap) {
                String prefix = stored.substring(0, (int) cap);
                expected.add(eml ? prefix : withoutAdded(prefix, added));
                truncated.add(true);
            } else {
                expected.add(eml ? stored : content.toString());
                truncated.add(false);
            }
        }
        return new Case(mbox.toString().getBytes(StandardCharsets.ISO_8859_1), expected, truncated, offsets,
                SourceOptions.DEFAULT.withMaxMessageBytes(cap), buffer);
    }

    /** The first bytes of a quoted message without the '>' the writer added (the whole line decides). */
    private static String withoutAdded(String prefix, List<Integer> added) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = added.size() - 1; i >= 0; i--) {
            if (added.get(i) < prefix.length()) {
                out.deleteCharAt(added.get(i));
            }
        }
        return out.toString();
    }

    private static void check(Case c, List<RawMessage> read) {
        assertEquals(c.expected(), read.stream().map(m -> new String(m.bytes(), StandardCharsets.ISO_8859_1)).toList());
        assertEquals(c.truncated(), read.stream().map(RawMessage::truncated).toList());
        assertEquals(c.offsets(), read.stream().map(RawMessage::offset).toList());
        assertEquals(IntStream.range(0, read.size()).boxed().toList(), read.stream().map(RawMessage::index).toList());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void namedMboxSplitsBackIntoTheMessagesWritten(int seed) throws IOException {
        Case c = generate(seed, false);
        Path file = Files.write(dir.resolve("random.mbox"), c.mbox());
        SourceFixtures.Result r = SourceFixtures.read(List.of(file.toString()), c.options(),
                new ByteArrayInputStream(new byte[0]), c.buffer());
        check(c, r.messages());
        assertEquals(c.mbox().length, r.bytesRead());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void stdinArrivingInRandomPiecesSplitsTheSame(int seed) {
        Case c = generate(seed, true);
        InputStream trickle = new Trickle(c.mbox(), new Random(~seed));
        SourceFixtures.Result r = SourceFixtures.read(List.of("-"), c.options(), trickle, c.buffer());
        check(c, r.messages());
        r.messages().forEach(m -> assertEquals("-", m.source()));
    }

    /** Gives its bytes in pieces of random size, as a pipe does. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private final Random random;
        private int at;

        Trickle(byte[] data, Random random) {
            this.data = data;
            this.random = random;
        }

        @Override
        public int read() {
            return at < data.length ? data[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, data.length - at), 1 + random.nextInt(random.nextBoolean() ? 8 : 200));
            System.arraycopy(data, at, b, off, n);
            at += n;
            return n;
        }
    }
}
