package org.bouncekit.mta;

import java.util.List;
import java.util.Locale;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;

/**
 * Challenge-response messages (Boxbe, SpamArrest, Mailblocks, TMDA, EarthLink spamBlocker and the
 * like): the recipient's spam filter holds the message until the sender proves to be a person. Not a
 * bounce: the message may still be delivered. One verdict, for the protected address, with reason
 * onhold and no suppression. A message that reports a permanent SMTP failure stays a bounce.
 */
final class ChallengeResponseFormat implements BounceFormat {
    /** Wordings only challenge-response notices use, lowercase, single-spaced. */
    private static final List<String> PHRASES = List.of(
            "i'm protecting myself from", "i am protecting myself from",
            "only from senders i have approved", "add yourself to my guest list", "my boxbe guest list",
            "sender not pre-approved", "is being held because the address", "to release your message for delivery",
            "this confirmation verifies that your message is legitimate",
            "spam filter requires senders to be verified", "sender verification is required",
            "sender verification required");
    /**
     * Wordings a challenge shares with other mail (sign-up checks, captchas): a challenge only when the
     * message also says it answers one (Auto-Submitted, a challenge system's header, a "Re:" subject).
     */
    private static final List<String> ANSWER_ONLY = List.of(
            "please confirm your message", "please verify your message", "your message is awaiting verification",
            "awaiting your verification", "verify that you are a real person", "prove that you are a real person",
            "prove that you are human", "verify that you are human", "verify that you are a human",
            "confirm that you are a human");

    private static final List<FlatPhrase> PHRASES_FLAT = FlatPhrase.all(PHRASES);
    private static final List<FlatPhrase> ANSWER_ONLY_FLAT = FlatPhrase.all(ANSWER_ONLY);

    @Override
    public String name() {
        return "challenge-response";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        // Before any search through the text: this settles most real bounces at once.
        if (HeldNotices.reportsFailureInReport(m)) {
            return null;
        }
        String text = PlainTextFormat.bounceText(m);
        String phrase = FlatPhrase.first(PlainTextFormat.bounceTextIndexed(m), PHRASES_FLAT);
        String field = "body";
        if (phrase == null) {
            phrase = FlatPhrase.first(TopLevelFields.subjectIndexed(m), PHRASES_FLAT);
            field = "Subject";
        }
        String dsnDiagnostic = HeldNotices.dsnDiagnostic(m);
        if (phrase == null && dsnDiagnostic != null) {
            phrase = FlatPhrase.first(dsnDiagnostic.toLowerCase(Locale.ROOT), PHRASES_FLAT);
            field = "Diagnostic-Code";
        }
        if (phrase == null && answersAMessage(m)) {
            phrase = FlatPhrase.first(PlainTextFormat.bounceTextIndexed(m), ANSWER_ONLY_FLAT);
            field = "body";
        }
        if (phrase == null || HeldNotices.reportsFailureInText(text)) {
            return null;
        }
        String holder = holder(m);
        if (holder == null) {
            return null;
        }
        String diagnostic = switch (field) {
            case "Subject" -> m.subject();
            case "Diagnostic-Code" -> dsnDiagnostic;
            default -> HeldNotices.paragraphWith(text, phrase);
        };
        return HeldNotices.notice(name(), holder, diagnostic, field, "challenge-response.phrase");
    }

    /** Auto-Submitted other than "no", a challenge system's own header, or a reply's subject. */
    private static boolean answersAMessage(ParsedMessage m) {
        String auto = m.headers().first("auto-submitted");
        String agent = m.headers().first("x-delivery-agent");
        return auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")
                || agent != null && agent.toLowerCase(Locale.ROOT).contains("tmda")
                || m.subject().strip().toLowerCase(Locale.ROOT).startsWith("re:");
    }

    /**
     * The protected address: the delivery report's recipient, the returned message's only addressee,
     * the sender of the notice when it is a person's address, or its Reply-To.
     */
    private static String holder(ParsedMessage m) {
        String a = HeldNotices.dsnRecipient(m);
        if (a != null) {
            return a;
        }
        List<String> to = Addresses.findAll(m.originalHeaders().first("to"), 2);
        if (to.size() == 1) {
            return to.get(0);
        }
        String from = TopLevelFields.fromAddress(m);
        if (from != null && !HeldNotices.isServiceLocalPart(from)) {
            return from;
        }
        String replyTo = Addresses.normalize(m.headers().first("reply-to"));
        return replyTo != null ? replyTo : from;
    }
}
