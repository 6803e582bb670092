package org.bouncekit.mta;

import java.util.List;
import java.util.Locale;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;

/**
 * Mailing-list notices that a post waits for a moderator (Mailman 2 and 3, Google Groups, Sympa,
 * LISTSERV): not a bounce, the post may still go out. One verdict, for the list address, with reason
 * onhold and no suppression; the diagnostic says why the post is held when the notice does. A message
 * that reports a permanent SMTP failure (a list server refusing the post outright) stays a bounce.
 */
final class ListModerationFormat implements BounceFormat {
    /** Mailman's wording, which names the list itself. */
    private static final String MAILMAN = "is being held until the list moderator can review it";
    /**
     * Wordings of moderation notices, lowercase, single-spaced, in the list managers' languages; a
     * notice only when the message comes from a list (see {@link #fromAList}).
     */
    private static final List<String> PHRASES = List.of(
            MAILMAN, "awaits moderator approval",
            "awaiting moderator approval", "pending moderator approval", "held for moderator approval",
            "held for moderation", "is pending approval by a group", "pending moderation",
            "has been forwarded to the moderator", "has been forwarded to editor", "forwarded to the list editor",
            "has been submitted to the moderator", "sent to the moderator of", "sent to the list moderator",
            "wartet auf freigabe durch den moderator", "wird zurückgehalten, bis der moderator", "attend l'approbation du modérateur",
            "espera la aprobación del moderador");
    private static final List<FlatPhrase> PHRASES_FLAT = FlatPhrase.all(PHRASES);
    private static final FlatPhrase MAILMAN_FLAT = FlatPhrase.of(MAILMAN);
    /** Labels of the paragraph before the reason for holding (Mailman), lowercase. */
    private static final List<String> REASON_LABELS = List.of(
            "the reason it is being held", "the message is being held because", "reason:",
            "der grund für das zurückhalten", "la raison de la retenue", "el motivo de la retención");
    /** Local-part prefixes and suffixes of a list's administrative addresses, lowercase. */
    private static final List<String> ADMIN_SUFFIXES = List.of("-owner", "-bounces", "-request", "-admin",
            "+owner", "+owners"); // groups.io and Google Groups: main+owner@, name+owners@
    private static final String ADMIN_PREFIX = "owner-";

    @Override
    public String name() {
        return "list-moderation";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        // Header checks first: they settle most messages without a search through the text.
        if (HeldNotices.reportsFailureInReport(m)) {
            return null;
        }
        String text = PlainTextFormat.bounceText(m);
        String subject = TopLevelFields.subjectLower(m);
        String inSubject = FlatPhrase.first(TopLevelFields.subjectIndexed(m), PHRASES_FLAT);
        String anyPhrase = FlatPhrase.first(PlainTextFormat.bounceTextIndexed(m), PHRASES_FLAT);
        if (inSubject == null && anyPhrase == null) {
            return null; // no wording of a notice, whoever sent it: the sender's addresses need not be parsed
        }
        boolean fromAList = fromAList(m);
        // Mailman's wording (the first phrase) is the only one that counts when the sender is no list.
        String phrase = fromAList ? anyPhrase : MAILMAN_FLAT.in(PlainTextFormat.bounceTextIndexed(m)) ? MAILMAN : null;
        if (phrase == null && inSubject == null || HeldNotices.reportsFailureInText(text)) {
            return null;
        }
        if (!MAILMAN.equals(phrase) && !(fromAList && speaksToThePoster(subject, text, phrase))) {
            return null;
        }
        String list = listAddress(m, text);
        if (list == null) {
            return null;
        }
        String diagnostic = phrase != null ? HeldNotices.paragraphWith(text, phrase) : m.subject();
        String reason = HeldNotices.paragraphAfter(text, REASON_LABELS);
        if (reason != null) {
            diagnostic = diagnostic == null ? reason : diagnostic + " " + reason;
        }
        return HeldNotices.notice(name(), list, diagnostic, phrase != null ? "body" : "Subject",
                "list-moderation.phrase");
    }

    /**
     * True when the message comes from a list manager: list header fields, or an administrative sender
     * (testlist-owner@, owner-testlist@, LISTSERV@, sympa@, majordomo@).
     */
    private static boolean fromAList(ParsedMessage m) {
        for (String h : LIST_HEADERS) {
            if (m.headers().has(h)) {
                return true;
            }
        }
        for (String name : new String[] {"from", "sender", "return-path"}) {
            String a = Addresses.normalize(angleAddress(m.headers().first(name)));
            if (a != null && (listOf(a) != null || LIST_MANAGERS.contains(a.substring(0, a.lastIndexOf('@'))
                    .toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the subject, or the paragraph that says the post is held, speaks of the poster's
     * message ("Your message for list ... has been forwarded to the moderator"), as moderation notices
     * do and digests that merely mention moderation do not.
     */
    private static boolean speaksToThePoster(String subject, String text, String phrase) {
        if (FlatPhrase.first(subject, POSTER_FLAT) != null) {
            return true;
        }
        String paragraph = phrase == null ? null : HeldNotices.paragraphWith(text, phrase);
        return paragraph != null && FlatPhrase.first(paragraph.toLowerCase(Locale.ROOT), POSTER_FLAT) != null;
    }

    /** How a notice names the poster's message, lowercase, in the list managers' languages. */
    private static final List<String> POSTER = List.of(
            "your message", "your mail to", "your post to", "your posting", "your e-mail to", "your email to",
            "ihre nachricht", "ihre mail an", "ihre e-mail an", "votre message", "su mensaje", "il tuo messaggio",
            "sua mensagem");

    private static final List<FlatPhrase> POSTER_FLAT = FlatPhrase.all(POSTER);

    private static final List<String> LIST_HEADERS = List.of(
            "list-id", "list-post", "x-beenthere", "x-mailman-version", "x-list-administrivia", "x-google-group-id",
            "mailing-list", "x-loop");
    private static final List<String> LIST_MANAGERS = List.of("listserv", "sympa", "majordomo", "mailman", "ezmlm");

    /**
     * The list's address: List-Post, X-BeenThere, an address in the Subject, the list an administrative
     * sender belongs to (testlist-owner@, owner-testlist@), or the first address the notice names.
     */
    private static String listAddress(ParsedMessage m, String text) {
        String post = Addresses.normalize(m.headers().first("list-post"));
        if (post != null) {
            return post;
        }
        String beenThere = Addresses.normalize(m.headers().first("x-beenthere"));
        if (beenThere != null) {
            return beenThere;
        }
        String inSubject = Addresses.normalize(m.subject());
        if (inSubject != null) {
            return inSubject;
        }
        for (String name : new String[] {"from", "sender", "return-path", "errors-to"}) {
            String list = listOf(Addresses.normalize(angleAddress(m.headers().first(name))));
            if (list != null) {
                return list;
            }
        }
        for (String a : Addresses.findAll(text, 20)) {
            if (!a.equalsIgnoreCase(Addresses.normalize(m.headers().first("to"))) && !HeldNotices.isServiceLocalPart(a)) {
                return a;
            }
        }
        return null;
    }

    /**
     * The angle-bracketed address of a header value, or the value: a display name may itself hold an
     * address ("main@group.example Moderators" &lt;main+owner@group.example&gt;), and the address that sent the
     * notice is the one in brackets.
     */
    private static String angleAddress(String value) {
        if (value == null) {
            return null;
        }
        int close = value.lastIndexOf('>');
        int open = close < 0 ? -1 : value.lastIndexOf('<', close);
        return open >= 0 ? value.substring(open, close + 1) : value;
    }

    /** The list address an administrative address belongs to, or null. */
    private static String listOf(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        String lowerLocal = local.toLowerCase(Locale.ROOT);
        for (String suffix : ADMIN_SUFFIXES) {
            if (lowerLocal.endsWith(suffix) && local.length() > suffix.length()) {
                return local.substring(0, local.length() - suffix.length()) + address.substring(at);
            }
        }
        if (lowerLocal.startsWith(ADMIN_PREFIX) && local.length() > ADMIN_PREFIX.length()) {
            return local.substring(ADMIN_PREFIX.length()) + address.substring(at);
        }
        return null;
    }
}
