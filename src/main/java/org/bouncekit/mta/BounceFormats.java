package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncekit.parse.ParsedMessage;

/**
 * The formats in the order they are tried: feedback reports, then standard DSNs (enriched from the
 * prose around them when a field is missing), then prose bounces, then auto-replies. Immutable.
 */
public final class BounceFormats {
    private final FeedbackReportFormat feedback;
    private final DeliveryStatusFormat dsn;
    private final PlainTextFormat text;
    private final AutoReplyFormat autoReply = new AutoReplyFormat();
    private final List<BounceFormat> specific;

    private final InlineReportFormat inlineReport;
    private final int maxRecipients;

    public BounceFormats(int maxRecipients) {
        this(org.bouncekit.Limits.DEFAULT.withMaxRecipients(maxRecipients));
    }

    public BounceFormats(org.bouncekit.Limits limits) {
        int maxRecipients = limits.maxRecipients();
        this.maxRecipients = maxRecipients;
        this.inlineReport = new InlineReportFormat(limits);
        this.feedback = new FeedbackReportFormat(maxRecipients);
        this.dsn = new DeliveryStatusFormat(maxRecipients);
        this.text = new PlainTextFormat(maxRecipients);
        this.specific = specificFormats(maxRecipients);
    }

    /**
     * Formats with their own reading, tried before the standard DSN and the generic prose reader,
     * in this order. Each returns null for messages that are not its own.
     */
    private static List<BounceFormat> specificFormats(int maxRecipients) {
        List<BounceFormat> list = new ArrayList<>();
        // --- Unix MTAs and ESPs (Exim, qmail, Sendmail, Postfix, OpenSMTPD, Courier, DragonFly, SES, ...) ---
        list.add(new AmazonSesJsonFormat(maxRecipients));
        list.add(new FmlFormat());
        list.add(new DragonFlyFormat());
        list.add(new EximFormat(maxRecipients));
        list.add(new QmailFormat(maxRecipients));
        list.add(new SendmailTranscriptFormat(maxRecipients));
        list.add(new SesReceivingFormat(maxRecipients));
        // --- end of Unix MTAs and ESPs ---
        // --- Providers and vendors (Microsoft, Google, Yahoo, Domino, Japanese carriers, ...) ---
        list.add(new GoogleGroupsFormat(maxRecipients));
        list.add(new YahooFormat(maxRecipients));
        list.add(new NotesFormat(maxRecipients));
        list.add(new EzwebFormat(maxRecipients));
        list.add(new EinsUndEinsFormat(maxRecipients));
        list.add(new BiglobeFormat(maxRecipients));
        list.add(new VerizonFormat(maxRecipients));
        list.add(new ZohoFormat(maxRecipients));
        list.add(new IMailServerFormat(maxRecipients));
        list.add(new InterScanFormat(maxRecipients));
        list.add(new GroupWiseFormat(maxRecipients));
        list.add(new MDaemonFormat(maxRecipients));
        list.add(new ExchangeNdrFormat(maxRecipients));
        // Notices that a message is held for someone's approval: after every real bounce format, before
        // the standard DSN (Boxbe's notice carries one) and the auto-reply reader (they are auto-replied).
        list.add(new ListModerationFormat());
        list.add(new ChallengeResponseFormat());
        // --- end of providers and vendors ---
        return List.copyOf(list);
    }

    /** The first format that decodes the message, or null for ordinary mail. */
    public DecodedBounce decode(ParsedMessage m) {
        DecodedBounce d = feedback.decode(m);
        if (d != null) {
            return d;
        }
        if (PersonalMail.isPersonalReply(m)) {
            return autoReply.decode(m); // a conversation that quotes a bounce is not one
        }
        for (BounceFormat f : specific) {
            d = tryDecode(f, m);
            if (d != null) {
                return withReportDates(d, m);
            }
        }
        d = dsn.decode(m);
        if (d != null) {
            return enrich(d, m);
        }
        d = tryDecode(inlineReport, m);
        if (d != null) {
            return d;
        }
        d = text.decode(m);
        if (d != null) {
            return d;
        }
        return autoReply.decode(m);
    }

    /**
     * A format-specific decoder that trips over a message it half-recognizes must not cost the
     * message: the next formats (and finally the standard DSN and prose readers) still get their turn.
     */
    private static DecodedBounce tryDecode(BounceFormat f, ParsedMessage m) {
        try {
            return f.decode(m);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A format read the prose, but the message also has a delivery-status part (an Exim warning does): its
     * Last-Attempt-Date and Will-Retry-Until, which prose seldom states, are taken over by address.
     */
    private DecodedBounce withReportDates(DecodedBounce d, ParsedMessage m) {
        if (m.deliveryStatus().isEmpty()) {
            return d;
        }
        Map<String, RecipientRecord> byRecipient = new HashMap<>();
        for (int b = 0; b < m.deliveryStatus().size(); b++) {
            for (Map<String, String> f : m.deliveryStatusFields(b, maxRecipients).recipientFields()) {
                RecipientRecord r = DeliveryStatusFormat.fromFields(f);
                if (r != null) {
                    byRecipient.putIfAbsent(foldCase(r.recipient()), r);
                }
            }
        }
        for (RecipientRecord r : d.records()) {
            RecipientRecord dsn = byRecipient.get(foldCase(r.recipient()));
            if (dsn != null) {
                if (r.lastAttemptDate() == null) {
                    r.lastAttemptDate(dsn.lastAttemptDate());
                }
                if (r.willRetryUntil() == null) {
                    r.willRetryUntil(dsn.willRetryUntil());
                }
            }
        }
        return d;
    }

    /** False for prose that only repeats the address ("<a@example.org>"): no diagnostic at all is better. */
    private static boolean saysMoreThan(String diagnostic, String recipient) {
        String rest = diagnostic.toLowerCase(Locale.ROOT).replace(recipient.toLowerCase(Locale.ROOT), "");
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (!Character.isWhitespace(c) && c != '<' && c != '>' && c != ':' && c != '"') {
                return true;
            }
        }
        return false;
    }

    /** Fills a DSN's missing diagnostics from the prose part, which often says more. */
    private DecodedBounce enrich(DecodedBounce d, ParsedMessage m) {
        boolean missing = false;
        for (RecipientRecord r : d.records()) {
            // A delivered, relayed or expanded recipient takes nothing from the prose (see below): a delivery
            // report, whose records name no diagnostic, is not read a second time as prose.
            missing |= !RecipientRecord.isSuccessAction(r.action()) && (r.diagnostic() == null || r.replyCode() == null);
        }
        if (!missing) {
            return d;
        }
        List<RecipientRecord> proseRecords = text.knownBounceRecords(m);
        if (proseRecords == null) {
            return d;
        }
        // Looked up by address: scanning the prose records for each DSN record is quadratic in recipients.
        Map<String, List<RecipientRecord>> byRecipient = new HashMap<>();
        for (RecipientRecord p : proseRecords) {
            byRecipient.computeIfAbsent(foldCase(p.recipient()), k -> new ArrayList<>()).add(p);
        }
        List<RecipientRecord> out = new ArrayList<>(d.records());
        for (RecipientRecord r : out) {
            if (RecipientRecord.isSuccessAction(r.action())) {
                continue; // delivered, relayed, expanded: the prose's error text is another recipient's
            }
            if (r.diagnostic() != null) {
                // The DSN said something, but no reply code (e.g. "X-Unix; 77"): the transcript may have it.
                if (r.replyCode() == null) {
                    for (RecipientRecord p : byRecipient.getOrDefault(foldCase(r.recipient()), List.of())) {
                        if (p.replyCode() != null) {
                            r.replyCode(p.replyCode());
                            break;
                        }
                    }
                }
                continue;
            }
            for (RecipientRecord p : byRecipient.getOrDefault(foldCase(r.recipient()), List.of())) {
                if (p.diagnostic() != null && saysMoreThan(p.diagnostic(), r.recipient())) {
                    r.diagnostic(p.diagnostic(), "body");
                    if (r.replyCode() == null) {
                        r.replyCode(p.replyCode());
                    }
                    if (r.status() == null || isGenericFor(r.status(), p.status())) {
                        r.status(p.status());
                    }
                }
            }
            RecipientRecord only = proseRecords.size() == 1 && out.size() == 1 ? proseRecords.get(0) : null;
            if (r.diagnostic() == null && only != null && only.diagnostic() != null
                    && saysMoreThan(only.diagnostic(), only.recipient())) {
                RecipientRecord p = only;
                r.diagnostic(p.diagnostic(), "body");
                if (r.replyCode() == null) {
                    r.replyCode(p.replyCode());
                }
            }
        }
        return new DecodedBounce(d.format(), d.kind(), out, d.reportingMta());
    }

    /** A key two addresses share exactly when {@link String#equalsIgnoreCase} says they are equal. */
    private static String foldCase(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(Character.toUpperCase(c[i]));
        }
        return new String(c);
    }

    /** A DSN's "4.0.0"/"5.0.0" gives way to the specific status of the same class found in the prose. */
    private static boolean isGenericFor(String status, String prose) {
        return prose != null && status.endsWith(".0.0") && prose.charAt(0) == status.charAt(0);
    }
}
