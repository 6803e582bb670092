package org.bouncekit.codes;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code bouncekit compare A B} prints: a side-by-side page for any two codes (two reply codes, two
 * enhanced status codes, or one of each), built from their entries and classes: title, an introduction naming
 * each code's class, each code's description, when you see it and how to fix it, the key differences, and when
 * to use which.
 */
public final class ComparePage {

    private final CodeDictionary dictionary;
    private final CodeEntry first;
    private final CodeEntry second;
    private final Page page;

    private ComparePage(CodeDictionary dictionary, CodeEntry first, CodeEntry second) {
        this.dictionary = dictionary;
        this.first = first;
        this.second = second;
        this.page = build();
    }

    /**
     * Looks both codes up.
     *
     * @param dictionary the language of the page
     * @param a          a reply code (552) or enhanced status code (5.2.2)
     * @param b          another one
     * @return the page
     * @throws IllegalArgumentException with a one-line message in the dictionary's language when an argument is
     *                                  not a single valid code, or both are the same
     */
    public static ComparePage of(CodeDictionary dictionary, String a, String b) {
        Objects.requireNonNull(dictionary, "dictionary");
        CodeEntry first = CodeInput.single(dictionary, a);
        CodeEntry second = CodeInput.single(dictionary, b);
        if (first.code().equals(second.code())) {
            throw new IllegalArgumentException(dictionary.format("template.error.sameCode", first.code()));
        }
        return new ComparePage(dictionary, first, second);
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
            case MARKDOWN:
                return page.markdown();
            default:
                return page.text(Math.max(20, width));
        }
    }

    private Page build() {
        CodeDictionary d = dictionary;
        CodeEntry a = first;
        CodeEntry b = second;
        String title = d.format("template.compare.title", a.code(), a.title(), b.code(), b.title());

        List<Page.Section> sections = new ArrayList<>();
        String intro = d.format("template.compare.intro.classes", a.code(), a.title(), classPhrase(a),
                b.code(), b.title(), classPhrase(b))
                + " " + d.format("template.compare.intro.meaning", a.code(), a.description(), b.code(),
                b.description());
        sections.add(new Page.Section(1, null, List.of(intro)));

        for (CodeEntry e : List.of(a, b)) {
            ExplanationPage.addEntry(d, sections, e);
        }

        List<String> differences = new ArrayList<>();
        String classA = ExplanationPage.classLabel(a);
        String classB = ExplanationPage.classLabel(b);
        differences.add(classA.equals(classB)
                ? d.format("template.compare.classes.same", a.code(), b.code(), classA)
                : d.format("template.compare.classes.different", a.code(), classA, b.code(), classB));
        differences.add(a.severity() == b.severity()
                ? d.format("template.compare.bounce.same", d.bounceClassName(a.severity()))
                : d.format("template.compare.bounce.different", a.code(), d.bounceClassName(a.severity()),
                        b.code(), d.bounceClassName(b.severity())));
        if (a.kind() != b.kind() && (a.pairedCodes().contains(b.code()) || b.pairedCodes().contains(a.code()))) {
            CodeEntry reply = a.kind() == EntryKind.REPLY_CODE ? a : b;
            CodeEntry status = reply == a ? b : a;
            differences.add(d.format("template.compare.paired", a.code(), b.code(),
                    reply.code() + " " + status.code()));
        }
        for (CodeEntry e : List.of(a, b)) {
            differences.add("SMTP " + e.code() + ": " + e.description());
        }
        for (CodeEntry e : List.of(a, b)) {
            differences.add(d.format("template.compare.encounter", e.code(), e.whenYouSeeIt()));
        }
        sections.add(new Page.Section(1, d.text("label.keyDifferences"), differences));

        List<String> use = new ArrayList<>();
        for (CodeEntry e : List.of(a, b)) {
            use.add(d.format("template.compare.use", e.code(), e.title(), e.howToFix()));
        }
        sections.add(new Page.Section(1, d.text("label.whenToUseWhich"), use));
        return new Page(title, sections);
    }

    /** "a 5xx Permanent Negative response", "a 5.x.x permanent failure status" (localized). */
    private String classPhrase(CodeEntry e) {
        String key = e.kind() == EntryKind.REPLY_CODE ? "template.classPhrase.reply" : "template.classPhrase.status";
        return dictionary.format(key, e.code().charAt(0), e.severityName());
    }

    private void writeJson(JsonGenerator g) throws IOException {
        g.writeStringField("language", dictionary.locale().toLanguageTag());
        g.writeStringField("title", page.title());
        g.writeArrayFieldStart("codes");
        Page.writeEntry(g, first);
        Page.writeEntry(g, second);
        g.writeEndArray();
        page.writeSections(g);
    }
}
