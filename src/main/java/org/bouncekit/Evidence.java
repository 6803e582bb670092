package org.bouncekit;

/**
 * One step of the reasoning behind a verdict: which rule fired, on what text, in which field.
 *
 * @param rule    the rule's name, e.g. {@code mailboxfull.phrase} or {@code status.5.1.1}
 * @param matched the text or code the rule matched (untrusted: escape before display)
 * @param field   where it was found, e.g. {@code Diagnostic-Code}, {@code Status}, {@code body}
 * @param note    a remark, e.g. how a conflict between code and text was settled; may be null
 */
public record Evidence(String rule, String matched, String field, String note) {
    public Evidence {
        java.util.Objects.requireNonNull(rule, "rule");
    }

    public Evidence(String rule, String matched, String field) {
        this(rule, matched, field, null);
    }
}
