package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** CRLF and lone CRs become LF, byte for byte as a plain loop over the input makes them. */
class LineEndingsTest {
    @Test
    void crlfAndLoneCrBecomeLf() {
        assertArrayEquals(bytes("a\nb\nc\n\n\nd\n"), LineEndings.toLf(bytes("a\r\nb\rc\r\n\r\rd\r")));
        assertArrayEquals(bytes("\n\n"), LineEndings.toLf(bytes("\r\n\n")));
        byte[] noCr = bytes("a\nb\n");
        assertSame(noCr, LineEndings.toLf(noCr));
    }

    @Test
    void randomMixesOfLineEndingsReadAsTheByteLoopReadsThem() {
        Random random = new Random(5);
        byte[] alphabet = bytes("\r\n\r\nab\u00e9 ");
        for (int n = 0; n < 2000; n++) {
            byte[] in = new byte[random.nextInt(40)];
            for (int i = 0; i < in.length; i++) {
                in[i] = alphabet[random.nextInt(alphabet.length)];
            }
            assertArrayEquals(byteLoop(in), LineEndings.toLf(in), () -> new String(in, StandardCharsets.ISO_8859_1));
        }
    }

    private static byte[] byteLoop(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\r') {
                out.write('\n');
                if (i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
