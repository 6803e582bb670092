package org.bouncekit.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Quoted-printable decoding with exactly the output of mime4j 0.8.15's lenient {@code QuotedPrintableInputStream}
 * (a {@code DecodeMonitor.SILENT} one), malformed input included: a line break comes out as CRLF, white space before
 * a line break is dropped, "=" and a blank is a soft line break, a bad escape is kept as it stands. mime4j reads its
 * input through a window of 4,000 bytes and a few of its answers depend on what the window holds ("==" before a CR
 * that ends the window); this decoder keeps the same window, fed by the same reads, so it gives the same answers.
 *
 * <p>The point of it: mime4j takes its window and two queues from a per-thread recycler that hands out fresh arrays
 * of 4,000 bytes for every stream that is never closed, 12 KB per quoted-printable part. This one is
 * {@link #reset} and used again, part after part.
 */
final class QuotedPrintableDecoder extends InputStream {
    /**
     * mime4j asks its recycler for 2 KiB and gets 4,000 bytes: the least it hands out, and the size of every window
     * a closed stream returns to it (its own and Base64InputStream's, all of the default size).
     */
    private static final int WINDOW = 4000;
    private static final int EQ = '=';
    private static final int CR = '\r';
    private static final int LF = '\n';

    private final byte[] encoded = new byte[WINDOW];
    private final byte[] one = new byte[1];
    private InputStream in;
    private int pos;
    private int limit;
    private boolean lastWasCR;
    /** White space seen since the last byte written: written before the next byte, dropped at a line break. */
    private final ByteQueue blanks = new ByteQueue();
    /** Decoded bytes that did not fit into the caller's array: the next read starts with them. */
    private final ByteQueue pending = new ByteQueue();

    QuotedPrintableDecoder(InputStream in) {
        reset(in);
    }

    /** Starts decoding {@code in}, forgetting all about the previous input. */
    QuotedPrintableDecoder reset(InputStream in) {
        this.in = in;
        pos = 0;
        limit = 0;
        lastWasCR = false;
        blanks.reset();
        pending.reset();
        return this;
    }

    @Override
    public int read() throws IOException {
        while (true) {
            int n = read(one, 0, 1);
            if (n == -1) {
                return -1;
            }
            if (n == 1) {
                return one[0] & 0xff;
            }
        }
    }

    @Override
    public int read(byte[] out, int off, int len) throws IOException {
        int to = off + len;
        int index = off;
        if (pending.length > 0) {
            int chunk = Math.min(pending.length, to - index);
            System.arraycopy(pending.bytes, 0, out, index, chunk);
            pending.removeFirst(chunk);
            index += chunk;
        }
        boolean eof = false;
        while (index < to) {
            if (limit - pos < 3) {
                eof = fillWindow() == -1;
            }
            if (limit - pos == 0 && eof) {
                return index == off ? -1 : index - off;
            }
            while (pos < limit && index < to) {
                if (!lastWasCR && blanks.length == 0) {
                    index = copyPlain(out, index, to); // the common case: a run of bytes that stand for themselves
                    if (pos == limit || index == to) {
                        break;
                    }
                }
                int b = encoded[pos++] & 0xff;
                if (lastWasCR && b != LF) {
                    index = write(CR, out, index, to, false); // a lone CR is kept
                }
                if (b == CR) {
                    lastWasCR = true;
                    continue;
                }
                lastWasCR = false;
                if (b == LF) {
                    if (blanks.length == 0 || blanks.bytes[0] != EQ) {
                        index = write(CR, out, index, to, false);
                        index = write(LF, out, index, to, false);
                    }
                    blanks.clear();
                } else if (b == EQ) {
                    if (limit - pos < 2 && !eof) {
                        pos--; // the escape is completed by the next fill
                        break;
                    }
                    index = escape(out, index, to);
                } else if (isBlank(b)) {
                    blanks.add(b);
                } else {
                    index = write(b, out, index, to, true);
                }
            }
        }
        return to - off;
    }

    /**
     * Copies bytes other than CR, LF, "=" and blanks as they are, as the byte-by-byte loop would with no CR before
     * them and no blanks pending; the new index.
     */
    private int copyPlain(byte[] out, int index, int to) {
        byte[] in = encoded;
        int p = pos;
        int end = Math.min(limit, p + (to - index));
        while (p < end) {
            int b = in[p] & 0xff;
            if (b == EQ || isBlank(b)) { // CR and LF are blanks too
                break;
            }
            out[index++] = (byte) b;
            p++;
        }
        pos = p;
        return index;
    }

    /** What follows an "=" (already read): "==", a soft line break, a hex escape or a bad one. */
    private int escape(byte[] out, int index, int to) {
        int b2 = next();
        if (b2 == EQ) {
            index = write(EQ, out, index, to, true);
            // "==" ending a line: the line break after it is dropped, as after a soft line break
            int c1 = peek(0);
            if (c1 == LF || c1 == CR && peek(1) == LF) {
                blanks.add(EQ);
            }
            return index;
        }
        if (b2 >= 0 && isBlank(b2)) {
            if (b2 == CR && peek(0) == LF) {
                lastWasCR = true;
            }
            index = write(-1, out, index, to, true);
            if (b2 != LF) {
                blanks.add(EQ);
                blanks.add(b2);
            }
            return index;
        }
        int b3 = next();
        int high = hexValue(b2);
        int low = hexValue(b3);
        if (high < 0 || low < 0) {
            index = write(EQ, out, index, to, true);
            index = write(b2, out, index, to, false);
            return write(b3, out, index, to, false);
        }
        return write(high << 4 | low, out, index, to, true);
    }

    /**
     * Writes the pending blanks (when {@code withBlanks}) and then {@code b} (unless -1) to {@code out}, what does
     * not fit to {@link #pending}; the new index.
     */
    private int write(int b, byte[] out, int index, int to, boolean withBlanks) {
        if (withBlanks && blanks.length > 0) {
            int chunk = Math.min(blanks.length, to - index);
            System.arraycopy(blanks.bytes, 0, out, index, chunk);
            index += chunk;
            pending.add(blanks.bytes, chunk, blanks.length - chunk);
            blanks.clear();
        }
        if (b != -1) {
            if (index < to) {
                out[index++] = (byte) b;
            } else {
                pending.add(b);
            }
        }
        return index;
    }

    /** Moves the unread bytes to the front of the window and reads what fits behind them. */
    private int fillWindow() throws IOException {
        if (pos < limit) {
            System.arraycopy(encoded, pos, encoded, 0, limit - pos);
            limit -= pos;
        } else {
            limit = 0;
        }
        pos = 0;
        int room = encoded.length - limit;
        if (room <= 0) {
            return 0;
        }
        int n = in.read(encoded, limit, room);
        if (n > 0) {
            limit += n;
        }
        return n;
    }

    private int next() {
        return pos < limit ? encoded[pos++] & 0xff : -1;
    }

    private int peek(int i) {
        return pos + i < limit ? encoded[pos + i] & 0xff : -1;
    }

    /** {@code Character.isWhitespace} of a byte value: tab, LF, VT, FF, CR, the four separators and space. */
    static boolean isBlank(int b) {
        return b >= 9 && b <= 13 || b >= 28 && b <= 32;
    }

    static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /** A growable run of bytes, emptied from the front. */
    static final class ByteQueue {
        private static final int MAX_KEPT = 8 << 10;
        byte[] bytes = new byte[64];
        int length;

        void add(int b) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, length * 2);
            }
            bytes[length++] = (byte) b;
        }

        void add(byte[] b, int off, int n) {
            if (n <= 0) {
                return;
            }
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + n, length * 2));
            }
            System.arraycopy(b, off, bytes, length, n);
            length += n;
        }

        void removeFirst(int n) {
            System.arraycopy(bytes, n, bytes, 0, length - n);
            length -= n;
        }

        void clear() {
            length = 0;
        }

        /** Empty, and small again: a run of blanks as long as a hostile part is not kept for the next one. */
        void reset() {
            length = 0;
            if (bytes.length > MAX_KEPT) {
                bytes = new byte[64];
            }
        }
    }
}
