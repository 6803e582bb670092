package org.bouncekit.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finding a byte in a byte[] eight bytes at a time: a plain loop costs about a nanosecond per byte, and the whole
 * message is searched for CRs, every header line for its end. The test for a zero byte in a word
 * ({@code (x - 0x01..) & ~x & 0x80..}) flags the first matching byte exactly (a borrow can only flag bytes after it).
 */
final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteScan() {
    }

    /** The first index of {@code target} in {@code a[from, to)}, or -1. */
    static int indexOf(byte[] a, byte target, int from, int to) {
        long pattern = (target & 0xFFL) * ONES;
        int i = from;
        for (; i <= to - 8; i += 8) {
            long x = (long) LONGS.get(a, i) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        if (i < to && to - from >= 8) {
            // the last eight bytes in one word rather than up to seven one by one (most searches are header
            // lines): the ones already looked at hold no target, so the first found is the first after them
            long x = (long) LONGS.get(a, to - 8) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;
            return found != 0 ? to - 8 + (Long.numberOfTrailingZeros(found) >>> 3) : -1;
        }
        for (; i < to; i++) {
            if (a[i] == target) {
                return i;
            }
        }
        return -1;
    }

    /** The eight bytes {@code a[i, i + 8)} as a little-endian long: byte {@code a[i]} is the lowest. */
    static long longAt(byte[] a, int i) {
        return (long) LONGS.get(a, i);
    }

    static final int NON_ASCII = 1;
    static final int CR = 2;
    static final int LF = 4;

    /** Which of {@link #NON_ASCII}, {@link #CR} and {@link #LF} occur in {@code a[from, to)}. */
    static int kinds(byte[] a, int from, int to) {
        long crs = '\r' * ONES;
        long lfs = '\n' * ONES;
        long high = 0;
        long cr = 0;
        long lf = 0;
        int i = from;
        for (; i <= to - 8; i += 8) {
            long w = (long) LONGS.get(a, i);
            high |= w;
            long x = w ^ crs;
            cr |= (x - ONES) & ~x;
            long y = w ^ lfs;
            lf |= (y - ONES) & ~y;
        }
        if (i < to && to - from >= 8) {
            // the last eight bytes in one word, some of them again: the kinds are the same
            long w = (long) LONGS.get(a, to - 8);
            high |= w;
            long x = w ^ crs;
            cr |= (x - ONES) & ~x;
            long y = w ^ lfs;
            lf |= (y - ONES) & ~y;
            i = to;
        }
        // exact: without a zero byte in x nothing borrows, and ~x drops the bytes of 0x80 and above
        int kinds = (high & HIGHS) != 0 ? NON_ASCII : 0;
        kinds |= (cr & HIGHS) != 0 ? CR : 0;
        kinds |= (lf & HIGHS) != 0 ? LF : 0;
        for (; i < to; i++) {
            byte c = a[i];
            kinds |= c < 0 ? NON_ASCII : c == '\r' ? CR : c == '\n' ? LF : 0;
        }
        return kinds;
    }
}
