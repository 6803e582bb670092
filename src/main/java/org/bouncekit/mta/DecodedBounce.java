package org.bouncekit.mta;

import java.util.List;
import org.bouncekit.MessageKind;

/**
 * What a format decoder found in a message.
 *
 * @param format    the decoder's name, reported as {@code mta}
 * @param kind      bounce, delay, delivery, feedback or autoreply (the classifier may refine bounce/delay per recipient)
 * @param records   per-recipient records, in the order the message lists them
 */
public record DecodedBounce(String format, MessageKind kind, List<RecipientRecord> records) {
    public DecodedBounce {
        records = List.copyOf(records);
    }
}
