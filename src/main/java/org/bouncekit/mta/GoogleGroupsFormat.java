package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;

/**
 * Google Groups' notice that a post was not accepted ("the group you tried to contact may not exist,
 * or you may not have permission to post"), in any of its languages. Google sends the same notice for
 * both causes, so the group address is not reported as dead: the reason is a rejected post.
 */
final class GoogleGroupsFormat implements BounceFormat {
    private static final int MAX_DIAGNOSTIC = 1000;

    private final int maxRecipients;

    GoogleGroupsFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "googlegroups";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        // The From first: the per-message lowercase From rules out nearly every message without a walk through
        // the header fields.
        String from = TopLevelFields.fromLower(m);
        if (!(from.contains("@google.com") || from.contains("@googlemail.com"))) {
            return null;
        }
        List<String> failed = m.headers().all("x-failed-recipients");
        if (failed.isEmpty()) {
            return null;
        }
        String body = PlainTextFormat.bounceText(m);
        if (!body.contains("groups.google.com")) {
            return null;
        }
        String diagnostic = explanation(body);
        List<RecipientRecord> records = new ArrayList<>();
        for (String v : failed) {
            for (String a : Addresses.findAll(v, maxRecipients - records.size())) {
                records.add(new RecipientRecord(a).action("failed").diagnostic(diagnostic.isEmpty() ? null : diagnostic, "body")
                        .reasonHint(Reason.REJECTED, "googlegroups.post-not-accepted"));
            }
        }
        return records.isEmpty() ? null : new DecodedBounce(name(), MessageKind.BOUNCE, records);
    }

    /** The paragraph after the greeting: the notice's explanation, whatever its language. */
    static String explanation(String body) {
        List<String> paragraphs = Paragraphs.of(body, 2);
        String p = paragraphs.size() > 1 ? paragraphs.get(1) : paragraphs.isEmpty() ? "" : paragraphs.get(0);
        return Paragraphs.bounded(p, MAX_DIAGNOSTIC);
    }
}
