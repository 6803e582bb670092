package org.bouncekit.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

/**
 * {@link RemoteHostRules#find} compares a host only with the rules whose suffix ends in the host's last char;
 * it answers as trying every rule in table order did.
 */
class RemoteHostCandidatesTest {
    /** Suffixes sharing last chars and whole labels, one ending in a non-ASCII char; statuses, commands, texts. */
    private static final List<RemoteHostRules.Rule> RULES = List.of(
            new RemoteHostRules.Rule("example.net", null, "DATA", null, Reason.REJECTED),
            new RemoteHostRules.Rule("mx.example.net", "5.0.0", null, null, Reason.BLOCKED),
            new RemoteHostRules.Rule("net", null, null, TextNormalizer.normalize("Mailbox full"), Reason.MAILBOXFULL),
            new RemoteHostRules.Rule("example.org", null, null, "user unknown", Reason.USERUNKNOWN),
            new RemoteHostRules.Rule("exampl\u00e9.org", null, null, null, Reason.FILTERED),
            new RemoteHostRules.Rule("b\u00e9", null, null, null, Reason.EXPIRED),
            new RemoteHostRules.Rule("org", "5.1.1", "RCPT", null, Reason.HOSTUNKNOWN));

    /** The method as it was: every rule in table order, the text normalized once a rule's host fits. */
    private static RemoteHostRules.Match everyRule(List<RemoteHostRules.Rule> rules, String remoteMta, String status,
                                                   String command, String text) {
        String host = RemoteHostRules.hostOf(remoteMta);
        if (host == null) {
            return null;
        }
        String norm = TextNormalizer.normalize(text == null ? "" : text);
        for (RemoteHostRules.Rule r : rules) {
            if (r.fits(host, status, command, norm)) {
                return new RemoteHostRules.Match(r.reason(), r.suffix());
            }
        }
        return null;
    }

    @Test
    void randomHostsAnswerAsEveryRuleInOrderDid() {
        RemoteHostRules table = new RemoteHostRules(RULES);
        String[] labels = {"mx", "example", "exampl\u00e9", "net", "org", "b\u00e9", "NET", "x"};
        String[] statuses = {null, "5.0.0", "5.1.1"};
        String[] commands = {null, "DATA", "RCPT"};
        String[] texts = {null, "550 Mailbox full", "user unknown here", "nothing"};
        Random random = new Random(20261129L);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder host = new StringBuilder(random.nextBoolean() ? "dns; " : "");
            int parts = 1 + random.nextInt(3);
            for (int i = 0; i < parts; i++) {
                host.append(i > 0 ? "." : "").append(labels[random.nextInt(labels.length)]);
            }
            host.append(random.nextInt(4) == 0 ? ". [192.0.2.1]" : "");
            String status = statuses[random.nextInt(statuses.length)];
            String command = commands[random.nextInt(commands.length)];
            String text = texts[random.nextInt(texts.length)];
            assertEquals(everyRule(RULES, host.toString(), status, command, text),
                    table.find(host.toString(), status, command, text), host + " " + status + " " + command + " " + text);
        }
    }
}
