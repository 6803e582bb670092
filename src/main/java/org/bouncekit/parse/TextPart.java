package org.bouncekit.parse;

/**
 * One decoded text part of a message.
 *
 * @param mimeType    lowercase type/subtype, e.g. {@code text/plain}
 * @param text        the decoded text, line endings normalized to LF, at most the configured number of characters
 * @param inAttached  true when the part belongs to a message attached to the bounce (the returned original)
 * @param headers     the part's own header fields
 */
public record TextPart(String mimeType, String text, boolean inAttached, HeaderBlock headers) {
}
