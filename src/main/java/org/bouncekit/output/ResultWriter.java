package org.bouncekit.output;

import java.io.Closeable;
import java.io.IOException;
import org.bouncekit.BounceReport;

/**
 * Writes classification results in one format, one message at a time, in input order.
 *
 * <p>Every message given to {@link #write} appears in the output (accounting: messages read equal results
 * written). {@link #close} writes what comes after the last message (the counts of the table, the whole
 * summary) and flushes; it does not close the underlying {@link java.io.Writer}, which belongs to the
 * caller. Not thread-safe.
 */
public interface ResultWriter extends Closeable {
    /**
     * Writes the result for one message.
     *
     * @param source where the message came from (a file path, {@code -} for stdin); untrusted text is fine
     * @param index  the 0-based position of the message in {@code source}
     * @param report the classification
     */
    void write(String source, int index, BounceReport report) throws IOException;

    /** Writes any trailer (counts) and flushes, without closing the underlying writer. */
    @Override
    void close() throws IOException;
}
