package org.bouncekit.codes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncekit.BounceClass;
import org.bouncekit.Reason;

/**
 * How a reply code and an enhanced status code given together decide between informational, transient and
 * permanent. The enhanced status decides when present, because it is the more specific of the two; RFC 5321's
 * rule for 552 with too many recipients is the one exception.
 *
 * @param outcome   the resulting class
 * @param decidedBy the code whose class decided
 * @param notes     localized sentences: how it was decided, then any real-world caveats
 */
record Combination(BounceClass outcome, String decidedBy, List<String> notes) {

    Combination {
        notes = List.copyOf(notes);
    }

    /**
     * @param reply         the reply code's entry, or null
     * @param status        the enhanced status's entry, or null
     * @param ignoredStatus a status-like token that was not valid, or null
     * @param text          the server's text (for the too-many-recipients rule), may be empty
     */
    static Combination of(CodeDictionary d, CodeEntry reply, CodeEntry status, String ignoredStatus, String text) {
        if (reply == null && status == null) {
            throw new IllegalArgumentException("nothing to combine");
        }
        List<String> notes = new ArrayList<>();
        if (ignoredStatus != null) {
            notes.add(d.format("template.combine.invalidStatus", ignoredStatus));
        }
        BounceClass outcome;
        String decidedBy;
        if (reply != null && status != null) {
            outcome = status.severity();
            decidedBy = status.code();
            if (reply.severity() == status.severity()) {
                notes.add(d.format("template.combine.agree", reply.code(), status.code(),
                        d.bounceClassName(outcome)));
            } else {
                notes.add(d.format("template.combine.disagree", reply.code(), d.bounceClassName(reply.severity()),
                        status.code(), d.bounceClassName(status.severity())));
            }
        } else if (reply != null) {
            outcome = reply.severity();
            decidedBy = reply.code();
            notes.add(d.format("template.combine.replyOnly", reply.code(), d.bounceClassName(outcome)));
        } else {
            outcome = status.severity();
            decidedBy = status.code();
            notes.add(d.format("template.combine.statusOnly", status.code(), d.bounceClassName(outcome)));
        }

        String detail = status == null ? "" : status.code().substring(2);
        if (reply != null && reply.code().equals("552") && (detail.equals("5.3") || mentionsTooManyRecipients(text))) {
            outcome = BounceClass.TRANSIENT;
            decidedBy = reply.code();
            notes.add(d.format("template.combine.tooManyRecipients", d.bounceClassName(outcome)));
        }
        if (status != null && detail.equals("2.2") && status.severity() == BounceClass.PERMANENT) {
            notes.add(d.format("template.combine.mailboxFull", status.code(),
                    d.text("decision." + Reason.MAILBOXFULL.defaultDecision().wireName())));
        }
        if (status != null && detail.startsWith("7.") && status.severity() != BounceClass.INFORMATIONAL) {
            notes.add(d.format("template.combine.securityPolicy", status.code()));
        }
        if (reply != null && reply.code().equals("421")) {
            notes.add(d.format("template.combine.connectionClosed"));
        }
        return new Combination(outcome, decidedBy, notes);
    }

    /** The English phrase servers use; the text is bounded by the reader, so a plain search is cheap. */
    private static boolean mentionsTooManyRecipients(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains("too many recipients");
    }
}
