package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The word-at-a-time searches give what a plain loop over the bytes gives, at every offset and length. */
class ByteScanTest {
    /** Bytes near the ones searched for (a borrow or a high bit could be mistaken for them) and plain ones. */
    private static final byte[] ALPHABET = {'\r', '\n', ':', 'a', ' ', 0, 1, 0x0c, 0x0e, (byte) 0x80, (byte) 0x8d,
        (byte) 0x8a, (byte) 0xff, '9', ';'};

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L})
    void findsWhatAPlainLoopFinds(long seed) {
        Random random = new Random(seed);
        for (int t = 0; t < 20_000; t++) {
            byte[] a = new byte[random.nextInt(40)];
            // mostly one filler byte, so that targets are rare and found late, or not at all
            byte filler = ALPHABET[random.nextInt(ALPHABET.length)];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextInt(6) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : filler;
            }
            int from = a.length == 0 ? 0 : random.nextInt(a.length + 1);
            int to = from + random.nextInt(a.length - from + 1);
            byte target = ALPHABET[random.nextInt(4)];
            String where = java.util.Arrays.toString(a) + " [" + from + ", " + to + ")";
            assertEquals(plainIndexOf(a, target, from, to), ByteScan.indexOf(a, target, from, to), where + " " + target);
            assertEquals(plainKinds(a, from, to), ByteScan.kinds(a, from, to), where);
        }
    }

    private static int plainIndexOf(byte[] a, byte target, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] == target) {
                return i;
            }
        }
        return -1;
    }

    private static int plainKinds(byte[] a, int from, int to) {
        int kinds = 0;
        for (int i = from; i < to; i++) {
            kinds |= a[i] < 0 ? ByteScan.NON_ASCII : a[i] == '\r' ? ByteScan.CR : a[i] == '\n' ? ByteScan.LF : 0;
        }
        return kinds;
    }
}
