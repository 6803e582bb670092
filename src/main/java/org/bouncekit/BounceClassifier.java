package org.bouncekit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bouncekit.codes.CodeDictionary;
import org.bouncekit.reason.ReasonRules;
import org.bouncekit.verdict.DecisionPolicy;
import org.bouncekit.verdict.MessageAnalyzer;
import org.bouncekit.verdict.VerdictAssembler;

/**
 * Classifies bounce messages: what kind of message it is and, per recipient, what happened and what
 * to do. Create one and reuse it: instances are immutable and thread-safe.
 *
 * <pre>{@code
 * BounceClassifier classifier = BounceClassifier.create();
 * BounceReport report = classifier.classify(Files.readAllBytes(path));
 * for (Verdict v : report.verdicts()) {
 *     if (v.decision() == Decision.SUPPRESS) suppressionList.add(v.recipient());
 * }
 * }</pre>
 */
public final class BounceClassifier {
    private final Limits limits;
    private final MessageAnalyzer analyzer;
    private final UserRules rules;
    private final CodeDictionary dictionary;

    private BounceClassifier(Builder b) {
        this.limits = b.limits;
        this.rules = b.rules == null ? UserRules.none() : b.rules;
        this.dictionary = CodeDictionary.forLocale(b.locale);
        ReasonRules reasonRules = this.rules.reasonRules();
        DecisionPolicy policy = this.rules.decisionPolicy();
        VerdictAssembler assembler = new VerdictAssembler(reasonRules, dictionary, policy);
        this.analyzer = new MessageAnalyzer(b.limits, assembler, b.correlateHeaders);
    }

    /** A classifier with English explanations and default limits. */
    public static BounceClassifier create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Classifies one message given as its raw bytes (RFC 5322, any line endings). Never throws on bad input. */
    public BounceReport classify(byte[] message) {
        Objects.requireNonNull(message, "message");
        if (message.length > limits.maxMessageBytes()) {
            byte[] head = java.util.Arrays.copyOf(message, (int) limits.maxMessageBytes());
            return analyze(head).withTruncated();
        }
        return analyze(message);
    }

    private BounceReport analyze(byte[] message) {
        BounceReport report = analyzer.analyze(message);
        if (rules.isEmpty() || report.verdicts().isEmpty()) {
            return report;
        }
        List<Verdict> changed = new ArrayList<>(report.verdicts().size());
        for (Verdict v : report.verdicts()) {
            changed.add(rules.apply(v, r -> dictionary.reason(r).howToFix()));
        }
        return new BounceReport(report.kind(), report.messageId(), report.mta(), report.subject(), report.original(),
                changed, report.error(), report.truncated(), report.reportingMta());
    }

    /**
     * Classifies one message read from a stream (not closed). At most {@link Limits#maxMessageBytes()}
     * are kept; the rest is read past and the report says it was truncated.
     */
    public BounceReport classify(InputStream in) throws IOException {
        byte[] head = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxMessageBytes()));
        boolean truncated = false;
        while (in.skip(1 << 16) > 0 || in.read() >= 0) {
            truncated = true;
        }
        BounceReport r = analyze(head);
        return truncated ? r.withTruncated() : r;
    }

    /** Classifies a Jakarta Mail message (written out and read with bouncekit's bounded parser). */
    public BounceReport classify(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return classify(out.toByteArray());
        } catch (IOException | MessagingException | RuntimeException e) {
            return BounceReport.unreadable("could not write the MimeMessage: " + e);
        }
    }

    /** The limits in force. */
    public Limits limits() {
        return limits;
    }

    /** Builds a {@link BounceClassifier}. */
    public static final class Builder {
        private Locale locale = Locale.ENGLISH;
        private Limits limits = Limits.DEFAULT;
        private final List<String> correlateHeaders = new ArrayList<>();
        private UserRules rules;

        private Builder() {
        }

        /** Language of the recommended actions (English and German are bundled; others fall back to English). */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale);
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /** Header names of the original message to report in {@link OriginalMessage#headers()}, e.g. X-Campaign-Id. */
        public Builder correlateHeader(String name) {
            correlateHeaders.add(Objects.requireNonNull(name));
            return this;
        }

        /** User rules that add phrases and override reasons and decisions (see {@link UserRules}). */
        public Builder rules(UserRules rules) {
            this.rules = rules;
            return this;
        }

        public BounceClassifier build() {
            return new BounceClassifier(this);
        }
    }
}
