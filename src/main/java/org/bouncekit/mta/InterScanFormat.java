package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncekit.MessageKind;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;
import org.bouncekit.parse.TextPart;

/**
 * Trend Micro InterScan (IMSS/IMSVA) notices: "****** Message from InterScan Messaging Security Suite
 * ******", then "Reason: Unable to deliver message to &lt;address&gt;" or the SMTP dialogue
 * ("Sent &lt;&lt;&lt; RCPT TO:&lt;address&gt;", "Received &gt;&gt;&gt; 550 ..."). The remote server's reply, when
 * not in the notice, is in the attached delivery report ("&lt;&lt;&lt; 550 ...").
 */
final class InterScanFormat implements BounceFormat {
    private static final String SIGNATURE = "message from interscan messaging security";
    private static final int MAX_LINES = 300;
    private static final int MAX_DIAGNOSTIC = 1000;

    private final int maxRecipients;

    InterScanFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    @Override
    public String name() {
        return "trendmicro";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        String body = PlainTextFormat.bounceText(m);
        if (!PlainTextFormat.bounceTextIndexed(m).contains(SIGNATURE)) {
            return null;
        }
        Map<String, String> found = new LinkedHashMap<>();
        String current = null;
        for (String line : body.split("\n", MAX_LINES)) {
            String t = line.strip();
            String lower = TextMarkers.lowerSameLength(t);
            if (lower.startsWith("reason:") || lower.startsWith("sent <<<")) {
                List<String> a = Addresses.findAll(t, 1);
                if (!a.isEmpty() && found.size() < maxRecipients) {
                    current = a.get(0);
                    found.putIfAbsent(current, lower.startsWith("reason:") ? t.substring(7).strip() : null);
                }
            } else if (lower.startsWith("received >>>") && current != null) {
                found.put(current, t.substring(12).strip());
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        List<RecipientRecord> records = new ArrayList<>();
        for (Map.Entry<String, String> e : found.entrySet()) {
            String reply = attachedReply(m, e.getKey());
            String diagnostic = reply != null ? reply : e.getValue();
            records.add(ProseLines.record(e.getKey(), diagnostic == null ? null : Paragraphs.bounded(diagnostic, MAX_DIAGNOSTIC))
                    .action("failed"));
        }
        return new DecodedBounce(name(), MessageKind.BOUNCE, records);
    }

    /** The "&lt;&lt;&lt; NNN ..." reply naming {@code address} in an attached delivery report, or null. */
    private static String attachedReply(ParsedMessage m, String address) {
        String lowerAddress = address.toLowerCase(Locale.ROOT);
        for (TextPart p : m.texts()) {
            if (!p.inAttached()) {
                continue;
            }
            for (String line : p.text().split("\n", MAX_LINES)) {
                String t = line.strip();
                if (t.startsWith("<<<") && t.toLowerCase(Locale.ROOT).contains(lowerAddress)) {
                    return t.substring(3).strip();
                }
            }
        }
        return null;
    }
}
