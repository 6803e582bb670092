package org.bouncekit.cli;

import org.bouncekit.GoldenFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.bouncekit.codes.CodeDictionary;
import org.bouncekit.codes.CodeEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompareCommandTest {

    /** The seed page's section headings, in order. */
    private static final List<String> GERMAN_HEADINGS = List.of("Beschreibung", "Wann Sie es sehen",
            "Wie man es behebt", "Beschreibung", "Wann Sie es sehen", "Wie man es behebt", "Wesentliche Unterschiede",
            "Wann welchen verwenden");

    @Test
    void compare214And552InEnglish() throws IOException {
        CliRun run = CliRun.of("compare", "214", "552", "--width", "80");
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        GoldenFiles.assertMatches("compare-214-552.en.txt", run.out());
    }

    @Test
    void compare214And552InGerman() throws IOException {
        CliRun run = CliRun.of("compare", "214", "552", "--lang", "de", "--width", "80");
        assertEquals(0, run.exit(), run.err());
        GoldenFiles.assertMatches("compare-214-552.de.txt", run.out());
    }

    @Test
    void theGermanPageHasTheSeedsSectionsInOrderAndNoEnglishText() {
        String page = CliRun.of("compare", "214", "552", "--lang", "de", "--width", "1000").out();
        List<String> headings = page.lines().filter(GERMAN_HEADINGS::contains).toList();
        assertEquals(GERMAN_HEADINGS, headings);
        assertTrue(page.startsWith("SMTP 214 "), page);
        CodeDictionary en = CodeDictionary.forLocale(Locale.ENGLISH);
        for (int code : new int[] {214, 552}) {
            CodeEntry e = en.replyCode(code).orElseThrow();
            for (String english : List.of(e.title(), e.description(), e.whenYouSeeIt(), e.howToFix(), e.severityName())) {
                assertFalse(page.contains(english), english);
            }
        }
        for (String english : List.of("Description", "When you see it", "How to fix it", "Key differences",
                "When to use which", " while ", " means: ", "Where you encounter", "For 214")) {
            assertFalse(page.contains(english), english);
        }
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({"452,552", "550,5.1.1", "5.1.1,4.2.2", "5.7.606,299", "250,2.0.0", "4.4.7,5.4.7"})
    void anyPairRendersAllSections(String a, String b) {
        CliRun run = CliRun.of("compare", a, b, "--width", "1000");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("SMTP " + a + " ") && lines.get(0).contains(" vs " + b + " "), lines.get(0));
        for (String heading : List.of("Key differences", "When to use which")) {
            assertTrue(lines.contains(heading), heading);
        }
        assertEquals(2, lines.stream().filter("Description"::equals).count());
        assertTrue(run.out().contains("For " + a + " ("));
        assertTrue(run.out().contains("For " + b + " ("));
    }

    @Test
    void aReplyCodeAndItsUsualEnhancedCodeAreSaidToGoTogether() {
        String page = CliRun.of("compare", "552", "5.2.2", "--width", "1000").out();
        assertTrue(page.contains("552 and 5.2.2 are often sent together, as in the reply \"552 5.2.2 ...\"."), page);
        assertTrue(page.contains("Bounce class for the sender: "), page);
    }

    @Test
    void sameClassIsSaid() {
        String page = CliRun.of("compare", "550", "554", "--width", "1000").out();
        assertTrue(page.contains("550 and 554 both belong to class 5xx"), page);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "214|214|both are 214",
            "214|hello|\"hello\" is not a single code",
            "552 5.2.2|214|is not a single code",
            "999|214|\"999\" is not an SMTP reply code",
            "214|5.9.99|subject 9 is not defined",
            "mailboxfull|214|is not a single code",
    })
    void badPairsAreOneLineAndExitTwo(String a, String b, String message) {
        CliRun run = CliRun.of("compare", a, b);
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().contains(message), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void oneArgumentIsAUsageError() {
        CliRun run = CliRun.of("compare", "214");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("bouncekit: "), run.err());
    }

    @Test
    void jsonHasTheCodesAndTheSections() throws IOException {
        CliRun run = CliRun.of("compare", "214", "552", "--format", "json", "--lang", "de");
        assertEquals(0, run.exit(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("de", root.get("language").asText());
        assertTrue(root.get("title").asText().startsWith("SMTP 214 "));
        assertEquals("214", root.get("codes").get(0).get("code").asText());
        assertEquals("informational", root.get("codes").get(0).get("class").asText());
        assertEquals("permanent", root.get("codes").get(1).get("class").asText());
        List<String> headings = new java.util.ArrayList<>();
        root.get("sections").forEach(s -> {
            if (!s.get("heading").isNull()) {
                headings.add(s.get("heading").asText());
            }
        });
        assertTrue(headings.containsAll(GERMAN_HEADINGS), headings.toString());
    }

    @Test
    void markdownUsesHeadings() {
        CliRun run = CliRun.of("compare", "214", "552", "--format", "markdown");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("# SMTP 214 "));
        assertTrue(run.out().contains("\n## Key differences\n"));
        assertTrue(run.out().contains("\n### Description\n"));
    }
}
