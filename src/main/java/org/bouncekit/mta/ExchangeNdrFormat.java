package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncekit.MessageKind;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;
import org.bouncekit.parse.SmtpCodes;

/**
 * Exchange 2007-2019 non-delivery reports read from their text, in any of Exchange's languages, when no
 * delivery-status part came with them (a gateway stripped it, or the report was forwarded). The
 * section "Diagnostic information for administrators" (localized) names the generating server, then
 * gives each recipient on a line of its own followed by the server's reply: {@code #550 5.1.1 ... ##}
 * (2007/2010, after the remote host when one answered), or {@code Remote Server returned '550 ...'} and
 * {@code Remote Server at HOST (IP) returned '...'} (2013 and later). Headings are localized, the
 * replies are not. With a delivery-status part the standard DSN reader is used instead.
 */
final class ExchangeNdrFormat implements BounceFormat {
    /**
     * The section's heading and its "Generating server" label as Exchange writes them, lowercase and
     * without the colon (French puts a space before it).
     */
    private static final List<String> SECTION_MARKERS = List.of(
            "diagnostic information for administrators", "generating server",
            "diagnoseinformationen für administratoren", "generierender server",
            "informations de diagnostic pour les administrateurs", "serveur de génération",
            "información de diagnóstico para administradores", "servidor de generación",
            "informazioni di diagnostica per gli amministratori", "informazioni diagnostiche per gli amministratori",
            "server di generazione",
            "informações de diagnóstico para administradores", "informações de diagnóstico para os administradores",
            "servidor de geração", "servidor gerador",
            "diagnostische gegevens voor beheerders", "diagnostische informatie voor beheerders", "genererende server",
            "diagnostisk information för administratörer", "genererande server",
            "informacje diagnostyczne dla administratorów", "serwer generujący",
            "diagnosticeringsoplysninger til administratorer", "diagnostikkinformasjon for administratorer",
            "diagnostiikkatiedot järjestelmänvalvojille",
            "diagnostické informace pro správce", "generující server",
            "diagnosztikai adatok a rendszergazdák számára", "létrehozó kiszolgáló",
            "yöneticiler için tanılama bilgileri", "oluşturan sunucu",
            "диагностические сведения для администраторов",
            "管理者向けの診断情報", "生成サーバー",
            "管理员的诊断信息", "生成服务器", "系統管理員的診斷資訊", "產生伺服器",
            "관리자를 위한 진단 정보", "생성 서버");
    private static final String RETURNED = "returned '";
    private static final int MAX_LINES = 2000;
    private static final int MAX_DIAGNOSTIC = 1000;

    private final int maxRecipients;

    ExchangeNdrFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "exchange";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        if (!m.deliveryStatus().isEmpty()) {
            return null;
        }
        if (!PlainTextFormat.bounceTextIndexed(m).containsAny(SECTION_MARKERS)) {
            return null;
        }
        String[] lines = PlainTextFormat.bounceText(m).split("\n", MAX_LINES);
        int start = sectionStart(lines);
        if (start < 0) {
            return null;
        }
        List<RecipientRecord> records = new ArrayList<>();
        RecipientRecord current = null;
        String host = null;
        for (int i = start; i < lines.length && records.size() <= maxRecipients; i++) {
            String t = lines[i].strip();
            if (t.isEmpty()) {
                host = null;
                continue;
            }
            String address = addressLine(t);
            if (address != null) {
                if (records.size() == maxRecipients) {
                    break;
                }
                current = new RecipientRecord(address).action("failed");
                records.add(current);
                host = null;
                continue;
            }
            if (current == null) {
                continue;
            }
            String reply = reply(t);
            if (reply != null) {
                if (current.diagnostic() == null) {
                    SmtpCodes.Found codes = SmtpCodes.find(reply);
                    current.diagnostic(Paragraphs.bounded(reply, MAX_DIAGNOSTIC), "body")
                            .status(codes.status()).replyCode(codes.replyCode());
                    String remote = remoteHost(t, host);
                    if (remote != null) {
                        current.remoteMta(remote);
                    }
                }
            } else if (isHostName(t)) {
                host = t;
            } else if (current.diagnostic() != null) {
                // The original message's headers (or their localized heading) follow the last reply.
                break;
            }
        }
        records.removeIf(r -> r.diagnostic() == null);
        return records.isEmpty() ? null : new DecodedBounce(name(), MessageKind.BOUNCE, records);
    }

    /** The index of the line after the section heading or the generating server's line, or -1. */
    private static int sectionStart(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String t = TextMarkers.lowerSameLength(lines[i].strip());
            for (String marker : SECTION_MARKERS) {
                if (t.startsWith(marker)) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /** The address when the line is nothing but one address, else null. */
    private static String addressLine(String t) {
        if (t.indexOf(' ') >= 0 || t.indexOf('@') < 0) {
            return null;
        }
        List<String> found = Addresses.findAll(t, 2);
        return found.size() == 1 && t.length() <= found.get(0).length() + 2 ? found.get(0) : null;
    }

    /**
     * The server's reply in a line "#550 5.1.1 ... ##", "HOST #550 ... ##" or "... returned '550 ...'",
     * without Exchange's decoration; null for other lines.
     */
    private static String reply(String t) {
        int q = t.indexOf(RETURNED);
        if (q >= 0) {
            String r = t.substring(q + RETURNED.length());
            int end = r.lastIndexOf('\'');
            return clean(end >= 0 ? r.substring(0, end) : r);
        }
        int hash = t.indexOf('#');
        if (hash < 0 || hash + 1 >= t.length() || !isReplyStart(t.charAt(hash + 1))) {
            return null;
        }
        if (hash > 0 && !isHostName(t.substring(0, hash).strip())) {
            return null; // only the host that answered may stand before the '#'
        }
        String r = t.substring(hash + 1);
        for (String tail : new String[] {"#SMTP#", "##"}) {
            if (r.endsWith(tail)) {
                r = r.substring(0, r.length() - tail.length());
                break;
            }
        }
        return clean(r);
    }

    private static boolean isReplyStart(char c) {
        return c == '<' || c == '2' || c == '4' || c == '5';
    }

    /** Exchange's angle brackets around a relayed reply ("&lt; #5.0.0 smtp;550 ...&gt;") removed. */
    private static String clean(String r) {
        String s = r.strip();
        if (s.startsWith("<") && s.endsWith(">") && s.indexOf('@') < 0) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s.isEmpty() ? null : s;
    }

    /** The remote server named in "Remote Server at HOST (IP) returned", the host line before, or null. */
    private static String remoteHost(String t, String hostLine) {
        String lower = TextMarkers.lowerSameLength(t);
        int at = lower.indexOf(" at ");
        int returned = lower.indexOf(RETURNED);
        if (at >= 0 && returned > at) {
            String between = t.substring(at + 4, returned).strip();
            int sp = between.indexOf(' ');
            String host = sp < 0 ? between : between.substring(0, sp);
            if (isHostName(host)) {
                return host;
            }
        }
        int hash = t.indexOf('#');
        if (returned < 0 && hash > 0 && isHostName(t.substring(0, hash).strip())) {
            return t.substring(0, hash).strip();
        }
        return hostLine;
    }

    /** A line that is one DNS name (the server that answered, written above its reply). */
    private static boolean isHostName(String t) {
        if (t.isEmpty() || t.length() > 255 || t.indexOf('.') <= 0 || t.endsWith(".") || t.endsWith(":")) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
