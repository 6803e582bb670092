package org.bouncekit.codes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A rendered page: a title and sections of paragraphs, written as wrapped text or Markdown. Both explain and
 * compare pages are built as this model so that the formats stay alike.
 */
final class Page {

    /**
     * One section; level 1 sits directly under the title, level 2 below a level-1 section. Prose paragraphs are
     * set apart by blank lines in text; short facts ({@code Class: 5xx ...}) stand on consecutive lines.
     */
    record Section(int level, String heading, List<String> paragraphs, boolean facts) {
        Section {
            paragraphs = List.copyOf(paragraphs);
        }

        Section(int level, String heading, List<String> paragraphs) {
            this(level, heading, paragraphs, false);
        }
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final String title;
    private final List<Section> sections;

    Page(String title, List<Section> sections) {
        this.title = title;
        this.sections = List.copyOf(sections);
    }

    String title() {
        return title;
    }

    List<Section> sections() {
        return sections;
    }

    /**
     * Plain text wrapped to {@code width} columns: title and level-1 headings underlined, a blank line between
     * sections, one line per paragraph before wrapping.
     */
    String text(int width) {
        StringBuilder out = new StringBuilder();
        underlined(out, clean(title), '=', width);
        for (Section s : sections) {
            out.append('\n');
            if (s.heading() != null) {
                if (s.level() == 1) {
                    underlined(out, clean(s.heading()), '-', width);
                } else {
                    wrap(out, clean(s.heading()), width);
                }
            }
            boolean firstParagraph = true;
            for (String p : s.paragraphs()) {
                if (!firstParagraph && !s.facts()) {
                    out.append('\n');
                }
                wrap(out, clean(p), width);
                firstParagraph = false;
            }
        }
        return out.toString();
    }

    /** CommonMark: {@code #} title, {@code ##}/{@code ###} headings, paragraphs separated by blank lines. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(markdownEscape(clean(title))).append('\n');
        for (Section s : sections) {
            if (s.heading() != null) {
                out.append('\n').append("#".repeat(s.level() + 1)).append(' ')
                        .append(markdownEscape(clean(s.heading()))).append('\n');
            }
            for (String p : s.paragraphs()) {
                out.append('\n').append(markdownEscape(clean(p))).append('\n');
            }
        }
        return out.toString();
    }

    /** Writes a JSON document with a pretty printer; the body writes the fields of the top-level object. */
    static String json(JsonBody body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w + "\n";
    }

    /** The fields of one JSON object. */
    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    /** Writes an entry as a JSON object. */
    static void writeEntry(JsonGenerator g, CodeEntry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        g.writeStringField("code", e.code());
        g.writeStringField("class", e.severity() == null ? null : e.severity().wireName());
        g.writeStringField("className", e.severityName());
        g.writeStringField("title", e.title());
        g.writeStringField("description", e.description());
        g.writeStringField("whenYouSeeIt", e.whenYouSeeIt());
        g.writeStringField("howToFix", e.howToFix());
        g.writeStringField("reference", e.reference());
        g.writeArrayFieldStart("pairedCodes");
        for (String c : e.pairedCodes()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeBooleanField("fallback", e.fallback());
        g.writeEndObject();
    }

    /** Writes a page's sections as {@code "sections": [{"level", "heading", "paragraphs"}]}. */
    void writeSections(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("sections");
        for (Section s : sections) {
            g.writeStartObject();
            g.writeNumberField("level", s.level());
            g.writeStringField("heading", s.heading());
            g.writeArrayFieldStart("paragraphs");
            for (String p : s.paragraphs()) {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Makes text safe for a terminal: control characters (C0, DEL, C1, which include ESC and CSI) and bidi
     * overrides become spaces, runs of spaces collapse. Server text is untrusted; dictionary text passes
     * unchanged.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c) || isBidiControl(c);
            if (blank) {
                if (!space && b.length() > 0) {
                    b.append(' ');
                }
                space = true;
            } else {
                b.append(c);
                space = false;
            }
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') {
            end--;
        }
        b.setLength(end);
        return b.toString();
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E'
                || c == '\u200F' || c == '\u061C';
    }

    /** Escapes the characters that would start Markdown or HTML markup inside a paragraph. */
    static String markdownEscape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>#|".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static void underlined(StringBuilder out, String text, char rule, int width) {
        int longest = 0;
        for (String line : lines(text, width)) {
            out.append(line).append('\n');
            longest = Math.max(longest, line.length());
        }
        out.append(String.valueOf(rule).repeat(longest)).append('\n');
    }

    private static void wrap(StringBuilder out, String text, int width) {
        for (String line : lines(text, width)) {
            out.append(line).append('\n');
        }
    }

    /**
     * Greedy word wrap; a word longer than the width stands on a line of its own, and "RFC 5321" is kept on
     * one line.
     */
    static List<String> lines(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.isEmpty()) {
                continue;
            }
            if (word.equals("RFC") && i + 1 < words.length && !words[i + 1].isEmpty()
                    && Character.isDigit(words[i + 1].charAt(0))) {
                word = word + " " + words[++i];
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
