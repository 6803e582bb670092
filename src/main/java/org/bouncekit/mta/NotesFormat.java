package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;
import org.bouncekit.MessageKind;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;

/**
 * Lotus Notes SMTP MTA (R4/R5) bounces: a "------- Failure Reasons --------" section in which the
 * reason text comes first and the failed addresses follow it, up to "------- Returned Message --------".
 */
final class NotesFormat implements BounceFormat {
    private static final String START = "------- failure reasons";
    private static final String END = "------- returned message";
    private static final int MAX_DIAGNOSTIC = 1000;

    private final int maxRecipients;

    NotesFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "notes";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        String body = PlainTextFormat.bounceText(m);
        IndexedText indexed = PlainTextFormat.bounceTextIndexed(m);
        int start = indexed.indexOf(START);
        if (start < 0) {
            return null;
        }
        int end = indexed.text().indexOf(END, start);
        String section = body.substring(body.indexOf('\n', start) + 1, end < 0 ? body.length() : end);
        List<RecipientRecord> records = new ArrayList<>();
        StringBuilder reason = new StringBuilder();
        boolean afterAddress = false;
        for (String line : section.split("\n", 200)) {
            String t = line.strip();
            List<String> addresses = Addresses.findAll(t, 2);
            if (addresses.size() == 1 && t.length() <= addresses.get(0).length() + 2) {
                // A line holding just an address: a failed recipient of the reason above it.
                if (records.size() < maxRecipients) {
                    records.add(record(addresses.get(0), reason.toString().strip()));
                }
                afterAddress = true;
            } else if (!t.isEmpty()) {
                if (afterAddress) {
                    reason.setLength(0);
                    afterAddress = false;
                }
                if (reason.length() < MAX_DIAGNOSTIC) {
                    reason.append(t).append(' ');
                }
            }
        }
        return records.isEmpty() ? null : new DecodedBounce(name(), MessageKind.BOUNCE, records);
    }

    private static RecipientRecord record(String address, String reason) {
        return ProseLines.record(address, reason.isEmpty() ? null : Paragraphs.bounded(reason, MAX_DIAGNOSTIC))
                .action("failed");
    }
}
