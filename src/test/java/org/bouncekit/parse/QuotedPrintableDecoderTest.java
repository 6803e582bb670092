package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * QuotedPrintableDecoder must give mime4j's bytes for every input, however it arrives (the reads of its input
 * return chunks of any size) and however it is read (reads of any length): both decode the same seeded random and
 * mutated inputs through the same chunking and the outputs are compared.
 */
class QuotedPrintableDecoderTest {
    /** Bytes that steer the decoder: escapes, line breaks, blanks of every kind, hex digits, and some others. */
    private static final byte[] ALPHABET = "==========\r\r\r\n\n\n\n  \t\t\u000b\u000c\u001c\u001f0189AFaf3DGgz.-"
            .getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void decodesWhatMailHolds() throws IOException {
        String qp = "Caf=C3=A9 au lait =\nsoft break, trailing blanks   \nhard=20\r\nend==\nlast=3D=3d";
        assertArrayEquals(mime4j(qp.getBytes(StandardCharsets.ISO_8859_1), 0, Integer.MAX_VALUE),
                ours(qp.getBytes(StandardCharsets.ISO_8859_1), 0, Integer.MAX_VALUE));
        assertEquals("Café au lait soft break, trailing blanks\r\nhard \r\nend=last==",
                new String(ours(qp.getBytes(StandardCharsets.ISO_8859_1), 0, Integer.MAX_VALUE),
                        StandardCharsets.UTF_8));
    }

    @Test
    void blanksAreWhatCharacterIsWhitespaceSays() {
        for (int b = 0; b < 256; b++) {
            assertEquals(Character.isWhitespace(b), QuotedPrintableDecoder.isBlank(b), "byte " + b);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomInputsDecodeAsMime4jDecodesThem(long seed) throws IOException {
        Random random = new Random(seed);
        for (int i = 0; i < 400; i++) {
            byte[] input = random.nextInt(4) == 0 ? mutated(random) : randomBytes(random);
            long chunking = random.nextLong();
            int maxRead = random.nextInt(3) == 0 ? 1 + random.nextInt(8) : 1 + random.nextInt(5000);
            assertArrayEquals(mime4j(input, chunking, maxRead), ours(input, chunking, maxRead),
                    "seed " + seed + " input " + i);
        }
    }

    @Test
    void aDecoderUsedAgainForgetsTheLastInput() throws IOException {
        Random random = new Random(42);
        QuotedPrintableDecoder decoder = new QuotedPrintableDecoder(null);
        for (int i = 0; i < 200; i++) {
            byte[] input = randomBytes(random);
            int maxRead = 1 + random.nextInt(300);
            // stop somewhere in the middle: state left behind must not leak into the next input
            drain(decoder.reset(new ChunkedInput(input, i)), maxRead, random.nextInt(3));
            assertArrayEquals(mime4j(input, i, maxRead), drain(decoder.reset(new ChunkedInput(input, i)), maxRead, -1),
                    "input " + i);
        }
    }

    @Test
    void aLongRunOfBlanksIsDecodedAndNotKeptForTheNextInput() throws IOException {
        byte[] blanks = new byte[200_000];
        java.util.Arrays.fill(blanks, (byte) ' ');
        blanks[blanks.length - 1] = 'x';
        QuotedPrintableDecoder decoder = new QuotedPrintableDecoder(null);
        assertArrayEquals(mime4j(blanks, 0, 4096), drain(decoder.reset(new ChunkedInput(blanks, 0)), 4096, -1));
        byte[] small = "a=3Db \nc".getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(mime4j(small, 0, 100), drain(decoder.reset(new ChunkedInput(small, 0)), 100, -1));
    }

    private static byte[] randomBytes(Random random) {
        int len = random.nextInt(3) == 0 ? random.nextInt(10000) : random.nextInt(60);
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            b[i] = random.nextInt(10) == 0 ? (byte) random.nextInt(256) : ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return b;
    }

    /** Plausible quoted-printable with a few bytes changed, removed or doubled. */
    private static byte[] mutated(Random random) {
        StringBuilder sb = new StringBuilder();
        int lines = 1 + random.nextInt(200);
        for (int l = 0; l < lines; l++) {
            int len = random.nextInt(80);
            for (int i = 0; i < len; i++) {
                int r = random.nextInt(12);
                if (r == 0) {
                    sb.append('=').append(String.format("%02X", random.nextInt(256)));
                } else if (r == 1) {
                    sb.append(' ');
                } else {
                    sb.append((char) ('a' + random.nextInt(26)));
                }
            }
            sb.append(random.nextInt(4) == 0 ? "=" : "").append(random.nextBoolean() ? "\r\n" : "\n");
        }
        byte[] b = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        for (int m = random.nextInt(6); m > 0 && b.length > 0; m--) {
            b[random.nextInt(b.length)] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return b;
    }

    private static byte[] mime4j(byte[] input, long chunking, int maxRead) throws IOException {
        return drain(new QuotedPrintableInputStream(new ChunkedInput(input, chunking), DecodeMonitor.SILENT), maxRead,
                -1);
    }

    private static byte[] ours(byte[] input, long chunking, int maxRead) throws IOException {
        return drain(new QuotedPrintableDecoder(new ChunkedInput(input, chunking)), maxRead, -1);
    }

    /** Everything {@code in} gives (or only the first {@code reads} reads), read {@code maxRead} bytes at a time. */
    private static byte[] drain(InputStream in, int maxRead, int reads) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[Math.min(maxRead, 1 << 16) + 3];
        for (int r = 0; reads < 0 || r < reads; r++) {
            int n = maxRead == 1 && r % 2 == 0 ? single(in, buf) : in.read(buf, 3, Math.min(maxRead, buf.length - 3));
            if (n == -1) {
                break;
            }
            out.write(buf, 3, n);
        }
        return out.toByteArray();
    }

    private static int single(InputStream in, byte[] buf) throws IOException {
        int b = in.read();
        if (b == -1) {
            return -1;
        }
        buf[3] = (byte) b;
        return 1;
    }

    /** An input whose reads return chunks of seeded random sizes (all at once for seed 0). */
    private static final class ChunkedInput extends InputStream {
        private final byte[] data;
        private final Random random;
        private int pos;

        ChunkedInput(byte[] data, long seed) {
            this.data = data;
            this.random = seed == 0 ? null : new Random(seed);
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(len, data.length - pos);
            if (random != null) {
                n = Math.min(n, random.nextInt(4) == 0 ? 1 + random.nextInt(4) : 1 + random.nextInt(3000));
            }
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
