package org.bouncekit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bouncekit.parse.SmtpCodes;
import org.bouncekit.reason.ReasonRules;
import org.bouncekit.verdict.DecisionPolicy;

/**
 * A user's corrections to the built-in rules, read from a rules file (format in the README):
 * <pre>
 * # phrases that name a reason (checked before the built-in phrases)
 * phrase.mailboxfull = mailbox storage exhausted
 * # the reason and/or decision for a status code (class-specific "5.7.1" or any class "X.7.1")
 * status.5.7.1 = blocked
 * status.5.7.1.decision = retry
 * # by the remote MTA's host name (it or a parent domain), or by the recipient's domain
 * remote-mta.mx.example.net = blocked
 * recipient-domain.example.org.decision = retry
 * # the decision for a reason, and which reasons suppress an address when permanent
 * decision.mailboxfull = suppress
 * suppress = userunknown, hostunknown, hasmoved
 * </pre>
 * Precedence, most specific first: recipient domain, remote MTA, status code (class-specific before
 * X form), user phrase, then the built-in rules; a decision rule for the resulting reason applies last
 * unless a more specific rule set the decision. Immutable and thread-safe.
 */
public final class UserRules {
    private final String source;
    private final Map<String, Rule> phrases;
    private final Map<String, Rule> byStatus;
    private final Map<String, Rule> byRemoteMta;
    private final Map<String, Rule> byRecipientDomain;
    private final Map<Reason, Rule> decisionByReason;
    private final Set<Reason> suppressing;

    /** What one rule sets: a reason and/or a decision, and the line it came from. */
    private record Rule(Reason reason, Decision decision, String where) {
        Rule merge(Rule other) {
            return new Rule(other.reason != null ? other.reason : reason,
                    other.decision != null ? other.decision : decision, where + ", " + other.where);
        }
    }

    private UserRules(String source, Map<String, Rule> phrases, Map<String, Rule> byStatus, Map<String, Rule> byRemoteMta,
                      Map<String, Rule> byRecipientDomain, Map<Reason, Rule> decisionByReason, Set<Reason> suppressing) {
        this.source = source;
        this.phrases = Map.copyOf(phrases);
        this.byStatus = Map.copyOf(byStatus);
        this.byRemoteMta = Map.copyOf(byRemoteMta);
        this.byRecipientDomain = Map.copyOf(byRecipientDomain);
        this.decisionByReason = Map.copyOf(decisionByReason);
        this.suppressing = suppressing == null ? null : Set.copyOf(suppressing);
    }

    /** No corrections. */
    public static UserRules none() {
        return new UserRules("none", Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null);
    }

    /** Reads a rules file (UTF-8). Problems are reported as {@link IllegalArgumentException} naming the line. */
    public static UserRules load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses rules text; {@code sourceName} names it in error messages. */
    public static UserRules parse(String text, String sourceName) {
        Map<String, Rule> phrases = new LinkedHashMap<>();
        Map<String, Rule> byStatus = new LinkedHashMap<>();
        Map<String, Rule> byRemote = new LinkedHashMap<>();
        Map<String, Rule> byDomain = new LinkedHashMap<>();
        Map<Reason, Rule> byReason = new LinkedHashMap<>();
        Set<Reason> suppress = null;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = sourceName + ":" + (i + 1);
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(where + ": expected 'key = value', got '" + abbreviate(line) + "'");
            }
            String key = line.substring(0, eq).strip();
            String keyLower = key.toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException(where + ": empty value for '" + key + "'");
            }
            if (keyLower.equals("suppress")) {
                suppress = EnumSet.noneOf(Reason.class);
                for (String name : value.split("[,\\s]+")) {
                    if (!name.isEmpty() && !name.equals("none")) {
                        suppress.add(reason(name, where));
                    }
                }
            } else if (keyLower.startsWith("phrase.")) {
                Reason r = reason(key.substring(7), where);
                phrases.put(value.toLowerCase(Locale.ROOT), new Rule(r, null, where));
            } else if (keyLower.startsWith("decision.")) {
                Reason r = reason(key.substring(9), where);
                byReason.put(r, new Rule(null, decision(value, where), where));
            } else if (keyLower.startsWith("status.")) {
                String rest = keyLower.substring(7);
                boolean isDecision = rest.endsWith(".decision");
                String code = isDecision ? rest.substring(0, rest.length() - 9) : rest;
                String normalized = code.startsWith("x.") ? "X" + code.substring(1) : code;
                if (!(SmtpCodes.isStatus(normalized) || normalized.startsWith("X.") && SmtpCodes.isStatus("5" + normalized.substring(1)))) {
                    throw new IllegalArgumentException(where + ": '" + code + "' is not an enhanced status code (e.g. 5.7.1 or X.7.1)");
                }
                byStatus.merge(normalized, target(isDecision, value, where), Rule::merge);
            } else if (keyLower.startsWith("remote-mta.")) {
                boolean isDecision = keyLower.endsWith(".decision");
                String host = keyLower.substring(11, isDecision ? keyLower.length() - 9 : keyLower.length());
                byRemote.merge(host, target(isDecision, value, where), Rule::merge);
            } else if (keyLower.startsWith("recipient-domain.")) {
                boolean isDecision = keyLower.endsWith(".decision");
                String domain = keyLower.substring(17, isDecision ? keyLower.length() - 9 : keyLower.length());
                byDomain.merge(domain, target(isDecision, value, where), Rule::merge);
            } else {
                throw new IllegalArgumentException(where + ": unknown key '" + abbreviate(key)
                        + "' (use phrase.REASON, status.CODE, remote-mta.HOST, recipient-domain.DOMAIN, decision.REASON or suppress)");
            }
        }
        return new UserRules(sourceName, phrases, byStatus, byRemote, byDomain, byReason, suppress);
    }

    private static Rule target(boolean isDecision, String value, String where) {
        return isDecision ? new Rule(null, decision(value, where), where) : new Rule(reason(value, where), null, where);
    }

    private static Reason reason(String name, String where) {
        Reason r = Reason.fromWireName(name);
        if (r == null) {
            throw new IllegalArgumentException(where + ": unknown reason '" + abbreviate(name) + "'");
        }
        return r;
    }

    private static Decision decision(String name, String where) {
        Decision d = Decision.fromWireName(name.strip());
        if (d == null) {
            throw new IllegalArgumentException(where + ": unknown decision '" + abbreviate(name)
                    + "' (use suppress, retry, fix-sender, unsubscribe or none)");
        }
        return d;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** True when these rules change nothing. */
    public boolean isEmpty() {
        return phrases.isEmpty() && byStatus.isEmpty() && byRemoteMta.isEmpty() && byRecipientDomain.isEmpty()
                && decisionByReason.isEmpty() && suppressing == null;
    }

    ReasonRules reasonRules() {
        return ReasonRules.builtIn();
    }

    DecisionPolicy decisionPolicy() {
        return suppressing == null ? DecisionPolicy.builtIn() : new DecisionPolicy(suppressing);
    }

    /** Applies the rules to one verdict; {@code fixText} gives the recommended action for a changed reason. */
    Verdict apply(Verdict v, java.util.function.Function<Reason, String> fixText) {
        if (isEmpty() || v.bounceClass() == BounceClass.INFORMATIONAL && v.reason() != Reason.UNDEFINED) {
            return v;
        }
        Rule rule = null;
        String kind = null;
        String matched = null;
        String domain = domainOf(v.recipient());
        if (domain != null && (rule = byRecipientDomain.get(domain)) != null) {
            kind = "user.recipient-domain";
            matched = domain;
        }
        if (rule == null && v.remoteMta() != null) {
            String host = v.remoteMta().toLowerCase(Locale.ROOT);
            for (String h = host; h != null && rule == null; h = parent(h)) {
                rule = byRemoteMta.get(h);
                matched = h;
            }
            kind = rule == null ? null : "user.remote-mta";
        }
        if (rule == null && v.status() != null) {
            rule = byStatus.get(v.status());
            if (rule == null) {
                rule = byStatus.get("X" + v.status().substring(1));
            }
            kind = rule == null ? null : "user.status";
            matched = v.status();
        }
        if (rule == null && v.diagnostic() != null && !phrases.isEmpty()) {
            String text = v.diagnostic().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            for (Map.Entry<String, Rule> e : phrases.entrySet()) {
                if (text.contains(e.getKey())) {
                    rule = e.getValue();
                    kind = "user.phrase";
                    matched = e.getKey();
                    break;
                }
            }
        }
        Reason reason = rule != null && rule.reason() != null ? rule.reason() : v.reason();
        Decision decision = rule != null && rule.decision() != null ? rule.decision() : null;
        List<Evidence> evidence = new ArrayList<>();
        if (rule != null) {
            evidence.add(new Evidence(kind, matched, kind.equals("user.phrase") ? "Diagnostic" : null,
                    "user rule at " + rule.where() + " overrides the built-in rules"));
        }
        if (decision == null) {
            Rule byReason = decisionByReason.get(reason);
            if (byReason != null) {
                decision = byReason.decision();
                evidence.add(new Evidence("user.decision", reason.wireName(), null, "user rule at " + byReason.where()));
            } else if (rule != null || suppressing != null) {
                decision = decisionPolicy().decide(reason, v.bounceClass());
            }
        }
        if (decision == null || rule == null && decision == v.decision() && evidence.isEmpty()) {
            return v;
        }
        evidence.addAll(v.evidence());
        return new Verdict(v.recipient(), v.originalRecipient(), v.finalRecipient(), v.action(), v.status(),
                v.statusInferred(), v.replyCode(), v.replyCodeInferred(), v.bounceClass(), reason, decision,
                v.diagnostic(), v.remoteMta(), v.command(), reason == v.reason() ? v.recommendedAction() : fixText.apply(reason),
                evidence, v.lastAttemptDate(), v.willRetryUntil());
    }

    private static String domainOf(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        return at < 0 ? null : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static String parent(String host) {
        int dot = host.indexOf('.');
        return dot < 0 || host.indexOf('.', dot + 1) < 0 ? null : host.substring(dot + 1);
    }

    @Override
    public String toString() {
        return "UserRules[" + source + "]";
    }
}
