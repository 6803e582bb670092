package org.bouncekit.output;

import java.io.StringWriter;

/** A writer that records whether it was flushed or closed. */
final class CloseTrackingWriter extends StringWriter {
    boolean flushed;
    boolean closed;

    @Override
    public void flush() {
        flushed = true;
        super.flush();
    }

    @Override
    public void close() {
        closed = true;
    }
}
