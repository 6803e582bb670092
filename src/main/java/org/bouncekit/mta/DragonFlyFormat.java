package org.bouncekit.mta;

import java.util.List;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.ParsedMessage;

/**
 * DragonFly Mail Agent (dma) bounces: "There was an error delivering your mail to &lt;address&gt;.",
 * then either "HOST [IP] did not like our COMMAND:" with the server's reply, or dma's own words
 * (DNS failure, queue timeout), up to "Message headers follow.". One recipient per bounce.
 */
final class DragonFlyFormat implements BounceFormat {
    private static final List<String> STARTS = List.of("there was an error delivering your mail to");
    private static final List<String> ENDS = List.of("message headers follow", "original message follows");
    private static final ProseLines.Section SECTION = new ProseLines.Section(STARTS, ENDS);
    private static final String LIKE = " did not like our ";
    /** dma's own errors (no remote reply), lowercase, and what they mean. */
    private static final List<ProseLines.Meaning> OWN_ERRORS = List.of(
            new ProseLines.Meaning("could not deliver for the last", Reason.EXPIRED),
            new ProseLines.Meaning("dns lookup failure: host", Reason.HOSTUNKNOWN));

    @Override
    public String name() {
        return "dragonfly";
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        String body = PlainTextFormat.bounceText(m);
        IndexedText indexed = PlainTextFormat.bounceTextIndexed(m);
        int at = indexed.indexOf(STARTS.get(0));
        if (!indexed.contains("dragonfly mail agent") || at < 0) {
            return null;
        }
        int eol = indexed.text().indexOf('\n', at);
        String recipient = Addresses.normalize(body.substring(at + STARTS.get(0).length(), eol < 0 ? body.length() : eol));
        if (recipient == null) {
            return null;
        }
        List<String> lines = SECTION.of(body, indexed);
        String remote = null;
        String command = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int like = line.indexOf(LIKE);
            if (like > 0) {
                remote = line.substring(0, like).strip().split(" ", 2)[0];
                command = ProseLines.command(line.substring(like));
                lines = lines.subList(i + 1, lines.size());
                break;
            }
        }
        String diagnostic = ProseLines.join(lines, List.of(), List.of());
        RecipientRecord r = ProseLines.record(recipient, diagnostic).action("failed").remoteMta(remote);
        if (command != null) {
            r.command(command);
        }
        Reason own = command == null ? ProseLines.meaning(diagnostic, OWN_ERRORS) : null;
        if (own != null) {
            r.reasonHint(own, "dragonfly.own-error");
        }
        return new DecodedBounce(name(), MessageKind.BOUNCE, List.of(r));
    }
}
