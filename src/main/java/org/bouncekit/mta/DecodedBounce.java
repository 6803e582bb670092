package org.bouncekit.mta;

import java.util.List;
import org.bouncekit.MessageKind;

/**
 * What a format decoder found in a message.
 *
 * @param format    the decoder's name, reported as {@code mta}
 * @param kind      bounce, delay, delivery, feedback or autoreply (the classifier may refine bounce/delay per recipient)
 * @param records   per-recipient records, in the order the message lists them
 * @param reportingMta the host that wrote the report (DSN Reporting-MTA), or null
 */
public record DecodedBounce(String format, MessageKind kind, List<RecipientRecord> records, String reportingMta) {
    public DecodedBounce {
        records = List.copyOf(records);
    }

    /** A decoded bounce that does not name its reporting MTA. */
    public DecodedBounce(String format, MessageKind kind, List<RecipientRecord> records) {
        this(format, kind, records, null);
    }
}
