package org.bouncekit.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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
        private final StringBuilderWriter buffer = new StringBuilderWriter();
        private final JsonLinesWriter writer;

        Line(OutputOptions options, CrosswalkTable crosswalk) {
            writer = new JsonLinesWriter(buffer, options, crosswalk);
        }

        String render(String source, int index, BounceReport report) throws IOException {
            buffer.text.setLength(0);
            writer.write(source, index, report);
            writer.flush();
            String line = buffer.text.toString();
            if (buffer.text.capacity() > 1 << 20) {
                buffer.text.setLength(0);
                buffer.text.trimToSize(); // one huge report does not pin its buffer to the thread
            }
            return line;
        }
    }

    /** A Writer into a StringBuilder without StringWriter's synchronized StringBuffer. */
    private static final class StringBuilderWriter extends Writer {
        final StringBuilder text = new StringBuilder(4096);

        @Override
        public void write(char[] cbuf, int off, int len) {
            text.append(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            text.append(str, off, off + len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
