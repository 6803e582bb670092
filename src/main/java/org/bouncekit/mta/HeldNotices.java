package org.bouncekit.mta;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.DeliveryStatus;
import org.bouncekit.parse.ParsedMessage;
import org.bouncekit.parse.SmtpCodes;

/**
 * What challenge-response and list-moderation notices have in common: a message held for a person's
 * approval is not a delivery failure, so such a notice is an automatic reply with one verdict (reason
 * onhold) for the address that holds it; and a message that reports a permanent SMTP failure is a
 * bounce whatever else its text says, so it is never taken for such a notice.
 */
final class HeldNotices {
    private static final int MAX_DIAGNOSTIC = 600;
    private static final int MAX_PARAGRAPHS = 200;

    private HeldNotices() {
    }

    /**
     * The first of {@code phrases} (lowercase, single spaces) that {@code lower} contains when its runs of
     * white space are read as one space (a phrase may be wrapped across lines), or null.
     */
    static String firstPhrase(String lower, List<String> phrases) {
        for (String p : phrases) {
            if (flatContains(lower, p)) {
                return p;
            }
        }
        return null;
    }

    /** {@code TextMarkers.singleSpaced(text).contains(phrase)} without building the flat text; see {@link FlatPhrase}. */
    static boolean flatContains(String text, String phrase) {
        return compiled(phrase).in(text);
    }

    private static final int MAX_CACHED = 256;
    private static final java.util.concurrent.ConcurrentHashMap<String, FlatPhrase> COMPILED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The phrase compiled, kept per phrase: the phrases are a few constants (lists compile theirs once). */
    private static FlatPhrase compiled(String phrase) {
        FlatPhrase p = COMPILED.get(phrase);
        if (p == null) {
            p = FlatPhrase.of(phrase);
            if (COMPILED.size() < MAX_CACHED) {
                COMPILED.put(phrase, p);
            }
        }
        return p;
    }

    /**
     * True when the message's headers or delivery-status part report a failure as bounces do:
     * X-Failed-Recipients or a permanent status. Together with {@link #reportsFailureInText} this tells a
     * bounce from a notice; this half is cheap, so the notice formats check it before searching the text.
     */
    static boolean reportsFailureInReport(ParsedMessage m) {
        LastReport last = LAST_REPORT.get();
        if (last.message != m) {
            last.failure = failureInReport(m);
            last.message = m;
        }
        return last.failure;
    }

    /**
     * The message a thread checked last and the answer (ParsedMessage is immutable): both notice formats
     * ask for every message, and the delivery-status part is parsed to answer.
     */
    private static final class LastReport {
        ParsedMessage message;
        boolean failure;
    }

    private static final ThreadLocal<LastReport> LAST_REPORT = ThreadLocal.withInitial(LastReport::new);

    private static boolean failureInReport(ParsedMessage m) {
        if (m.headers().has("x-failed-recipients")) {
            return true;
        }
        for (int b = 0; b < m.deliveryStatus().size(); b++) {
            DeliveryStatus ds = m.deliveryStatusFields(b, 100);
            for (Map<String, String> r : ds.recipientFields()) {
                String status = r.get("status");
                if (status != null && status.strip().startsWith("5")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the text holds a permanent SMTP reply or status, as bounces do. */
    static boolean reportsFailureInText(String text) {
        String status = SmtpCodes.findStatus(text);
        if (status != null && status.charAt(0) == '5') {
            return true;
        }
        for (String line : ProseLines.lines(text)) {
            String t = line.strip();
            if (t.length() >= 4 && t.charAt(0) == '5' && Character.isDigit(t.charAt(1)) && Character.isDigit(t.charAt(2))
                    && (t.charAt(3) == ' ' || t.charAt(3) == '-')) {
                return true;
            }
        }
        return false;
    }

    /** The DSN's first Final-Recipient (or Original-Recipient), or null. */
    static String dsnRecipient(ParsedMessage m) {
        for (int b = 0; b < m.deliveryStatus().size(); b++) {
            for (Map<String, String> r : m.deliveryStatusFields(b, 1).recipientFields()) {
                String a = Addresses.normalize(r.getOrDefault("original-recipient", r.get("final-recipient")));
                if (a != null) {
                    return a;
                }
            }
        }
        return null;
    }

    /** The DSN's first Diagnostic-Code, without its type ("smtp;", "X-Boxbe-Notice;"), or null. */
    static String dsnDiagnostic(ParsedMessage m) {
        for (int b = 0; b < m.deliveryStatus().size(); b++) {
            for (Map<String, String> r : m.deliveryStatusFields(b, 1).recipientFields()) {
                String d = r.get("diagnostic-code");
                if (d != null) {
                    int semi = d.indexOf(';');
                    String text = (semi > 0 && semi < 40 ? d.substring(semi + 1) : d).strip();
                    return text.isEmpty() ? null : Paragraphs.bounded(text, MAX_DIAGNOSTIC);
                }
            }
        }
        return null;
    }

    /** The paragraph of {@code text} that contains {@code phrase} (lowercase), joined to one line, or null. */
    static String paragraphWith(String text, String phrase) {
        for (String p : Paragraphs.of(text, MAX_PARAGRAPHS)) {
            if (flatContains(TextMarkers.lowerSameLength(p), phrase)) {
                return oneLine(p);
            }
        }
        return null;
    }

    /** The paragraph after the first one that starts with one of {@code labels} (lowercase), or null. */
    static String paragraphAfter(String text, List<String> labels) {
        List<String> paragraphs = Paragraphs.of(text, MAX_PARAGRAPHS);
        for (int i = 0; i + 1 < paragraphs.size(); i++) {
            if (ProseLines.startsWithAny(paragraphs.get(i).toLowerCase(Locale.ROOT), labels)) {
                return oneLine(paragraphs.get(i + 1));
            }
        }
        return null;
    }

    private static String oneLine(String paragraph) {
        StringBuilder sb = new StringBuilder();
        for (String line : ProseLines.lines(paragraph)) {
            String t = line.strip();
            if (!t.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(t);
            }
        }
        return Paragraphs.bounded(sb.toString(), MAX_DIAGNOSTIC);
    }

    /** The notice as decoded: one record for {@code holder}, reason onhold by the named rule. */
    static DecodedBounce notice(String format, String holder, String diagnostic, String field, String rule) {
        RecipientRecord r = new RecipientRecord(holder).diagnostic(diagnostic, field).reasonHint(Reason.ONHOLD, rule);
        return new DecodedBounce(format, MessageKind.AUTOREPLY, List.of(r));
    }

    /** True for a local part that names a service, not a person (noreply, mailer-daemon, ...). */
    static boolean isServiceLocalPart(String address) {
        String local = address.substring(0, address.lastIndexOf('@')).toLowerCase(Locale.ROOT);
        for (String s : SERVICE_LOCAL_PARTS) {
            if (local.equals(s) || local.startsWith(s + "+") || local.startsWith(s + "-")) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> SERVICE_LOCAL_PARTS = List.of(
            "noreply", "no-reply", "donotreply", "do-not-reply", "mailer-daemon", "postmaster", "verify",
            "verification", "confirm", "challenge", "auto-reply", "autoreply", "notification", "notifications");
}
