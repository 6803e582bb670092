package org.bouncekit.mta;

import java.util.List;
import java.util.Locale;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;

/**
 * Signs that a message without a delivery report of its own is ordinary mail written or sent by a
 * person or an application, however much bounce text it quotes: a false bounce can suppress a working
 * address, so such quotes are not read as bounces.
 */
final class PersonalMail {
    /** Reply prefixes of mail clients in several languages, lowercase, with their colon. */
    private static final List<String> REPLY_PREFIXES = List.of(
            "re:", "re :", "aw:", "sv:", "vs:", "antw:", "antwort:", "r:", "rif:", "res:", "odp:", "ynt:",
            "回复:", "回复：", "答复:", "答复：", "返信:", "ответ:");

    private PersonalMail() {
    }

    /**
     * A person's reply in a conversation: a reply prefix in the subject, In-Reply-To or References, no
     * Auto-Submitted, no report, no X-Failed-Recipients, and a sender that is no mail system. Mail
     * systems name their bounces themselves ("Undeliverable: RE: ..."); a reply that quotes one is a
     * conversation about it.
     */
    static boolean isPersonalReply(ParsedMessage m) {
        // The per-message lowercase Subject with its leading white space skipped, read in place: the same chars
        // as the stripped Subject lowercased (lowercasing neither makes nor removes white space).
        String subject = TopLevelFields.subjectLower(m);
        int start = 0;
        while (start < subject.length() && Character.isWhitespace(subject.charAt(start))) {
            start++;
        }
        if (!startsWithAny(subject, start, REPLY_PREFIXES)) {
            return false;
        }
        if (!m.headers().has("in-reply-to") && !m.headers().has("references")) {
            return false;
        }
        String auto = m.headers().first("auto-submitted");
        if (auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return false;
        }
        return hasNoReport(m) && !fromMailSystem(m);
    }

    /**
     * Sent with the From address as its envelope sender (Return-Path), by a sender that is no mail
     * system: bounces go out with the null reverse-path (RFC 5321 section 4.5.5) or from a daemon
     * address. A message without Return-Path says nothing either way.
     */
    static boolean sentAsOrdinaryMail(ParsedMessage m) {
        String returnPath = Addresses.normalize(m.headers().first("return-path"));
        String from = TopLevelFields.fromAddress(m);
        return returnPath != null && returnPath.equalsIgnoreCase(from) && hasNoReport(m) && !fromMailSystem(m);
    }

    private static boolean hasNoReport(ParsedMessage m) {
        return m.deliveryStatus().isEmpty() && !m.headers().has("x-failed-recipients");
    }

    /** The From field (name or address) has a mail system's marker: MAILER-DAEMON, postmaster, "Mail Delivery". */
    static boolean fromMailSystem(ParsedMessage m) {
        return TopLevelFields.fromIndexed(m).containsAnyMarker(TextMarkers.BUILT_IN.compiledFromMarkers);
    }

    private static boolean startsWithAny(String s, int from, List<String> prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p, from)) {
                return true;
            }
        }
        return false;
    }
}
