package org.bouncekit.source;

/**
 * How inputs are read.
 *
 * @param maxMessageBytes bytes kept per message at most; the rest of a longer message is read past, not held,
 *                        and the message is marked {@link RawMessage#truncated()}
 * @param unquoteMboxrd   undo mboxrd quoting in mbox entries ({@code >From } to {@code From },
 *                        {@code >>From } to {@code >From }); also right for mboxo files, whose quoting is lossy
 */
public record SourceOptions(long maxMessageBytes, boolean unquoteMboxrd) {

    /** 16 MiB, the same as {@code Limits.DEFAULT.maxMessageBytes()}. */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 16L << 20;

    /** 16 MiB per message, mboxrd unquoting on. */
    public static final SourceOptions DEFAULT = new SourceOptions(DEFAULT_MAX_MESSAGE_BYTES, true);

    /** A Java array holds a little less than 2 GiB. */
    static final long LARGEST_MESSAGE = Integer.MAX_VALUE - 64;

    public SourceOptions {
        if (maxMessageBytes < 1 || maxMessageBytes > LARGEST_MESSAGE) {
            throw new IllegalArgumentException("maxMessageBytes must be between 1 and " + LARGEST_MESSAGE
                    + ": " + maxMessageBytes);
        }
    }

    public SourceOptions withMaxMessageBytes(long value) {
        return new SourceOptions(value, unquoteMboxrd);
    }

    public SourceOptions withUnquoteMboxrd(boolean value) {
        return new SourceOptions(maxMessageBytes, value);
    }
}
