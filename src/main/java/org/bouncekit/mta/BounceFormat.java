package org.bouncekit.mta;

import org.bouncekit.parse.ParsedMessage;

/** One bounce format: it says whether a message is its own and decodes its recipients. */
public interface BounceFormat {
    /** The name reported as {@code mta} in results, e.g. {@code postfix}. */
    String name();

    /** The decoded recipients, or null when the message is not in this format. */
    DecodedBounce decode(ParsedMessage message);
}
