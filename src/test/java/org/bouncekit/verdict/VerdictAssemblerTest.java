package org.bouncekit.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.bouncekit.BounceClass;
import org.bouncekit.Decision;
import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.bouncekit.Verdict;
import org.bouncekit.codes.CodeDictionary;
import org.bouncekit.mta.RecipientRecord;
import org.bouncekit.reason.ReasonRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictAssemblerTest {
    private final VerdictAssembler assembler = new VerdictAssembler(ReasonRules.builtIn(),
            CodeDictionary.forLocale(Locale.ENGLISH), DecisionPolicy.builtIn());

    private Verdict verdict(String action, String status, Integer reply, String text) {
        RecipientRecord r = new RecipientRecord("a@example.org").action(action).status(status).replyCode(reply)
                .diagnostic(text, "Diagnostic-Code");
        return assembler.assemble(r, MessageKind.BOUNCE);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4} {5} {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            failed  | 5.1.1 | 550 | 550 5.1.1 User unknown                     | permanent | userunknown  | suppress
            failed  | 4.1.1 | 450 | 450 4.1.1 User unknown                     | transient | userunknown  | retry
            failed  | 5.1.2 | -   | Host or domain name not found               | permanent | hostunknown  | suppress
            failed  | 5.1.6 | 551 | 551 5.1.6 User has moved                    | permanent | hasmoved     | suppress
            failed  | 5.2.2 | 552 | 552 5.2.2 Mailbox full                      | permanent | mailboxfull  | retry
            failed  | 5.7.1 | 554 | 554 5.7.1 Client host rejected: blocked using zen.example.org | permanent | blocked | fix-sender
            failed  | 5.7.26| 550 | 550 5.7.26 Unauthenticated email from example.org is not accepted | permanent | authfailure | fix-sender
            failed  | -     | 552 | 552 Message size exceeds fixed maximum message size | permanent | mesgtoobig | fix-sender
            failed  | -     | 421 | 421 Host not reachable                      | transient | expired      | retry
            delayed | 4.0.0 | -   | -                                           | transient | expired      | retry
            failed  | -     | -   | 550 <a@example.org>: User unknown           | permanent | userunknown  | suppress
            failed  | -     | -   | 550 User unknown                            | permanent | filtered     | fix-sender
            failed  | 5.0.0 | 550 | 550 no such user here                       | permanent | filtered     | fix-sender
            -       | -     | -   | Mailbox full                                | permanent | mailboxfull  | retry
            failed  | 5.1.1 | 451 | 451 temporary lookup failure                | permanent | networkerror | retry
            """)
    void classReasonAndDecision(String action, String status, Integer reply, String text, String cls, String reason,
                                String decision) {
        Verdict v = verdict(action, status == null ? null : status.strip(), reply, text);
        assertEquals(BounceClass.valueOf(cls.toUpperCase(Locale.ROOT)), v.bounceClass());
        assertEquals(Reason.fromWireName(reason), v.reason());
        assertEquals(decision, v.decision().toString().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    @Test
    void aTransientUserUnknownIsNeverSuppressed() {
        for (String s : new String[] {"4.1.1", "4.0.0", null}) {
            Verdict v = verdict(s == null ? "delayed" : "failed", s, s == null ? 450 : null, "User unknown");
            assertEquals(BounceClass.TRANSIENT, v.bounceClass(), String.valueOf(s));
            assertTrue(v.decision() != Decision.SUPPRESS, String.valueOf(s));
        }
        DecisionPolicy p = DecisionPolicy.builtIn();
        for (Reason r : p.suppressing()) {
            assertEquals(Decision.RETRY, p.decide(r, BounceClass.TRANSIENT, "a@example.org", null, "4.0.0"), r.wireName());
            assertEquals(Decision.SUPPRESS, p.decide(r, BounceClass.PERMANENT, "a@example.org", null, "5.0.0"), r.wireName());
        }
    }

    @Test
    void onlyDeadAddressReasonsSuppress() {
        DecisionPolicy p = DecisionPolicy.builtIn();
        assertEquals(java.util.EnumSet.of(Reason.USERUNKNOWN, Reason.HOSTUNKNOWN, Reason.HASMOVED, Reason.NOTACCEPT),
                p.suppressing());
        assertEquals(Decision.FIX_SENDER, p.decide(Reason.BLOCKED, BounceClass.PERMANENT, null, null, "5.7.1"));
        assertEquals(Decision.UNSUBSCRIBE, p.decide(Reason.FEEDBACK, BounceClass.INFORMATIONAL, null, null, null));
    }

    @Test
    void aReputationBlockWithA511IsNotSuppressed() {
        // 5.1.1 status, but the text says the sending IP is listed: fix the sender, keep the address
        Verdict v = verdict("failed", "5.1.1", 550, "550 5.1.1 Service unavailable; client host [192.0.2.1] blocked using zen.example.org");
        assertEquals(Reason.BLOCKED, v.reason());
        assertEquals(Decision.FIX_SENDER, v.decision());
        assertTrue(v.evidence().get(0).note().contains("suggests userunknown"), v.evidence().toString());
    }

    @Test
    void missingStatusIsInferredFromTheReasonAndSaysSo() {
        Verdict v = verdict("failed", null, 550, "550 <a@example.org>: No such user here");
        assertEquals("5.1.1", v.status());
        assertTrue(v.statusInferred());
        assertEquals(550, v.replyCode());
        assertFalse(v.replyCodeInferred());
    }

    @Test
    void replyCodeIsInferredOnlyWhenTheStatusImpliesOne() {
        Verdict full = verdict("failed", "5.2.2", null, "mailbox full");
        assertEquals(552, full.replyCode());
        assertTrue(full.replyCodeInferred());
        Verdict unknown = verdict("failed", "5.1.1", null, "user unknown");
        assertEquals(550, unknown.replyCode());
        // 5.7.1 comes with 550 or 554, 4.4.1 with 421/450/451: no guess
        assertNull(verdict("failed", "5.7.1", null, "blocked using zen.example.org").replyCode());
        assertNull(verdict("failed", "4.4.1", null, "connect to mx: Connection timed out").replyCode());
        // an inferred status never yields an inferred reply code
        Verdict none = verdict("failed", null, null, "user unknown");
        assertTrue(none.statusInferred());
        assertNull(none.replyCode());
    }

    @Test
    void theStatusDecidesTheClassAndAConflictingReplyCodeIsNoted() {
        Verdict v = verdict("failed", "4.2.2", 552, "552 4.2.2 Mailbox full");
        assertEquals(BounceClass.TRANSIENT, v.bounceClass());
        assertTrue(v.evidence().stream().anyMatch(e -> e.rule().equals("class.conflict")), v.evidence().toString());
    }

    @Test
    void theFailedCommandFromTheBouncesProseRefinesTheReason() {
        RecipientRecord r = new RecipientRecord("a@example.org").action("failed").status("5.0.0").replyCode(550)
                .diagnostic("550 User unknown", "Diagnostic-Code");
        Verdict atData = assembler.assemble(r, MessageKind.BOUNCE, "host mx said: 550 User unknown (in reply to end of DATA command)");
        assertEquals(Reason.FILTERED, atData.reason());
        assertEquals("DATA", atData.command());
        assertEquals(Decision.FIX_SENDER, atData.decision());
        Verdict atRcpt = assembler.assemble(r, MessageKind.BOUNCE, "host mx said: 550 User unknown (in reply to RCPT TO command)");
        assertEquals(Reason.USERUNKNOWN, atRcpt.reason());
        assertEquals(Decision.SUPPRESS, atRcpt.decision());
        // the format's own command wins over prose
        Verdict formatSaid = assembler.assemble(r.command("RCPT TO"), MessageKind.BOUNCE, "(in reply to end of DATA command)");
        assertEquals(Reason.USERUNKNOWN, formatSaid.reason());
    }

    @Test
    void deliveryReportsAreInformational() {
        RecipientRecord r = new RecipientRecord("a@example.org").action("delivered").status("2.0.0");
        Verdict v = assembler.assemble(r, MessageKind.DELIVERY);
        assertEquals(BounceClass.INFORMATIONAL, v.bounceClass());
        assertEquals(Reason.DELIVERED, v.reason());
        assertEquals(Decision.NONE, v.decision());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"abuse, UNSUBSCRIBE, Unsubscribe", "not-spam, NONE, no complaint", "auth-failure, NONE, no complaint"})
    void onlyAComplaintUnsubscribesAndTheAdviceFollowsTheDecision(String type, Decision decision, String advice) {
        RecipientRecord r = new RecipientRecord("reader@example.org").reasonHint(Reason.FEEDBACK, "feedback." + type);
        Verdict v = assembler.assemble(r, MessageKind.FEEDBACK);
        assertEquals(Reason.FEEDBACK, v.reason());
        assertEquals(decision, v.decision());
        assertTrue(v.recommendedAction().contains(advice), v.recommendedAction());
    }

    @Test
    void aDeliveredRecipientInAMixedReportKeepsNoErrorFromTheProse() {
        RecipientRecord r = new RecipientRecord("ok@example.org").action("delivered").status("2.0.0").replyCode(550)
                .diagnostic("550 5.1.1 <other@example.org>... User unknown", "body");
        Verdict v = assembler.assemble(r, MessageKind.BOUNCE);
        assertEquals(BounceClass.INFORMATIONAL, v.bounceClass());
        assertEquals(Reason.DELIVERED, v.reason());
        assertNull(v.replyCode());
        assertEquals("delivered.action", v.evidence().get(0).rule());
    }
}
