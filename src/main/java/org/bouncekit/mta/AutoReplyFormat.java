package org.bouncekit.mta;

import java.util.List;
import java.util.Locale;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;

/**
 * Automatic replies (RFC 3834 Auto-Submitted: auto-replied, vendor headers, and the usual subjects
 * in several languages): never a bounce. The verdict names the address that replied.
 */
final class AutoReplyFormat implements BounceFormat {
    private static final List<String> SUBJECTS = List.of(
            "out of office", "out of the office", "automatic reply", "auto reply", "auto-reply", "autoreply",
            "auto response", "autoresponse", "autorespons", "away until", "on vacation", "vacation reply",
            "abwesenheit", "automatische antwort", "nicht im büro", "außer haus",
            "réponse automatique", "reponse automatique", "absence", "en congé",
            "respuesta automática", "respuesta automatica", "fuera de la oficina",
            "risposta automatica", "fuori ufficio", "resposta automática", "ausente",
            "automatisch antwoord", "afwezig", "автоответ", "автоматический ответ", "自動応答", "不在",
            // Exchange/Outlook's "Automatic reply:" prefix in further languages
            "odpowiedź automatyczna", "automatiskt svar", "automatisk svar", "automaattinen vastaus",
            "automatická odpověď", "automatikus válasz", "otomatik yanıt", "αυτόματη απάντηση",
            "răspuns automat", "automatski odgovor", "автоматична відповідь", "自动回复", "自動回覆", "자동 회신",
            "automatická odpoveď", "samodejni odgovor", "аутоматски одговор", "автоматичен отговор",
            "automatinis atsakymas", "automātiskā atbilde", "automaatvastus", "automaatne vastus",
            "balasan otomatis", "balasan automatik", "ตอบกลับอัตโนมัติ", "trả lời tự động",
            "תשובה אוטומטית", "رد تلقائي", "پاسخ خودکار");

    @Override
    public String name() {
        return "rfc3834";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        String autoSubmitted = lower(m.headers().first("auto-submitted"));
        String subject = TopLevelFields.subjectLower(m);
        boolean byHeader = autoSubmitted.startsWith("auto-replied") || m.headers().has("x-autoreply")
                || m.headers().has("x-autorespond") || lower(m.headers().first("precedence")).contains("auto_reply");
        boolean bySubject = false;
        for (String s : SUBJECTS) {
            if (subject.contains(s)) {
                bySubject = true;
                break;
            }
        }
        if (!byHeader && !bySubject) {
            return null;
        }
        String replier = TopLevelFields.fromAddress(m);
        if (replier != null && isDaemon(replier)) {
            // Mail daemons do not go on holiday: an "auto-replied" message from one is a notice, not a vacation reply.
            return null;
        }
        if (replier == null) {
            replier = Addresses.normalize(m.headers().first("reply-to"));
        }
        if (replier == null) {
            return new DecodedBounce(name(), MessageKind.AUTOREPLY, List.of());
        }
        RecipientRecord r = new RecipientRecord(replier)
                .diagnostic(m.subject(), "Subject")
                .reasonHint(Reason.VACATION, byHeader ? "autoreply.header" : "autoreply.subject");
        return new DecodedBounce(name(), MessageKind.AUTOREPLY, List.of(r));
    }

    private static boolean isDaemon(String address) {
        String local = address.substring(0, address.lastIndexOf('@')).toLowerCase(Locale.ROOT);
        return local.equals("mailer-daemon") || local.equals("postmaster") || local.equals("mail-daemon")
                || local.equals("mailer_daemon");
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
