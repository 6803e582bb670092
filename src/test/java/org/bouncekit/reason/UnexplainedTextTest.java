package org.bouncekit.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bouncekit.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnexplainedTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "* kim@example.org|undefined",
            "<kim@example.org>:|undefined",
            "The gateway refused the message for kim@example.org|onhold"})
    void textWithoutWordsIsNoExplanationAtAll(String text, String reason) {
        ReasonFinding f = ReasonRules.builtIn().find(null, null, null, null, text, "body", null, "failed");
        assertEquals(Reason.fromWireName(reason), f.reason());
    }
}
