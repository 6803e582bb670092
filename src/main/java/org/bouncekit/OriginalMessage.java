package org.bouncekit;

import java.util.Map;

/**
 * What the bounce tells about the message that was sent, so that it can be tied back to it.
 *
 * @param messageId the original Message-ID, or null
 * @param from      the original From, or null
 * @param to        the original To, or null
 * @param subject   the original Subject, or null
 * @param headers   the headers the caller asked to correlate on (name as asked -> value); never null
 */
public record OriginalMessage(String messageId, String from, String to, String subject,
                              Map<String, String> headers) {
    public OriginalMessage {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** An original about which nothing is known. */
    public static final OriginalMessage UNKNOWN = new OriginalMessage(null, null, null, null, Map.of());

    /** True when nothing is known about the original. */
    public boolean isEmpty() {
        return messageId == null && from == null && to == null && subject == null && headers.isEmpty();
    }
}
