package org.bouncekit;

import java.time.Duration;

/**
 * Bounds on the work done for one message. Bounces are untrusted input: these keep a hostile or
 * broken message from taking unbounded time or memory. The defaults never bite on real bounces.
 *
 * @param maxMessageBytes  bytes of a message read at most; the rest is skipped and the report says truncated
 * @param maxHeaderBytes   bytes of one header field at most
 * @param maxHeaderCount   header fields per entity at most
 * @param maxMimeDepth     nesting of multiparts and attached messages at most
 * @param maxParts         MIME parts per message at most
 * @param maxTextChars     characters kept from each text part (classification reads only the start)
 * @param maxRecipients    recipients reported per message at most
 * @param timeBudget       wall time per message; past it the message is reported from what was found
 */
public record Limits(
        long maxMessageBytes,
        int maxHeaderBytes,
        int maxHeaderCount,
        int maxMimeDepth,
        int maxParts,
        int maxTextChars,
        int maxRecipients,
        Duration timeBudget) {

    public Limits {
        if (maxMessageBytes < 1024 || maxHeaderBytes < 256 || maxHeaderCount < 16 || maxMimeDepth < 2
                || maxParts < 2 || maxTextChars < 1024 || maxRecipients < 1) {
            throw new IllegalArgumentException("limits too small to read any bounce: " + this);
        }
        if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("time budget must be positive");
        }
    }

    /** Defaults: 16 MiB per message, 64 KiB per header, 2,000 headers, depth 20, 500 parts, 256 KiB of text per part, 5,000 recipients, 2 s. */
    public static final Limits DEFAULT = new Limits(16L << 20, 64 << 10, 2000, 20, 500, 256 << 10, 5000,
            Duration.ofSeconds(2));

    public Limits withMaxMessageBytes(long v) {
        return new Limits(v, maxHeaderBytes, maxHeaderCount, maxMimeDepth, maxParts, maxTextChars, maxRecipients, timeBudget);
    }

    public Limits withMaxMimeDepth(int v) {
        return new Limits(maxMessageBytes, maxHeaderBytes, maxHeaderCount, v, maxParts, maxTextChars, maxRecipients, timeBudget);
    }

    public Limits withMaxParts(int v) {
        return new Limits(maxMessageBytes, maxHeaderBytes, maxHeaderCount, maxMimeDepth, v, maxTextChars, maxRecipients, timeBudget);
    }

    public Limits withMaxHeaderBytes(int v) {
        return new Limits(maxMessageBytes, v, maxHeaderCount, maxMimeDepth, maxParts, maxTextChars, maxRecipients, timeBudget);
    }

    public Limits withMaxRecipients(int v) {
        return new Limits(maxMessageBytes, maxHeaderBytes, maxHeaderCount, maxMimeDepth, maxParts, maxTextChars, v, timeBudget);
    }

    public Limits withTimeBudget(Duration v) {
        return new Limits(maxMessageBytes, maxHeaderBytes, maxHeaderCount, maxMimeDepth, maxParts, maxTextChars, maxRecipients, v);
    }
}
