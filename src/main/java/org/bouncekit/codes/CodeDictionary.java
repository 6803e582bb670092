package org.bouncekit.codes;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.bouncekit.BounceClass;
import org.bouncekit.Decision;
import org.bouncekit.Reason;

/**
 * Explanations of SMTP reply codes, enhanced status codes and bounce reasons, in one language.
 *
 * <pre>{@code
 * CodeDictionary de = CodeDictionary.forLocale(Locale.GERMAN);
 * CodeEntry e = de.enhancedStatus("5.2.2").orElseThrow();
 * System.out.println(e.title() + ": " + e.howToFix());
 * }</pre>
 *
 * <p>The texts come from the resource bundle {@code org.bouncekit.codes.Dictionary}: English is the base file,
 * German is {@code Dictionary_de.properties}, and a third language is one more file that falls back to English
 * key by key. Instances are immutable and safe to share between threads.
 */
public final class CodeDictionary {

    static final String BUNDLE = "org.bouncekit.codes.Dictionary";

    /** RFC 5321 defines the reply classes, RFC 3463 the enhanced status classes and subjects. */
    private static final String REPLY_CLASS_REFERENCE = "RFC 5321";
    private static final String STATUS_CLASS_REFERENCE = "RFC 3463";
    private static final String REASON_REFERENCE = "bouncekit";

    /*
     * The no-fallback control makes an unknown locale resolve to the base (English) bundle rather than to
     * the JVM's default locale, so output does not depend on the machine it runs on.
     */
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final ConcurrentMap<Locale, CodeDictionary> CACHE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final ResourceBundle bundle;
    private final Map<Integer, CodeEntry> replies;
    private final Map<String, CodeEntry> statuses;
    private final Map<Reason, CodeEntry> reasons;
    /** {@code reason.R.fix.D} texts by reason and decision ordinal, null where the bundle has none. */
    private final String[][] fixByDecision;

    private CodeDictionary(Locale locale, ResourceBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
        CodeTable table = CodeTable.get();

        Map<Integer, CodeEntry> r = new LinkedHashMap<>();
        for (CodeTable.ReplyRow row : table.replies().values()) {
            String prefix = "reply." + row.code();
            int cls = row.code() / 100;
            if (hasTexts(prefix) && has("class.reply." + cls)) {
                r.put(row.code(), entry(EntryKind.REPLY_CODE, String.valueOf(row.code()), replySeverity(cls),
                        text("class.reply." + cls), prefix, row.reference(), row.paired(), false));
            }
        }
        Map<String, CodeEntry> s = new LinkedHashMap<>();
        for (CodeTable.StatusRow row : table.statuses().values()) {
            String prefix = "status.X." + row.key();
            for (int cls : new int[] {2, 4, 5}) {
                if (hasTexts(prefix) && has("class.status." + cls)) {
                    String code = cls + "." + row.key();
                    s.put(code, entry(EntryKind.ENHANCED_STATUS, code, statusSeverity(cls),
                            text("class.status." + cls), prefix, row.reference(),
                            sameClass(row.pairedReplies(), cls), false));
                }
            }
        }
        Map<Reason, CodeEntry> e = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            String prefix = "reason." + reason.wireName();
            String decision = "decision." + reason.defaultDecision().wireName();
            if (hasTexts(prefix) && has(decision)) {
                e.put(reason, entry(EntryKind.REASON, reason.wireName(), null, text(decision), prefix,
                        REASON_REFERENCE, table.reasonCodes(reason.wireName()), false));
            }
        }
        this.replies = Map.copyOf(r);
        this.statuses = Map.copyOf(s);
        this.reasons = java.util.Collections.unmodifiableMap(e);
        // looked up once per verdict: a key built and a bundle searched every time showed in profiles
        this.fixByDecision = new String[Reason.values().length][Decision.values().length];
        for (Reason reason : Reason.values()) {
            for (Decision decision : Decision.values()) {
                String key = "reason." + reason.wireName() + ".fix." + decision.wireName();
                fixByDecision[reason.ordinal()][decision.ordinal()] = has(key) ? text(key) : null;
            }
        }
    }

    /**
     * The dictionary for a language. Languages without a bundle of their own get English; a language whose
     * bundle lacks a key gets that key in English.
     *
     * @param locale the wanted language, e.g. {@link Locale#GERMAN}
     * @return the shared dictionary for that language
     */
    public static CodeDictionary forLocale(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, CodeDictionary.class.getClassLoader(),
                NO_DEFAULT_LOCALE);
        Locale resolved = bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
        return CACHE.computeIfAbsent(resolved, l -> new CodeDictionary(l, bundle));
    }

    /** The language of the texts (English when the asked-for language has no bundle). */
    public Locale locale() {
        return locale;
    }

    /**
     * Explains a three-digit SMTP reply code.
     *
     * @param code e.g. 552
     * @return the code's own entry; for another code from 200 to 599, the entry of its class (2yz, 3yz, 4yz,
     *         5yz) marked {@link CodeEntry#fallback()}; empty outside 200..599
     */
    public Optional<CodeEntry> replyCode(int code) {
        CodeEntry exact = replies.get(code);
        if (exact != null) {
            return Optional.of(exact);
        }
        if (code < 200 || code > 599) {
            return Optional.empty();
        }
        int cls = code / 100;
        String prefix = "replyclass." + cls;
        if (!hasTexts(prefix) || !has("class.reply." + cls)) {
            return Optional.empty();
        }
        return Optional.of(entry(EntryKind.REPLY_CODE, String.valueOf(code), replySeverity(cls),
                text("class.reply." + cls), prefix, REPLY_CLASS_REFERENCE, List.of(), true));
    }

    /**
     * Explains an enhanced status code such as {@code 5.2.2}.
     *
     * @param code class.subject.detail, class 2, 4 or 5, subject 0 to 7, subject and detail up to three digits
     * @return the registry entry in that class; for a detail not in the registry (a vendor code such as
     *         5.7.606) the entry of its subject, titled "5.7.x ..., vendor-specific detail 606" and marked
     *         {@link CodeEntry#fallback()}; empty when the text is not a valid code (e.g. 3.1.1, 5.9.99)
     */
    public Optional<CodeEntry> enhancedStatus(String code) {
        StatusCode.Parsed parsed = StatusCode.parse(code);
        if (parsed.code() == null) {
            return Optional.empty();
        }
        StatusCode sc = parsed.code();
        CodeEntry exact = statuses.get(sc.toString());
        if (exact != null) {
            return Optional.of(exact);
        }
        int cls = sc.statusClass();
        if (!has("class.status." + cls)) {
            return Optional.empty();
        }
        String subject = "subject." + sc.subject();
        if (hasTexts(subject) && has("template.status.vendor.title")) {
            String title = format("template.status.vendor.title", cls, sc.subject(), text(subject + ".title"),
                    sc.detail());
            return Optional.of(new CodeEntry(EntryKind.ENHANCED_STATUS, sc.toString(), statusSeverity(cls),
                    text("class.status." + cls), title, text(subject + ".description"), text(subject + ".when"),
                    text(subject + ".fix"), STATUS_CLASS_REFERENCE, List.of(), true));
        }
        String prefix = "statusclass." + cls;
        if (!hasTexts(prefix)) {
            return Optional.empty();
        }
        return Optional.of(entry(EntryKind.ENHANCED_STATUS, sc.toString(), statusSeverity(cls),
                text("class.status." + cls), prefix, STATUS_CLASS_REFERENCE, List.of(), true));
    }

    /**
     * Explains a bounce reason; {@link CodeEntry#howToFix()} is the recommended action for a sending pipeline.
     *
     * @param reason the reason
     * @return its entry: severity null, severity name the label of its default decision, reference "bouncekit"
     * @throws MissingResourceException if the bundle lacks the reason's texts (a packaging error)
     */
    public CodeEntry reason(Reason reason) {
        CodeEntry entry = reasons.get(Objects.requireNonNull(reason, "reason"));
        if (entry == null) {
            throw new MissingResourceException("no texts for reason " + reason.wireName(), BUNDLE,
                    "reason." + reason.wireName() + ".title");
        }
        return entry;
    }

    @Override
    public String toString() {
        return "CodeDictionary[" + locale.toLanguageTag() + "]";
    }

    /**
     * What to do about a verdict: the reason's own advice, or the advice for this reason under another decision
     * when the bundle has one ({@code reason.feedback.fix.none}: a feedback report that is no complaint).
     */
    public String howToFix(Reason reason, Decision decision) {
        String fix = fixByDecision[reason.ordinal()][decision.ordinal()];
        return fix != null ? fix : reason(reason).howToFix();
    }

    // ---- package-private access for the pages ----

    boolean has(String key) {
        return bundle.containsKey(key);
    }

    String text(String key) {
        return bundle.getString(key);
    }

    /** Fills a {@code template.*} pattern (MessageFormat syntax: a literal apostrophe is written twice). */
    String format(String key, Object... args) {
        Object[] strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // Strings only, so that numbers are never grouped or localized ("5,606").
            strings[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(text(key), locale).format(strings);
    }

    /** The short localized name of a bounce class ("permanent"). */
    String bounceClassName(BounceClass bounceClass) {
        return text("class.bounce." + bounceClass.wireName());
    }

    // ---- construction helpers ----

    private boolean hasTexts(String prefix) {
        return has(prefix + ".title") && has(prefix + ".description") && has(prefix + ".when")
                && has(prefix + ".fix");
    }

    private CodeEntry entry(EntryKind kind, String code, BounceClass severity, String severityName, String prefix,
                            String reference, List<String> paired, boolean fallback) {
        return new CodeEntry(kind, code, severity, severityName, text(prefix + ".title"),
                text(prefix + ".description"), text(prefix + ".when"), text(prefix + ".fix"), reference, paired,
                fallback);
    }

    /** 3yz replies are not failures: they count as informational. */
    static BounceClass replySeverity(int replyClass) {
        return replyClass == 3 ? BounceClass.INFORMATIONAL : BounceClass.ofFirstDigit((char) ('0' + replyClass));
    }

    static BounceClass statusSeverity(int statusClass) {
        return BounceClass.ofFirstDigit((char) ('0' + statusClass));
    }

    private static List<String> sameClass(List<String> replyCodes, int cls) {
        char digit = (char) ('0' + cls);
        return replyCodes.stream().filter(c -> c.charAt(0) == digit).toList();
    }
}
