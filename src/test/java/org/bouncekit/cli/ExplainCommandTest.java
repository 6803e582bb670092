package org.bouncekit.cli;

import org.bouncekit.GoldenFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExplainCommandTest {

    private static final String OVER_QUOTA = "552-5.2.2 The email account that you tried to reach is over quota";

    @Test
    void explainsAReplyLineInEnglish() throws IOException {
        CliRun run = CliRun.of("explain", OVER_QUOTA, "--width", "80");
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        GoldenFiles.assertMatches("explain-552-5.2.2.en.txt", run.out());
    }

    @Test
    void explainsAReplyLineInGerman() throws IOException {
        CliRun run = CliRun.of("explain", OVER_QUOTA, "--lang", "de", "--width", "80");
        assertEquals(0, run.exit(), run.err());
        GoldenFiles.assertMatches("explain-552-5.2.2.de.txt", run.out());
        for (String english : new String[] {"Description", "When you see it", "How to fix it", "Class:",
                "Reference:", "Usually paired with", "Server text", "Reply code", "Enhanced status code"}) {
            assertFalse(run.out().contains(english), english);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "999|\"999\" is not an SMTP reply code",
            "5.9.99|subject 9 is not defined",
            "5.8.1|subject 8 is not defined",
            "3.1.1|the class must be 2, 4 or 5",
            "hello|\"hello\" does not start with an SMTP reply code",
            "''|nothing to explain",
            "199 x|\"199\" is not an SMTP reply code",
            "12.5|expected class.subject.detail",
    })
    void badInputIsOneLineOnStderrAndExitTwo(String input, String message) {
        CliRun run = CliRun.of("explain", input);
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("bouncekit: "), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void badInputMessagesFollowTheLanguage() {
        CliRun run = CliRun.of("explain", "5.9.99", "--lang", "de");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("kein erweiterter Statuscode"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--lang=fr", "--format=xml", "--width=5", "--width=wide"})
    void badOptionsExitTwo(String option) {
        CliRun run = CliRun.of("explain", "550", option);
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("bouncekit: "), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void overlongInputIsRefusedBeforeItIsRead() {
        CliRun run = CliRun.of("explain", "550 " + "x".repeat(10_000));
        assertEquals(2, run.exit());
        assertEquals("bouncekit: the input is longer than 10000 characters", run.err().strip());
    }

    @Test
    void noArgumentIsAUsageError() {
        assertEquals(2, CliRun.of("explain").exit());
    }

    @Test
    void aCodeWithoutEntryIsExplainedByItsClass() {
        CliRun run = CliRun.of("explain", "299");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("299 has no entry of its own"), run.out());
        assertTrue(run.out().contains("Class: 2xx"), run.out());
    }

    @Test
    void aVendorCodeIsExplainedByItsSubject() {
        CliRun run = CliRun.of("explain", "550 5.7.606 Access denied, banned sending IP", "--width", "200");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Enhanced status code 5.7.606: 5.7.x "), run.out());
        assertTrue(run.out().contains("5.7.606 is not in the IANA registry"), run.out());
    }

    @Test
    void explainsSeveralInputsAndAReason() {
        CliRun run = CliRun.of("explain", "550", "4.2.2", "mailboxfull");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Reply code 550: "));
        assertTrue(run.out().contains("Enhanced status code 4.2.2: "));
        assertTrue(run.out().contains("Bounce reason mailboxfull: "));
        assertTrue(run.out().contains("Default decision: "));
    }

    @Test
    void jsonHasTheEntriesAndTheOutcome() throws IOException {
        CliRun run = CliRun.of("explain", OVER_QUOTA, "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("en", root.get("language").asText());
        JsonNode x = root.get("explanations").get(0);
        assertEquals(OVER_QUOTA, x.get("input").asText());
        assertEquals("The email account that you tried to reach is over quota", x.get("serverText").asText());
        assertEquals("reply-code", x.get("entries").get(0).get("kind").asText());
        assertEquals("552", x.get("entries").get(0).get("code").asText());
        assertEquals("enhanced-status", x.get("entries").get(1).get("kind").asText());
        assertEquals("permanent", x.get("entries").get(1).get("class").asText());
        assertEquals("5.2.2", x.get("outcome").get("decidedBy").asText());
        assertEquals("permanent", x.get("outcome").get("class").asText());
        assertEquals(2, x.get("outcome").get("notes").size());
    }

    @Test
    void markdownHasHeadings() {
        CliRun run = CliRun.of("explain", "452 4.2.2 Mailbox full", "--format", "MARKDOWN", "--lang", "de");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("# 452 4.2.2 Mailbox full\n"), run.out());
        assertTrue(run.out().contains("\n### Beschreibung\n"), run.out());
    }

    @Test
    void textIsWrappedToTheWidth() {
        CliRun run = CliRun.of("explain", "550", "--width", "40");
        assertEquals(0, run.exit(), run.err());
        run.out().lines().forEach(l -> assertTrue(l.length() <= 40, l));
    }

    @Test
    void widthComesFromColumnsWhenSensible() {
        assertEquals(120, PageOptions.widthFromEnvironment("120"));
        assertEquals(80, PageOptions.widthFromEnvironment(null));
        assertEquals(80, PageOptions.widthFromEnvironment("5"));
        assertEquals(80, PageOptions.widthFromEnvironment("wide"));
    }

    @Test
    void serverTextWithTerminalEscapesIsCleaned() {
        CliRun run = CliRun.of("explain", "550 5.1.1 \u001b]0;pwned\u0007 unknown user");
        assertEquals(0, run.exit(), run.err());
        assertFalse(run.out().contains("\u001b"));
        assertFalse(run.out().contains("\u0007"));
    }
}
