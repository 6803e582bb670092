package org.bouncekit.source;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Splits one input into messages, streaming: the input is scanned through a fixed buffer and only the current
 * message is held (up to the cap; the rest of a longer message is read past, not kept).
 *
 * <p>Rules (mime-hazards.md, "mbox"): a message starts at a line beginning with {@code From } at the start of
 * the input, after a blank line, or right after another From_ line (so a file of only From_ lines gives one
 * empty message per line). At the start of the input and after a From_ line the line must also look like a
 * From_ line ({@code From} and spaces not followed by {@code :}), so an obsolete-syntax {@code From : x} header
 * is never taken for one. Lines end in LF, CRLF or CR alone. The From_ line is not part of the message; the
 * blank line before the next From_ line is the separator and is not either.
 *
 * <p>Speed: inside an mbox the lines that cannot start or quote a From_ line (most of them) are stepped over in
 * one loop ({@link #skipPlainLines()}); only From_ lines, quoted lines and buffer edges go through the per-line
 * steps. A message that lies wholly in the read buffer is copied from there straight into its own array.
 *
 * <p>Not thread-safe; one instance per input.
 */
final class MboxSplitter {
    static final int DEFAULT_BUFFER = 256 << 10;
    /** Bytes looked at from a line start to recognise a From_ line (From, the spaces, the first sender byte). */
    static final int LOOKAHEAD = 64;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGHS = 0x8080808080808080L;
    private static final long FOURTEENS = 0x0E0E0E0E0E0E0E0EL;

    /** How the input is to be taken. */
    enum Layout {
        /**
         * Decided by the content: an input whose first non-blank line is a From_ line is split like an mbox
         * (and if it holds only one message, that message is taken as a .eml with its From_ line dropped:
         * no unquoting, no separator stripped); any other input is one message, byte for byte.
         */
        AUTO,
        /** Named like an mbox: split; non-blank text before the first From_ line is a message of its own. */
        MBOX,
        /** Exactly one message (a Maildir file, a .eml): a leading From_ line is dropped, nothing is split. */
        SINGLE
    }

    private enum Phase {
        /** Only blank lines so far. */
        START,
        /** In the first From_-started message; whether this is an mbox is known when it ends. */
        FIRST,
        /** An mbox: split at every From_ line. */
        MBOX,
        /** One message to the end of the input: no more line scanning. */
        WHOLE
    }

    private final String source;
    private final InputStream in;
    private final Layout layout;
    private final long cap;
    private final boolean unquote;
    private final LongConsumer progress;
    private final MessageBuffer message;

    private final byte[] buf;
    private int pos;
    private int lim;
    /** Input offset of {@code buf[0]}. */
    private long base;
    private boolean eof;
    private boolean finished;

    private Phase phase = Phase.START;
    private boolean lineStart = true;
    /** The line ended in a CR that was the last byte in the buffer: a LF may follow. */
    private boolean crPending;
    private boolean lineBlank;
    private boolean lineIsFrom;
    private boolean prevBlank;
    private boolean prevFromLine;

    /** Start in {@code buf} of bytes of the message not yet appended; -1 inside a From_ line (not kept). */
    private int copyFrom;
    /** Content bytes of the current message appended so far (also those past the cap). */
    private long logical;
    /** {@link #logical} length where the last blank line began: the message ends there if a From_ line follows. */
    private long blankStart;
    private long messageOffset;
    /** The current message is the text before the first From_ line. */
    private boolean preamble = true;
    private boolean preambleContent;
    /** Message offsets of the '>' to drop from each mboxrd-quoted line ({@code >+From }) of the current message. */
    private int[] quotes = new int[16];
    private int quoteCount;
    private int index;

    MboxSplitter(String source, InputStream in, Layout layout, SourceOptions options, LongConsumer progress,
            MessageBuffer message, int bufferSize) {
        if (bufferSize <= LOOKAHEAD) {
            throw new IllegalArgumentException("buffer too small: " + bufferSize);
        }
        this.source = source;
        this.in = in;
        this.layout = layout;
        this.cap = options.maxMessageBytes();
        this.unquote = options.unquoteMboxrd();
        this.progress = progress;
        this.message = message;
        this.buf = new byte[bufferSize];
        message.reset();
    }

    /** The next message, or null when the input is used up. After an I/O error, one message carries it and the input ends. */
    RawMessage next() {
        if (finished) {
            return null;
        }
        try {
            while (true) {
                if (pos >= lim) {
                    if (!fill()) {
                        if (crPending) {
                            crPending = false;
                            endLine();
                        }
                        return atEnd();
                    }
                    if (crPending) {
                        crPending = false;
                        if (buf[pos] == '\n') {
                            pos++;
                        }
                        endLine();
                        continue;
                    }
                }
                // past the first From_ line of a file that may be split, most lines need no per-line steps
                if (lineStart && (phase == Phase.MBOX || phase == Phase.FIRST && layout != Layout.SINGLE)) {
                    skipPlainLines();
                    if (pos >= lim) {
                        continue;
                    }
                }
                if (lineStart && phase != Phase.WHOLE) {
                    RawMessage done = beginLine();
                    if (done != null) {
                        return done;
                    }
                }
                if (phase == Phase.WHOLE) {
                    pos = lim; // appended (up to the cap) by the next fill
                    continue;
                }
                int end = lineEnd(buf, pos, lim);
                if (end == lim) {
                    pos = lim;
                } else if (buf[end] == '\n') {
                    pos = end + 1;
                    endLine();
                } else if (end + 1 < lim) {
                    pos = buf[end + 1] == '\n' ? end + 2 : end + 1;
                    endLine();
                } else {
                    pos = end + 1;
                    crPending = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return failed(e);
        }
    }

    /**
     * At a line start inside an mbox: steps over the whole lines that neither start nor quote a From_ line, the
     * most of any mailbox, without going through {@link #beginLine()} and {@link #endLine()} for each. Such a
     * line only sets {@link #prevBlank} (and {@link #blankStart} when blank) and clears {@link #prevFromLine}.
     * Stops at a line starting with {@code From } or {@code >From } (any number of '>'), at a line whose end is
     * not in the buffer (a CR last in the buffer included: a LF may follow), and where {@link #beginLine()} would
     * read ahead (near the buffer end, or after a run of '>' reaching it), so the buffer is filled exactly as the
     * per-line path fills it.
     */
    private void skipPlainLines() {
        byte[] b = buf;
        int limit = lim;
        int p = pos;
        int stop = eof ? limit : limit - LOOKAHEAD + 1; // from here on beginLine's ensure(LOOKAHEAD) would read
        boolean skipped = false;
        boolean blank = false;
        while (p < stop) {
            byte first = b[p];
            int end;
            if (first == '\n' || first == '\r') {
                end = p;
            } else {
                int rest = p + 1;
                if (first == '>') {
                    // a quoted line (a reply's "> text"); not a quoted From line, and no need to read further
                    // to know (noteQuotedLine's reading ahead)
                    while (rest < limit && b[rest] == '>') {
                        rest++;
                    }
                    if (rest + 5 > limit && !eof || startsWithFrom(b, rest, limit)) {
                        break;
                    }
                } else if (first == 'F' && startsWithFrom(b, p, limit)) {
                    break;
                }
                end = lineEnd(b, rest, limit);
                if (end == limit) {
                    break;
                }
            }
            int next;
            if (b[end] == '\n') {
                next = end + 1;
            } else if (end + 1 < limit) {
                next = b[end + 1] == '\n' ? end + 2 : end + 1;
            } else {
                break;
            }
            blank = end == p;
            if (blank) {
                blankStart = logicalAt(p);
            }
            skipped = true;
            p = next;
        }
        if (skipped) {
            pos = p;
            prevBlank = blank;
            prevFromLine = false;
        }
    }

    /**
     * Index of the first CR or LF in {@code b[from, to)}, or {@code to}. Sixteen bytes at a time, with one test
     * per word for the bytes below 0x0E (LF and CR among them); a hit on another of those (a TAB, mostly) is
     * checked and stepped over.
     */
    static int lineEnd(byte[] b, int from, int to) {
        int i = from;
        while (i + 16 <= to) {
            long low = belowFourteen((long) LONGS.get(b, i));
            long high = belowFourteen((long) LONGS.get(b, i + 8));
            if ((low | high) == 0) {
                i += 16;
                continue;
            }
            int at = low != 0 ? i + (Long.numberOfTrailingZeros(low) >>> 3)
                    : i + 8 + (Long.numberOfTrailingZeros(high) >>> 3);
            byte c = b[at];
            if (c == '\n' || c == '\r') {
                return at;
            }
            i = at + 1;
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return to;
    }

    /**
     * The high bit of each byte of the result is set where {@code word} holds a byte below 0x0E: exact for the
     * lowest flagged byte (a borrow can flag bytes above it), and callers use only that one.
     */
    private static long belowFourteen(long word) {
        return (word - FOURTEENS) & ~word & HIGHS;
    }

    private RawMessage beginLine() throws IOException {
        lineStart = false;
        lineIsFrom = false;
        if (phase == Phase.FIRST && layout == Layout.SINGLE) {
            phase = Phase.WHOLE; // the From_ line is dropped; the rest is the message
            return null;
        }
        ensure(LOOKAHEAD);
        byte first = buf[pos];
        lineBlank = first == '\n' || first == '\r';
        if (lineBlank) {
            blankStart = logicalAt(pos);
            return null;
        }
        if (first == '>') {
            noteQuotedLine();
        }
        boolean from = startsWithFrom(buf, pos, lim);
        switch (phase) {
            case START:
                if (from && looksLikeFromLine()) {
                    return separator();
                }
                if (layout == Layout.MBOX) {
                    preambleContent = true;
                    phase = Phase.MBOX;
                } else {
                    phase = Phase.WHOLE;
                }
                return null;
            case FIRST:
            case MBOX:
                if (from && (prevBlank || prevFromLine && looksLikeFromLine())) {
                    return separator();
                }
                return null;
            default:
                return null;
        }
    }

    /** A line starting with '>' at {@code pos}: remembers where its '>' is if it is a quoted From line. */
    private void noteQuotedLine() throws IOException {
        int run = quoteRun();
        if (run + 5 > lim && !eof) {
            ensure(buf.length); // a long run of '>': look as far as the buffer allows
            run = quoteRun();
        }
        long at = logicalAt(pos);
        if (startsWithFrom(buf, run, lim) && at < cap) {
            if (quoteCount == quotes.length) {
                quotes = Arrays.copyOf(quotes, quoteCount * 2);
            }
            quotes[quoteCount++] = (int) at;
        }
    }

    private int quoteRun() {
        int i = pos;
        while (i < lim && buf[i] == '>') {
            i++;
        }
        return i;
    }

    static boolean startsWithFrom(byte[] b, int at, int limit) {
        return limit - at >= 5 && b[at] == 'F' && b[at + 1] == 'r' && b[at + 2] == 'o' && b[at + 3] == 'm'
                && b[at + 4] == ' ';
    }

    /** After {@code From }: optional spaces, then a byte that is not ':' or a line end. */
    private boolean looksLikeFromLine() {
        for (int i = pos + 5; i < lim; i++) {
            byte c = buf[i];
            if (c != ' ' && c != '\t') {
                return c != ':' && c != '\n' && c != '\r';
            }
        }
        return false;
    }

    /** A From_ line begins at {@code pos}: ends the current message (returned, or null) and starts the next. */
    private RawMessage separator() {
        long end = prevBlank ? blankStart : logicalAt(pos);
        RawMessage done = null;
        if (preamble) {
            if (preambleContent) {
                done = emitUpTo(pos, end, false, null);
            }
        } else {
            // a second From_ line: the input is an mbox, so the first message gets mbox treatment too
            done = emitUpTo(pos, end, true, null);
        }
        if (phase == Phase.START) {
            phase = layout == Layout.MBOX ? Phase.MBOX : Phase.FIRST;
        } else if (phase == Phase.FIRST) {
            phase = Phase.MBOX;
        }
        preamble = false;
        messageOffset = base + pos;
        logical = 0;
        blankStart = 0;
        message.reset();
        forgetQuotes();
        copyFrom = -1;
        lineIsFrom = true;
        return done;
    }

    private void endLine() {
        if (lineIsFrom) {
            copyFrom = pos; // the message starts after its From_ line
        }
        prevBlank = lineBlank;
        prevFromLine = lineIsFrom;
        lineBlank = false;
        lineIsFrom = false;
        lineStart = true;
    }

    private RawMessage atEnd() {
        finished = true;
        flush(lim);
        switch (phase) {
            case START:
                // nothing but blank lines: an empty mailbox has no messages, but an empty or blank single-message
                // file is one (empty) message, so a scan never loses an input file
                return layout == Layout.MBOX ? null : emit(logical, false, null);
            case MBOX:
                if (preamble) {
                    return preambleContent ? emit(logical, false, null) : null;
                }
                // the blank line an mbox writer puts after each message is not part of it
                return emit(lineStart && prevBlank ? blankStart : logical, true, null);
            default:
                // WHOLE, or FIRST: a single From_-started message is a .eml whose From_ line was dropped
                return emit(logical, false, null);
        }
    }

    private RawMessage failed(Exception e) {
        finished = true;
        long at = base + lim;
        flush(lim);
        String what = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        String error = "I/O error reading " + source + " at byte " + at + ": " + what;
        return emit(logical, !preamble && phase == Phase.MBOX, error);
    }

    private RawMessage emit(long end, boolean mboxEntry, String error) {
        return emit(message.array(), 0, message.length(), end, mboxEntry, error);
    }

    /** The current message, whose last byte read is {@code buf[upTo - 1]}, cut to {@code end}. */
    private RawMessage emitUpTo(int upTo, long end, boolean mboxEntry, String error) {
        if (logical == 0 && copyFrom >= 0) {
            // nothing appended yet: the whole message is buf[copyFrom, upTo), copied from there once
            return emit(buf, copyFrom, (int) Math.min(upTo - copyFrom, cap), end, mboxEntry, error);
        }
        flush(upTo);
        return emit(end, mboxEntry, error);
    }

    /** The message whose first {@code kept} bytes (at most the cap) are {@code from[offset, offset + kept)}. */
    private RawMessage emit(byte[] from, int offset, int kept, long end, boolean mboxEntry, String error) {
        int stored = (int) Math.min(end, kept);
        byte[] bytes = mboxEntry && unquote && quoteCount > 0 ? unquoted(from, offset, stored)
                : Arrays.copyOfRange(from, offset, offset + stored);
        RawMessage m = new RawMessage(source, index++, messageOffset, bytes, end > cap, error);
        message.reset();
        forgetQuotes();
        return m;
    }

    private void forgetQuotes() {
        quoteCount = 0;
        if (quotes.length > 4096) {
            quotes = new int[16];
        }
    }

    /** The first {@code length} message bytes, at {@code from[offset]}, without the '>' noted in {@link #quotes}. */
    private byte[] unquoted(byte[] from, int offset, int length) {
        int drop = 0;
        while (drop < quoteCount && quotes[drop] < length) {
            drop++;
        }
        byte[] out = new byte[length - drop];
        int read = 0;
        int written = 0;
        for (int q = 0; q < drop; q++) {
            int run = quotes[q] - read;
            System.arraycopy(from, offset + read, out, written, run);
            written += run;
            read = quotes[q] + 1;
        }
        System.arraycopy(from, offset + read, out, written, length - read);
        return out;
    }

    private long logicalAt(int p) {
        return copyFrom < 0 ? logical : logical + (p - copyFrom);
    }

    /** Appends {@code buf[copyFrom, upTo)} to the message. */
    private void flush(int upTo) {
        if (copyFrom >= 0 && upTo > copyFrom) {
            int n = upTo - copyFrom;
            message.append(buf, copyFrom, n, cap);
            logical += n;
            copyFrom = upTo;
        }
    }

    /** Refills the buffer once everything in it is consumed; false at the end of the input. */
    private boolean fill() throws IOException {
        flush(lim);
        base += lim;
        pos = 0;
        lim = 0;
        if (copyFrom > 0) {
            copyFrom = 0;
        }
        while (!eof) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
            } else if (n > 0) {
                lim = n;
                progress.accept(n);
                return true;
            }
        }
        return false;
    }

    /** Makes at least {@code n} bytes from {@code pos} available, unless the input ends first. */
    private void ensure(int n) throws IOException {
        if (lim - pos >= n || eof) {
            return;
        }
        flush(pos);
        int keep = lim - pos;
        System.arraycopy(buf, pos, buf, 0, keep);
        base += pos;
        if (copyFrom >= 0) {
            copyFrom = 0;
        }
        pos = 0;
        lim = keep;
        while (lim < n) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
                return;
            }
            lim += r;
            progress.accept(r);
        }
    }
}
