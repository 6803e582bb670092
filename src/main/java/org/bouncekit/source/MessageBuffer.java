package org.bouncekit.source;

import java.util.Arrays;

/** The bytes of the message being read, kept up to a cap; reused from message to message. */
final class MessageBuffer {
    private static final int INITIAL = 64 << 10;
    /** A buffer grown past this by one huge message is dropped afterwards, so it is not held for the whole scan. */
    private static final int KEEP_AT_MOST = 4 << 20;

    private byte[] bytes = new byte[INITIAL];
    private int length;

    int length() {
        return length;
    }

    byte[] array() {
        return bytes;
    }

    /** Appends what fits below {@code cap}; the rest is dropped (the caller counts it). */
    void append(byte[] src, int offset, int count, long cap) {
        int take = (int) Math.min(count, cap - length);
        if (take <= 0) {
            return;
        }
        int needed = length + take;
        if (needed > bytes.length) {
            long grown = Math.max((long) bytes.length * 2, needed);
            bytes = Arrays.copyOf(bytes, (int) Math.min(grown, Math.max(cap, needed)));
        }
        System.arraycopy(src, offset, bytes, length, take);
        length = needed;
    }

    void reset() {
        length = 0;
        if (bytes.length > KEEP_AT_MOST) {
            bytes = new byte[INITIAL];
        }
    }
}
