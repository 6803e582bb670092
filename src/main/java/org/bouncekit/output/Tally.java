package org.bouncekit.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncekit.BounceClass;
import org.bouncekit.BounceReport;
import org.bouncekit.Decision;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.bouncekit.Verdict;

/** The accounting of a scan: messages by kind, recipients by class, reason, decision and domain. */
final class Tally {
    /** Distinct domains counted one by one; beyond this they are counted together, so memory stays bounded. */
    static final int MAX_DOMAINS = 100_000;
    static final String OTHER_DOMAINS = "(other domains)";
    static final String NO_DOMAIN = "(no domain)";
    /** Longer than any DNS name: a hostile 10 KB "domain" is counted under its first 255 characters. */
    private static final int MAX_DOMAIN_LENGTH = 255;

    private long messages;
    private long recipients;
    private long truncated;
    private final EnumMap<MessageKind, Long> kinds = new EnumMap<>(MessageKind.class);
    private final EnumMap<BounceClass, Long> classes = new EnumMap<>(BounceClass.class);
    private final EnumMap<Reason, Long> reasons = new EnumMap<>(Reason.class);
    private final EnumMap<Decision, Long> decisions = new EnumMap<>(Decision.class);
    private final Map<String, Long> domains = new HashMap<>();

    /** A record of counted names and counts, for rendering. */
    record Count(String name, long count) {
    }

    void add(BounceReport report) {
        messages++;
        kinds.merge(kindOf(report), 1L, Long::sum);
        if (report.truncated()) {
            truncated++;
        }
        for (Verdict v : report.verdicts()) {
            recipients++;
            if (v.bounceClass() != null) {
                classes.merge(v.bounceClass(), 1L, Long::sum);
            }
            if (v.reason() != null) {
                reasons.merge(v.reason(), 1L, Long::sum);
            }
            if (v.decision() != null) {
                decisions.merge(v.decision(), 1L, Long::sum);
            }
            countDomain(domainOf(v.recipient()));
        }
    }

    /** The kind a report is counted and shown as; a report without one counts as unreadable. */
    static MessageKind kindOf(BounceReport report) {
        return report.kind() == null ? MessageKind.UNREADABLE : report.kind();
    }

    /** The lowercased part after the last {@code @}, or {@link #NO_DOMAIN}. */
    static String domainOf(String recipient) {
        if (recipient == null) {
            return NO_DOMAIN;
        }
        int at = recipient.lastIndexOf('@');
        String domain = at < 0 ? "" : recipient.substring(at + 1).strip();
        if (domain.isEmpty()) {
            return NO_DOMAIN;
        }
        if (domain.length() > MAX_DOMAIN_LENGTH) {
            domain = domain.substring(0, MAX_DOMAIN_LENGTH);
        }
        return domain.toLowerCase(Locale.ROOT);
    }

    private void countDomain(String domain) {
        if (domains.containsKey(domain) || domains.size() < MAX_DOMAINS) {
            domains.merge(domain, 1L, Long::sum);
        } else {
            domains.merge(OTHER_DOMAINS, 1L, Long::sum);
        }
    }

    long messages() {
        return messages;
    }

    long recipients() {
        return recipients;
    }

    long truncated() {
        return truncated;
    }

    long count(MessageKind kind) {
        return kinds.getOrDefault(kind, 0L);
    }

    long count(BounceClass bounceClass) {
        return classes.getOrDefault(bounceClass, 0L);
    }

    long count(Reason reason) {
        return reasons.getOrDefault(reason, 0L);
    }

    long count(Decision decision) {
        return decisions.getOrDefault(decision, 0L);
    }

    /** Every kind, in declaration order, zeros included: the accounting shows all of them. */
    List<Count> byKind() {
        List<Count> out = new ArrayList<>();
        for (MessageKind k : MessageKind.values()) {
            out.add(new Count(k.wireName(), count(k)));
        }
        return out;
    }

    /** Every class, most serious first, zeros included. */
    List<Count> byClass() {
        List<Count> out = new ArrayList<>();
        for (BounceClass c : new BounceClass[] {BounceClass.PERMANENT, BounceClass.TRANSIENT,
                BounceClass.INFORMATIONAL}) {
            out.add(new Count(c.wireName(), count(c)));
        }
        return out;
    }

    /** Every decision, in declaration order, zeros included. */
    List<Count> byDecision() {
        List<Count> out = new ArrayList<>();
        for (Decision d : Decision.values()) {
            out.add(new Count(d.wireName(), count(d)));
        }
        return out;
    }

    /** The reasons seen, most frequent first (ties by name). */
    List<Count> byReason() {
        List<Count> out = new ArrayList<>();
        reasons.forEach((r, n) -> out.add(new Count(r.wireName(), n)));
        out.sort(MOST_FIRST);
        return out;
    }

    /** The {@code n} most frequent recipient domains (ties by name). */
    List<Count> topDomains(int n) {
        List<Count> out = new ArrayList<>(domains.size());
        domains.forEach((d, c) -> out.add(new Count(d, c)));
        out.sort(MOST_FIRST);
        return out.size() > n ? new ArrayList<>(out.subList(0, n)) : out;
    }

    /** How many distinct domains were counted (the overflow bucket counts as one). */
    int distinctDomains() {
        return domains.size();
    }

    private static final Comparator<Count> MOST_FIRST =
            Comparator.comparingLong(Count::count).reversed().thenComparing(Count::name);
}
