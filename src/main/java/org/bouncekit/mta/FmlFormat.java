package org.bouncekit.mta;

import java.util.List;
import java.util.Locale;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;

/**
 * Notices of the fml mailing list manager (X-MLServer: fml): a post the list refused (sender not a
 * member, a mail loop, a security alert). The recipient is the list address the notice names.
 */
final class FmlFormat implements BounceFormat {
    /** Phrases of fml's notices (subject or text, lowercase) and what they mean. */
    private static final List<ProseLines.Meaning> NOTICES = List.of(
            new ProseLines.Meaning("are not member", Reason.REJECTED),
            new ProseLines.Meaning("not a member", Reason.REJECTED),
            new ProseLines.Meaning("reject mail from", Reason.REJECTED),
            new ProseLines.Meaning("spam mail from a spammer is rejected", Reason.REJECTED),
            new ProseLines.Meaning("loop alert", Reason.SYSTEMERROR),
            new ProseLines.Meaning("loop back warning", Reason.SYSTEMERROR),
            new ProseLines.Meaning("unix from loop", Reason.SYSTEMERROR),
            new ProseLines.Meaning("duplicated message-id", Reason.SYSTEMERROR),
            new ProseLines.Meaning("fml system error", Reason.SYSTEMERROR),
            new ProseLines.Meaning("security alert", Reason.SECURITYERROR));
    private static final List<String> ENDS = List.of("original mail as follows");

    @Override
    public String name() {
        return "fml";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        String server = m.headers().first("x-mlserver");
        if (server == null || !server.toLowerCase(Locale.ROOT).contains("fml")) {
            return null;
        }
        String text = PlainTextFormat.bounceText(m);
        Reason reason = ProseLines.meaning(m.subject() + "\n" + text, NOTICES);
        if (reason == null) {
            return null;
        }
        List<String> lines = ProseLines.section("\n" + text, List.of(""), ENDS);
        String notice = ProseLines.join(lines, List.of(), List.of());
        String list = null;
        for (String a : Addresses.findAll(notice == null ? "" : notice, 4)) {
            list = list == null ? a : list;
        }
        if (list == null) {
            return null;
        }
        RecipientRecord r = new RecipientRecord(list).action("failed").diagnostic(notice, "body")
                .reasonHint(reason, "fml.notice");
        return new DecodedBounce(name(), MessageKind.BOUNCE, List.of(r));
    }
}
