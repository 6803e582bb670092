package org.bouncekit.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import org.bouncekit.BounceReport;

/** JSON Lines text per message: a {@link JsonLinesWriter} per thread, writing into a reusable buffer. */
final class JsonLinesRenderer implements ResultRenderer {
    private final ThreadLocal<Line> lines;

    JsonLinesRenderer(OutputOptions options, CrosswalkTable crosswalk) {
        this.lines = ThreadLocal.withInitial(() -> new Line(options, crosswalk));
    }

    @Override
    public String render(String source, int index, BounceReport report) {
        try {
            return lines.get().render(source, index, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing into memory does not fail
        }
    }

    private static final class Line {
        private final LineChars buffer = new LineChars();
        private final JsonLinesWriter writer;

        Line(OutputOptions options, CrosswalkTable crosswalk) {
            writer = new JsonLinesWriter(buffer, options, crosswalk);
        }

        String render(String source, int index, BounceReport report) throws IOException {
            buffer.length = 0;
            writer.write(source, index, report);
            writer.flush();
            String line = new String(buffer.chars, 0, buffer.length);
            if (buffer.chars.length > 1 << 20) {
                buffer.chars = new char[4096]; // one huge report does not pin its buffer to the thread
            }
            return line;
        }
    }

    /**
     * A Writer into a plain char array: the generator hands over its buffer with one array copy, and the line
     * becomes a String with one more (java.io.CharArrayWriter synchronizes, a StringBuilder compacts twice).
     */
    private static final class LineChars extends Writer {
        char[] chars = new char[4096];
        int length;

        @Override
        public void write(char[] cbuf, int off, int len) {
            if (length + len > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + len));
            }
            System.arraycopy(cbuf, off, chars, length, len);
            length += len;
        }

        @Override
        public void write(String str, int off, int len) {
            if (length + len > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + len));
            }
            str.getChars(off, off + len, chars, length);
            length += len;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
