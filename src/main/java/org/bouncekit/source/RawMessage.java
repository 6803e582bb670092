package org.bouncekit.source;

import java.util.Objects;

/**
 * One message as read from an input, before any parsing.
 *
 * @param source    the path as given or as found while walking a directory, or {@code "-"} for stdin
 * @param index     0-based position of the message in that input (always 0 for a single-message file)
 * @param offset    byte offset in the input where the message's entry starts (its mbox From_ line, if any)
 * @param bytes     the message: for mbox entries without the From_ line and with mboxrd quoting undone;
 *                  at most {@link SourceOptions#maxMessageBytes()} bytes
 * @param truncated true when the message was longer than {@link SourceOptions#maxMessageBytes()} and only
 *                  its start is in {@code bytes}
 * @param error     null, or what went wrong reading it (names the input and the byte offset); {@code bytes}
 *                  then holds what was read before the error, possibly nothing
 */
public record RawMessage(String source, int index, long offset, byte[] bytes, boolean truncated, String error) {

    public RawMessage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** True when reading the message failed; {@link #error()} says why. */
    public boolean failed() {
        return error != null;
    }

    @Override
    public String toString() {
        return "RawMessage[" + source + " #" + index + " @" + offset + ", " + bytes.length + " bytes"
                + (truncated ? ", truncated" : "") + (error != null ? ", error=" + error : "") + "]";
    }
}
