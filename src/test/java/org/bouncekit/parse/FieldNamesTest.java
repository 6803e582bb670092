package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Field names read eight bytes at a time must be what a byte-by-byte reading gives: the name in lowercase when
 * every byte is printable ASCII, else no name; cached or not, wherever the name stands in the message.
 */
class FieldNamesTest {
    @Test
    void namesAreLowercasedAndShared() {
        byte[] b = "Content-Type: text/plain\nCONTENT-TYPE: x\nTo: a\nX-MS-Exchange-Organization-SCL: 1\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("content-type", MimeReader.FieldNames.lowercase(b, 0, 12));
        assertEquals("content-type", MimeReader.FieldNames.lowercase(b, 25, 37));
        assertEquals("to", MimeReader.FieldNames.lowercase(b, 41, 43));
        assertEquals("x-ms-exchange-organization-scl", MimeReader.FieldNames.lowercase(b, 47, 77));
    }

    @Test
    void aByteOutsidePrintableAsciiIsNoName() {
        for (int c = 0; c < 256; c++) {
            for (int at : new int[] {0, 3, 7, 8, 11, 15}) {
                byte[] b = "x-sixteen-bytes!: value".getBytes(StandardCharsets.ISO_8859_1);
                b[at] = (byte) c;
                String expected = c >= 33 && c <= 126 ? reference(b, 0, 16) : null;
                assertEquals(expected, MimeReader.FieldNames.lowercase(b, 0, 16), "byte " + c + " at " + at);
                assertEquals(c >= 33 && c <= 126 ? reference(b, 0, 5) : at < 5 ? null : "x-six",
                        MimeReader.FieldNames.lowercase(b, 0, 5), "short, byte " + c + " at " + at);
            }
        }
    }

    @Test
    void randomNamesReadAsByteByByte() {
        Random random = new Random(7);
        byte[] alphabet = "aAbBzZ09-_.:@[`{~ \t\u007f\u0080\u00ff!".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 200_000; i++) {
            int len = random.nextInt(50);
            int before = random.nextInt(12);
            int after = random.nextInt(3) == 0 ? 0 : random.nextInt(12);
            byte[] b = new byte[before + len + after];
            for (int k = 0; k < b.length; k++) {
                b[k] = random.nextInt(8) == 0 ? alphabet[random.nextInt(alphabet.length)]
                        : (byte) ('A' + random.nextInt(4) + (random.nextBoolean() ? 32 : 0));
            }
            assertEquals(reference(b, before, before + len), MimeReader.FieldNames.lowercase(b, before, before + len),
                    () -> Arrays.toString(b) + " " + before + " " + len);
        }
    }

    @Test
    void namesOfOneLengthThatShareTheirEdgesStayApart() {
        byte[] nine = "aaaaaaaaa:".getBytes(StandardCharsets.ISO_8859_1);
        byte[] ten = "aaaaaaaaaa:".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 3; i++) {
            assertEquals("aaaaaaaaa", MimeReader.FieldNames.lowercase(nine, 0, 9));
            assertEquals("aaaaaaaaaa", MimeReader.FieldNames.lowercase(ten, 0, 10));
        }
        assertNull(MimeReader.FieldNames.lowercase("a b:".getBytes(StandardCharsets.ISO_8859_1), 0, 3));
    }

    private static String reference(byte[] b, int start, int end) {
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < end; i++) {
            int c = b[i] & 0xff;
            if (c < 33 || c > 126) {
                return null;
            }
            sb.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c));
        }
        return sb.toString();
    }
}
