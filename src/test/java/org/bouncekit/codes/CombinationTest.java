package org.bouncekit.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.bouncekit.BounceClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CombinationTest {

    private final CodeDictionary en = CodeDictionary.forLocale(Locale.ENGLISH);

    private Combination combine(String input) {
        return CodeInput.explain(en, input).combination();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "552 5.2.2 over quota|PERMANENT|5.2.2",
            "452 4.2.2 Mailbox full|TRANSIENT|4.2.2",
            "452 5.2.2 odd server|PERMANENT|5.2.2",
            "550 4.7.1 greylisted|TRANSIENT|4.7.1",
            "250 2.0.0 Ok|INFORMATIONAL|2.0.0",
            "550 user unknown|PERMANENT|550",
            "451|TRANSIENT|451",
            "354 go ahead|INFORMATIONAL|354",
            "4.4.7|TRANSIENT|4.4.7",
            "552 5.5.3 Too many recipients|TRANSIENT|552",
            "552 Too many recipients for this message|TRANSIENT|552",
            "552 4.5.3 TOO MANY RECIPIENTS|TRANSIENT|552",
            "550 5.9.99 odd|PERMANENT|550",
    })
    void theEnhancedStatusDecidesWhenValid(String input, BounceClass outcome, String decidedBy) {
        Combination c = combine(input);
        assertEquals(outcome, c.outcome());
        assertEquals(decidedBy, c.decidedBy());
    }

    @Test
    void agreementIsSaid() {
        assertEquals(en.format("template.combine.agree", "552", "5.2.2", en.bounceClassName(BounceClass.PERMANENT)),
                combine("552 5.2.2").notes().get(0));
    }

    @Test
    void disagreementIsSaid() {
        assertEquals(en.format("template.combine.disagree", "452", en.bounceClassName(BounceClass.TRANSIENT),
                "5.2.2", en.bounceClassName(BounceClass.PERMANENT)), combine("452 5.2.2").notes().get(0));
    }

    @Test
    void permanentMailboxFullCarriesTheTransientNuance() {
        List<String> notes = combine("552-5.2.2 over quota").notes();
        assertEquals(2, notes.size());
        assertTrue(notes.get(1).contains("RFC 3463") && notes.get(1).contains("452 4.2.2"), notes.get(1));
        assertEquals(1, combine("452 4.2.2").notes().size());
    }

    @Test
    void securityCodesPointAtTheSender() {
        List<String> notes = combine("550 5.7.26 DMARC").notes();
        assertEquals(en.format("template.combine.securityPolicy", "5.7.26"), notes.get(1));
        assertEquals(1, combine("250 2.7.0").notes().size());
    }

    @Test
    void fourTwentyOneClosesTheConnection() {
        assertEquals(en.format("template.combine.connectionClosed"), combine("421 4.7.0 Try later").notes().get(2));
    }

    @Test
    void anInvalidStatusNextToAValidReplyCodeIsNotedAndIgnored() {
        CodeInput.Resolved r = CodeInput.explain(en, "550 5.9.99 odd");
        assertEquals(null, r.status());
        assertEquals(en.format("template.combine.invalidStatus", "5.9.99"), r.combination().notes().get(0));
    }
}
