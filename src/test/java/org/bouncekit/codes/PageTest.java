package org.bouncekit.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageTest {

    private static final String TEXT = "The recipient's mailbox has exceeded its storage quota. By RFC 3463 this "
            + "is a persistent transient condition: once the recipient deletes mail, delivery works again.";

    @ParameterizedTest
    @ValueSource(ints = {20, 33, 40, 80, 200})
    void wrapsWithinTheWidthWithoutLosingWords(int width) {
        List<String> lines = Page.lines(TEXT, width);
        for (String line : lines) {
            assertTrue(line.length() <= width, line);
            assertTrue(!line.startsWith(" ") && !line.endsWith(" "), line);
        }
        assertEquals(TEXT, String.join(" ", lines));
    }

    @Test
    void keepsRfcNumbersOnOneLine() {
        for (int width = 20; width < 60; width++) {
            for (String line : Page.lines(TEXT, width)) {
                assertTrue(!line.endsWith("RFC"), width + ": " + line);
            }
        }
    }

    @Test
    void aWordLongerThanTheWidthStandsAlone() {
        assertEquals(List.of("a", "averyveryverylongword", "b"), Page.lines("a averyveryverylongword b", 10));
    }

    @Test
    void cleanRemovesEscapesAndControlCharacters() {
        assertEquals("a [31mred b c", Page.clean("a\u001b[31mred\tb\r\n\u0000c\u007f"));
        assertEquals("", Page.clean(null));
    }

    @Test
    void markdownEscapesMarkup() {
        assertEquals("\\<CRLF\\>.\\<CRLF\\> \\*x\\* \\_y\\_ \\[l\\](u)", Page.markdownEscape("<CRLF>.<CRLF> *x* _y_ [l](u)"));
    }

    @Test
    void textAndMarkdownLayout() {
        Page page = new Page("Title", List.of(
                new Page.Section(1, null, List.of("Intro.")),
                new Page.Section(1, "Code", List.of("Class: x", "Note."), true),
                new Page.Section(2, "Description", List.of("First.", "Second."))));
        assertEquals("Title\n=====\n\nIntro.\n\nCode\n----\nClass: x\nNote.\n\nDescription\nFirst.\n\nSecond.\n",
                page.text(80));
        assertEquals("# Title\n\nIntro.\n\n## Code\n\nClass: x\n\nNote.\n\n### Description\n\nFirst.\n\nSecond.\n",
                page.markdown());
    }
}
