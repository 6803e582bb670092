package org.bouncekit.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncekit.BounceClass;
import org.bouncekit.BounceReport;
import org.bouncekit.Limits;
import org.bouncekit.MessageKind;
import org.bouncekit.OriginalMessage;
import org.bouncekit.Verdict;
import org.bouncekit.mta.BounceFormats;
import org.bouncekit.mta.DecodedBounce;
import org.bouncekit.mta.RecipientRecord;
import org.bouncekit.parse.HeaderBlock;
import org.bouncekit.parse.MimeParser;
import org.bouncekit.parse.ParsedMessage;

/**
 * The pipeline for one message: parse -> decode the format -> a verdict per recipient -> report.
 * Immutable and thread-safe; all set-up happens in the constructor.
 */
public final class MessageAnalyzer {
    private final Limits limits;
    private final MimeParser parser;
    private final BounceFormats formats;
    private final VerdictAssembler assembler;
    private final List<String> correlateHeaders;

    public MessageAnalyzer(Limits limits, VerdictAssembler assembler, List<String> correlateHeaders) {
        this.limits = limits;
        this.parser = new MimeParser(limits);
        this.formats = new BounceFormats(limits);
        this.assembler = assembler;
        this.correlateHeaders = List.copyOf(correlateHeaders);
    }

    /** Classifies one message; never throws on bad input. */
    public BounceReport analyze(byte[] message) {
        long deadline = System.nanoTime() + limits.timeBudget().toNanos();
        try {
            if (isBlank(message)) {
                // An empty file in a bounce folder carries no delivery information: nothing to do, no error.
                return new BounceReport(MessageKind.NOT_BOUNCE, null, null, null, OriginalMessage.UNKNOWN, List.of(),
                        null, false);
            }
            ParsedMessage m = parser.parse(message, deadline);
            if (m.headers().isEmpty()) {
                return BounceReport.unreadable(m.problem() != null ? m.problem() : "no header fields: not an RFC 5322 message");
            }
            DecodedBounce d = formats.decode(m);
            String messageId = m.headers().first("message-id");
            String subject = m.subject();
            if (d == null) {
                // Not a bounce itself, but it may carry one (forwarded as an attachment): that one is read then.
                ParsedMessage inner = m.attachedMessage();
                DecodedBounce carried = inner == null ? null : formats.decode(inner);
                if (carried != null && (carried.kind() == MessageKind.BOUNCE || carried.kind() == MessageKind.DELAY)) {
                    d = carried;
                    m = inner;
                }
            }
            OriginalMessage original = original(m);
            if (d == null) {
                return new BounceReport(MessageKind.NOT_BOUNCE, messageId, null, subject, original, List.of(), null,
                        m.truncated());
            }
            List<Verdict> verdicts = new ArrayList<>(d.records().size());
            // The bounce's own prose often says which SMTP command failed ("(in reply to RCPT TO
            // command)", a session transcript) outside the diagnostic the format extracted. With one
            // recipient all of it is about that recipient; with several, the paragraph naming it.
            String body = m.bodyText();
            RecipientParagraph.Finder paragraphs = d.records().size() == 1 ? null : new RecipientParagraph.Finder(body);
            for (RecipientRecord r : d.records()) {
                String context = paragraphs == null ? body : paragraphs.of(r.recipient());
                if (r.reportingMta() == null) {
                    r.reportingMta(d.reportingMta());
                }
                verdicts.add(assembler.assemble(r, d.kind(), context));
            }
            // Formats stop at maxRecipients: the report then holds only the first ones and must say so.
            boolean recipientsCut = d.records().size() >= limits.maxRecipients();
            return new BounceReport(kindOf(d.kind(), verdicts), messageId, d.format(), subject, original,
                    verdicts, null, m.truncated() || recipientsCut, d.reportingMta());
        } catch (RuntimeException | StackOverflowError e) {
            return BounceReport.unreadable("could not classify: " + MimeParserErrors.describe(e));
        }
    }

    private static boolean isBlank(byte[] message) {
        for (byte b : message) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** A bounce whose recipients are all only delayed is a delay; all delivered (none under a 5.x.x status), a delivery. */
    private static MessageKind kindOf(MessageKind decoded, List<Verdict> verdicts) {
        if (decoded != MessageKind.BOUNCE && decoded != MessageKind.DELAY) {
            return decoded;
        }
        boolean failed = false;
        boolean delayed = false;
        for (Verdict v : verdicts) {
            if ("delayed".equals(v.action())) {
                delayed = true;
            } else if (!RecipientRecord.isSuccessAction(v.action()) || v.bounceClass() == BounceClass.PERMANENT) {
                // "Action: delivered" under a 5.x.x Status: the Status decides (RFC 3463 class 5 is a failure)
                failed = true;
            }
        }
        if (failed) {
            return MessageKind.BOUNCE;
        }
        return delayed ? MessageKind.DELAY : verdicts.isEmpty() ? decoded : MessageKind.DELIVERY;
    }

    private OriginalMessage original(ParsedMessage m) {
        HeaderBlock h = m.originalHeaders();
        Map<String, String> extra = new LinkedHashMap<>();
        for (String name : correlateHeaders) {
            String v = h.first(name);
            if (v == null) {
                v = m.headers().first(name);
            }
            if (v != null) {
                extra.put(name, v);
            }
        }
        return new OriginalMessage(h.first("message-id"), h.first("from"), h.first("to"), h.first("subject"), extra);
    }
}
