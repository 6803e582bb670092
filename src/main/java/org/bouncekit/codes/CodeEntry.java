package org.bouncekit.codes;

import java.util.List;
import java.util.Objects;
import org.bouncekit.BounceClass;

/**
 * One explained code or reason, in one language.
 *
 * @param kind          what is explained
 * @param code          the code as looked up, in canonical form ({@code 552}, {@code 5.2.2}, {@code 5.7.606}),
 *                      or the reason's wire name ({@code mailboxfull})
 * @param severity      the class by the first digit (3yz replies count as informational); null for a reason
 * @param severityName  the localized class name ("Permanent Negative", "persistent transient failure");
 *                      for a reason, the localized label of its default decision
 * @param title         a short title ("Exceeded storage allocation")
 * @param description   what it means
 * @param whenYouSeeIt  when it is seen in practice
 * @param howToFix      how to fix it, and who acts
 * @param reference     the defining document ({@code RFC 5321}); {@code bouncekit} for a reason
 * @param pairedCodes   the codes usually sent with it (for a reply code its enhanced codes, for an enhanced
 *                      code its reply codes of the same class, for a reason both), most common first
 * @param fallback      true when the code has no entry of its own and this is the entry of its class
 *                      (299 explains as 2yz) or subject (5.7.606 explains as 5.7.x)
 */
public record CodeEntry(
        EntryKind kind,
        String code,
        BounceClass severity,
        String severityName,
        String title,
        String description,
        String whenYouSeeIt,
        String howToFix,
        String reference,
        List<String> pairedCodes,
        boolean fallback) {

    public CodeEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        pairedCodes = pairedCodes == null ? List.of() : List.copyOf(pairedCodes);
    }
}
