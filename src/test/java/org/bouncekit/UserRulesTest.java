package org.bouncekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserRulesTest {
    private static Verdict classify(String rules, byte[] message) {
        BounceClassifier c = BounceClassifier.builder().rules(UserRules.parse(rules, "test.rules")).build();
        return c.classify(message).verdicts().get(0);
    }

    private static final byte[] MAILBOX_FULL = TestMessages.dsn("ann@example.org", "failed", "5.2.2",
            "552 5.2.2 Mailbox storage exhausted for this user", "mx.example.org");
    private static final byte[] BLOCKED = TestMessages.dsn("bob@example.net", "failed", "5.7.1",
            "550 5.7.1 Service unavailable; client host blocked using zen.spamhaus.org", "mx1.mail.example.net");

    @Test
    void noRulesKeepBuiltInVerdict() {
        Verdict v = BounceClassifier.create().classify(MAILBOX_FULL).verdicts().get(0);
        assertEquals(Reason.MAILBOXFULL, v.reason());
        assertEquals(Decision.RETRY, v.decision());
    }

    @Test
    void decisionForReasonOverridesBuiltIn() {
        Verdict v = classify("decision.mailboxfull = suppress", MAILBOX_FULL);
        assertEquals(Reason.MAILBOXFULL, v.reason());
        assertEquals(Decision.SUPPRESS, v.decision());
        assertTrue(v.evidence().get(0).note().contains("test.rules:1"), v.evidence().toString());
    }

    @Test
    void userPhraseOverridesBuiltInPhrase() {
        Verdict v = classify("phrase.systemfull = storage exhausted", MAILBOX_FULL);
        assertEquals(Reason.SYSTEMFULL, v.reason());
        assertEquals("user.phrase", v.evidence().get(0).rule());
        assertEquals(Decision.RETRY, v.decision());
    }

    @Test
    void statusRuleBeatsUserPhrase() {
        Verdict v = classify("phrase.systemfull = storage exhausted\nstatus.5.2.2 = suspend", MAILBOX_FULL);
        assertEquals(Reason.SUSPEND, v.reason());
    }

    @Test
    void classSpecificStatusBeatsAnyClassForm() {
        Verdict v = classify("status.X.7.1 = policyviolation\nstatus.5.7.1 = badreputation", BLOCKED);
        assertEquals(Reason.BADREPUTATION, v.reason());
    }

    @Test
    void remoteMtaRuleMatchesParentDomainAndBeatsStatus() {
        Verdict v = classify("status.5.7.1 = policyviolation\nremote-mta.mail.example.net = speeding", BLOCKED);
        assertEquals(Reason.SPEEDING, v.reason());
        assertEquals("user.remote-mta", v.evidence().get(0).rule());
    }

    @Test
    void recipientDomainRuleIsMostSpecific() {
        Verdict v = classify("remote-mta.example.net = speeding\nrecipient-domain.example.net.decision = none", BLOCKED);
        assertEquals(Decision.NONE, v.decision());
        assertEquals(Reason.BLOCKED, v.reason());
    }

    @Test
    void suppressListChangesWhichReasonsSuppress() {
        byte[] unknown = TestMessages.dsn("carl@example.com", "failed", "5.1.1", "550 5.1.1 User unknown", "mx.example.com");
        assertEquals(Decision.SUPPRESS, classify("phrase.mailboxfull = nothing-like-this", unknown).decision());
        assertEquals(Decision.RETRY, classify("suppress = hostunknown", unknown).decision());
    }

    @Test
    void changedReasonGetsItsOwnRecommendedAction() {
        Verdict before = BounceClassifier.create().classify(MAILBOX_FULL).verdicts().get(0);
        Verdict after = classify("status.5.2.2 = userunknown", MAILBOX_FULL);
        assertEquals(Decision.SUPPRESS, after.decision());
        assertTrue(!before.recommendedAction().equals(after.recommendedAction()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "phrase.nosuchreason = x|test.rules:1: unknown reason 'nosuchreason'",
            "phrase.blocked = x\\n# comment\\nstatus.9.9.9 = blocked|test.rules:3: '9.9.9' is not an enhanced status code",
            "decision.blocked = maybe|test.rules:1: unknown decision 'maybe'",
            "just some words|test.rules:1: expected 'key = value'",
            "colour.blue = blocked|test.rules:1: unknown key 'colour.blue'",
            "phrase.blocked =|test.rules:1: empty value"})
    void invalidRulesNameTheLine(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserRules.parse(text.replace("\\n", "\n"), "test.rules"));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
