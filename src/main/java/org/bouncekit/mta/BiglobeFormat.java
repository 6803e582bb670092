package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;
import org.bouncekit.MessageKind;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;

/**
 * BIGLOBE bounces: "----- The following addresses had delivery problems -----" lists the failed
 * addresses, "----- Non-delivered information -----" then says why, for all of them.
 */
final class BiglobeFormat implements BounceFormat {
    private static final String RECIPIENTS = "----- the following addresses had delivery problems -----";
    private static final String INFORMATION = "----- non-delivered information -----";
    private static final int MAX_DIAGNOSTIC = 1000;

    private final int maxRecipients;

    BiglobeFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "biglobe";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        String body = PlainTextFormat.bounceText(m);
        IndexedText indexed = PlainTextFormat.bounceTextIndexed(m);
        int list = indexed.indexOf(RECIPIENTS);
        int info = list < 0 ? -1 : indexed.indexOf(INFORMATION, list);
        if (info < 0) {
            return null;
        }
        List<String> addresses = Addresses.findAll(body.substring(list + RECIPIENTS.length(), info), maxRecipients);
        List<String> paragraphs = Paragraphs.of(body.substring(info + INFORMATION.length()), 1);
        String diagnostic = paragraphs.isEmpty() ? null : Paragraphs.bounded(paragraphs.get(0), MAX_DIAGNOSTIC);
        List<RecipientRecord> records = new ArrayList<>();
        for (String a : addresses) {
            records.add(ProseLines.record(a, diagnostic).action("failed"));
        }
        return records.isEmpty() ? null : new DecodedBounce(name(), MessageKind.BOUNCE, records);
    }
}
