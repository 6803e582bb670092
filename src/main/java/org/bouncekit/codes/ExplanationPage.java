package org.bouncekit.codes;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code bouncekit explain} prints: for each input (a reply code such as 552, an enhanced status code such
 * as 5.2.2, a whole reply line such as {@code 552-5.2.2 The email account ... is over quota}, or a bounce reason
 * name), the entry of every code in it and how the codes combine into transient or permanent.
 */
public final class ExplanationPage {

    private final CodeDictionary dictionary;
    private final List<CodeInput.Resolved> items;

    private ExplanationPage(CodeDictionary dictionary, List<CodeInput.Resolved> items) {
        this.dictionary = dictionary;
        this.items = List.copyOf(items);
    }

    /**
     * Reads the inputs.
     *
     * @param dictionary the language to explain in
     * @param inputs     one or more codes, reply lines or reason names
     * @return the page
     * @throws IllegalArgumentException with a one-line message in the dictionary's language when an input holds
     *                                  no code, or a code no class can be known for (999, 5.9.99, hello)
     */
    public static ExplanationPage of(CodeDictionary dictionary, List<String> inputs) {
        Objects.requireNonNull(dictionary, "dictionary");
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException(dictionary.format("template.error.empty"));
        }
        List<CodeInput.Resolved> items = new ArrayList<>();
        for (String input : inputs) {
            items.add(CodeInput.explain(dictionary, input));
        }
        return new ExplanationPage(dictionary, items);
    }

    /**
     * Renders the page.
     *
     * @param format text, markdown or json
     * @param width  columns to wrap text at (ignored for markdown and json; at least 20 is used)
     * @return the page, ending with a newline
     */
    public String render(PageFormat format, int width) {
        switch (format) {
            case JSON:
                return Page.json(this::writeJson);
            case MARKDOWN: {
                StringBuilder out = new StringBuilder();
                for (CodeInput.Resolved item : items) {
                    out.append(out.length() > 0 ? "\n" : "").append(page(item).markdown());
                }
                return out.toString();
            }
            default: {
                StringBuilder out = new StringBuilder();
                for (CodeInput.Resolved item : items) {
                    out.append(out.length() > 0 ? "\n" : "").append(page(item).text(Math.max(20, width)));
                }
                return out.toString();
            }
        }
    }

    private Page page(CodeInput.Resolved item) {
        CodeDictionary d = dictionary;
        List<Page.Section> sections = new ArrayList<>();
        String title = Page.clean(item.input());
        if (item.line() != null && !item.line().text().isEmpty()) {
            if (title.length() > 100) {
                title = codes(item);
            }
            sections.add(new Page.Section(1, null,
                    List.of(d.text("label.serverText") + ": " + item.line().text())));
        }
        for (CodeEntry e : item.entries()) {
            addEntry(d, sections, e);
        }
        if (item.combination() != null) {
            sections.add(new Page.Section(1, d.text("label.outcome"), item.combination().notes()));
        }
        return new Page(title, sections);
    }

    /** The sections of one entry: heading with class line, the three texts, reference and pairings. */
    static void addEntry(CodeDictionary d, List<Page.Section> sections, CodeEntry e) {
        List<String> head = new ArrayList<>();
        if (e.kind() == EntryKind.REASON) {
            head.add(d.text("label.defaultDecision") + ": " + e.severityName());
        } else {
            head.add(d.text("label.class") + ": " + classLabel(e));
        }
        if (e.fallback()) {
            head.add(fallbackNote(d, e));
        }
        sections.add(new Page.Section(1, heading(d, e), head, true));
        sections.add(new Page.Section(2, d.text("label.description"), List.of(e.description())));
        sections.add(new Page.Section(2, d.text("label.when"), List.of(e.whenYouSeeIt())));
        sections.add(new Page.Section(2, d.text("label.fix"), List.of(e.howToFix())));
        List<String> facts = new ArrayList<>();
        if (e.kind() != EntryKind.REASON) {
            facts.add(d.text("label.reference") + ": " + e.reference());
        }
        if (!e.pairedCodes().isEmpty()) {
            String label = e.kind() == EntryKind.REASON ? "label.typicalCodes" : "label.pairedCodes";
            facts.add(d.text(label) + ": " + String.join(", ", e.pairedCodes()));
        }
        if (!facts.isEmpty()) {
            sections.add(new Page.Section(2, null, facts, true));
        }
    }

    /** "Reply code 552: Exceeded storage allocation". */
    static String heading(CodeDictionary d, CodeEntry e) {
        String label;
        switch (e.kind()) {
            case REPLY_CODE:
                label = d.text("label.replyCode");
                break;
            case ENHANCED_STATUS:
                label = d.text("label.enhancedStatus");
                break;
            default:
                label = d.text("label.reason");
        }
        return label + " " + e.code() + ": " + e.title();
    }

    /** "5xx (Permanent Negative)" for a reply code, "5.x.x (permanent failure)" for an enhanced status. */
    static String classLabel(CodeEntry e) {
        return classCode(e) + " (" + e.severityName() + ")";
    }

    /** "5xx" or "5.x.x". */
    static String classCode(CodeEntry e) {
        char digit = e.code().charAt(0);
        return e.kind() == EntryKind.REPLY_CODE ? digit + "xx" : digit + ".x.x";
    }

    private static String fallbackNote(CodeDictionary d, CodeEntry e) {
        if (e.kind() == EntryKind.REPLY_CODE) {
            return d.format("template.explain.fallback.reply", e.code(), classCode(e));
        }
        String[] parts = e.code().split("\\.");
        String subject = parts[0] + "." + parts[1] + ".x";
        if (d.has("subject." + parts[1] + ".title")) {
            return d.format("template.explain.fallback.status", e.code(), parts[2], subject);
        }
        return d.format("template.explain.fallback.statusClass", e.code(), classCode(e));
    }

    private static String codes(CodeInput.Resolved item) {
        List<String> codes = new ArrayList<>();
        for (CodeEntry e : item.entries()) {
            codes.add(e.code());
        }
        return String.join(" ", codes);
    }

    private void writeJson(JsonGenerator g) throws IOException {
        g.writeStringField("language", dictionary.locale().toLanguageTag());
        g.writeArrayFieldStart("explanations");
        for (CodeInput.Resolved item : items) {
            g.writeStartObject();
            g.writeStringField("input", Page.clean(item.input()));
            if (item.line() != null) {
                g.writeStringField("serverText", item.line().text());
            }
            g.writeArrayFieldStart("entries");
            for (CodeEntry e : item.entries()) {
                Page.writeEntry(g, e);
            }
            g.writeEndArray();
            Combination c = item.combination();
            if (c != null) {
                g.writeObjectFieldStart("outcome");
                g.writeStringField("class", c.outcome().wireName());
                g.writeStringField("className", dictionary.bounceClassName(c.outcome()));
                g.writeStringField("decidedBy", c.decidedBy());
                g.writeArrayFieldStart("notes");
                for (String n : c.notes()) {
                    g.writeString(n);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
