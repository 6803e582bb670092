package org.bouncekit.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bouncekit.Evidence;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReasonRulesTest {
    private final ReasonRules rules = ReasonRules.builtIn();

    private Reason reason(String text, String status, Integer reply) {
        return rules.find(null, null, status, reply, text, "Diagnostic-Code").reason();
    }

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient table | 5.1.1 | 550 | userunknown
            552 5.2.2 Mailbox full                                                       | 5.2.2 | 552 | mailboxfull
            Host or domain name not found. Name service error for name=example.org type=A | 5.4.4 | -   | hostunknown
            554 5.7.1 <a@example.org>: Relay access denied                               | 5.7.1 | 554 | norelaying
            554 5.7.1 Client host rejected: blocked using zen.example.org                | 5.7.1 | 554 | blocked
            550 5.7.1 Our system has detected that this message is likely unsolicited mail | 5.7.1 | 550 | spamdetected
            552 5.3.4 Message size exceeds fixed limit                                   | 5.3.4 | 552 | mesgtoobig
            552 5.2.3 Message length exceeds administrative limit                        | 5.2.3 | 552 | exceedlimit
            501 5.1.8 Sender address rejected: Domain not found                          | 5.1.8 | 501 | rejected
            500 5.6.1 Message content rejected                                           | 5.6.1 | 500 | contenterror
            452 4.3.2 Connection rate limit exceeded                                     | 4.3.2 | 452 | toomanyconn
            550 5.1.1 192.0.2.9 has sent to too many recipients this hour                | 5.1.1 | 550 | speeding
            550 5.5.0 The recipient account is blocked                                   | 5.5.0 | 550 | suspend
            connect to mx.example.org[192.0.2.1]:25: Connection timed out                | 4.4.1 | -   | expired
            550 5.4.1 [a@example.org]: Recipient address rejected: Access denied         | 5.4.1 | 550 | userunknown
            550 5.7.1 Unfortunately, messages from 192.0.2.1 weren't sent: spamhaus      | 5.7.1 | 550 | blocked
            -                                                                            | 5.1.1 | -   | userunknown
            -                                                                            | 5.2.2 | -   | mailboxfull
            -                                                                            | 5.7.26| -   | authfailure
            -                                                                            | -     | 552 | mailboxfull
            -                                                                            | -     | 550 | undefined
            -                                                                            | -     | -   | undefined
            """)
    void textStatusAndReplyDecideInPrecedenceOrder(String text, String status, Integer reply, String want) {
        assertEquals(Reason.fromWireName(want), reason(text, status == null ? null : status.strip(), reply));
    }

    @ParameterizedTest(name = "Microsoft/Google vendor {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            5.7.606 | blocked
            5.7.511 | blocked
            5.7.509 | authfailure
            5.7.515 | securityerror
            5.7.512 | notcompliantrfc
            5.7.705 | badreputation
            5.7.750 | badreputation
            5.4.312 | networkerror
            5.4.316 | expired
            5.1.351 | userunknown
            5.7.26  | authfailure
            5.7.627 | blocked
            5.7.649 | blocked
            5.7.712 | badreputation
            5.7.27  | notaccept
            """)
    void vendorStatusCodesFollowTheirDocumentedMeaning(String status, String want) {
        assertEquals(Reason.fromWireName(want), reason(null, status, 550));
    }

    @Test
    void vendorStatusOutranksGenericTextAndSaysSo() {
        ReasonFinding f = rules.find(null, null, "5.4.312", 550, "550 5.4.312 Message expired", "Diagnostic-Code");
        assertEquals(Reason.NETWORKERROR, f.reason());
        Evidence first = f.evidence().get(0);
        assertEquals("status.X.4.312", first.rule());
        assertNotNull(first.note());
        assertTrue(first.note().contains("vendor status 5.4.312"), first.note());
    }

    @Test
    void textBeatsAGenericStatusAndTheEvidenceNamesTheConflict() {
        // the classic: a 5.1.1 that is really about sending rate
        ReasonFinding f = rules.find(null, null, "5.1.1", 550,
                "550 5.1.1 <a@example.org> 192.0.2.1 has sent to too many recipients this hour", "Diagnostic-Code");
        assertEquals(Reason.SPEEDING, f.reason());
        Evidence e = f.evidence().get(0);
        assertEquals("speeding.phrase", e.rule());
        assertEquals("Diagnostic-Code", e.field());
        assertTrue(e.note().contains("status 5.1.1 suggests userunknown") && e.note().contains("text"), e.note());
    }

    @Test
    void agreementHasNoConflictNote() {
        ReasonFinding f = rules.find(null, null, "5.1.1", 550, "550 5.1.1 User unknown", "Diagnostic-Code");
        assertEquals(Reason.USERUNKNOWN, f.reason());
        assertNull(f.evidence().get(0).note());
    }

    @Test
    void formatHintWinsOverEverything() {
        ReasonFinding f = rules.find(Reason.SUSPEND, "vendor.code", "5.1.1", 550, "User unknown", "body");
        assertEquals(Reason.SUSPEND, f.reason());
        assertEquals("vendor.code", f.evidence().get(0).rule());
    }

    @ParameterizedTest(name = "{0} at {1} with {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            550 User unknown                     | MAIL | -     | rejected
            550 No such domain example.org       | MAIL | 5.1.7 | rejected
            550 Unroutable address               | MAIL | -     | rejected
            550 User unknown                     | DATA | 5.0.0 | filtered
            550 User unknown                     | DATA | 5.1.1 | userunknown
            550 User unknown                     | RCPT | 5.2.0 | userunknown
            550 User unknown                     | -    | 5.2.0 | filtered
            550 User unknown                     | RCPT | 5.0.0 | userunknown
            501 Invalid domain name              | HELO | 5.0.0 | blocked
            554 no thanks                        | HELO | -     | blocked
            552 Mailbox full                     | DATA | 5.2.2 | mailboxfull
            """)
    void theSmtpStageChangesWhatAddressErrorsMean(String text, String command, String status, String want) {
        ReasonFinding f = rules.find(null, null, status, 550, text, "Diagnostic-Code", command, "failed");
        assertEquals(Reason.fromWireName(want), f.reason());
    }

    @Test
    void stageRefinementIsRecordedAsTheDecidingRule() {
        ReasonFinding f = rules.find(null, null, "5.0.0", 550, "550 User unknown", "Diagnostic-Code", "DATA", "failed");
        assertEquals("filtered.stage", f.evidence().get(0).rule());
        assertEquals("userunknown.phrase", f.evidence().get(1).rule());
    }

    @Test
    void anOtherMailboxStatusWithUnknownUserWordingIsAFilterAndSaysWhy() {
        ReasonFinding f = rules.find(null, null, "5.2.0", 550, "550 Unknown user a@example.org", "Diagnostic-Code", null, "failed");
        assertEquals(Reason.FILTERED, f.reason());
        assertEquals("filtered.status", f.evidence().get(0).rule());
        assertTrue(f.evidence().get(0).note().contains("5.2.0"), f.evidence().get(0).note());
    }

    @Test
    void aFailureNothingExplainsIsHeldNotGuessed() {
        // a temporary failure the sender gave up on, with no telling text or code: on hold, not "expired"
        ReasonFinding f = rules.find(null, null, "4.0.0", 450, "450 4.0.0 Temporary failure", "body", null, "failed");
        assertEquals(Reason.ONHOLD, f.reason());
        assertEquals("onhold.unexplained", f.evidence().get(0).rule());
        // with no text at all there is nothing to hold: undefined
        assertEquals(Reason.UNDEFINED, rules.find(null, null, "4.0.0", null, "", "body", null, "failed").reason());
        // a delay notice whose only clue is a bare reply code: overdue, i.e. expired
        assertEquals(Reason.EXPIRED, rules.find(null, null, null, 421, "421 please come back", "body", null, "delayed").reason());
        // a specific temporary reason stays what it is
        assertEquals(Reason.MAILBOXFULL, rules.find(null, null, "4.2.2", 452, "Mailbox full", "body", null, "failed").reason());
    }

    @Test
    void theSendingMtaGivingUpOnAnUnreachableHostIsExpired() {
        assertEquals(Reason.EXPIRED, reason("421 Host not reachable.", null, 421));
        assertEquals(Reason.EXPIRED, reason("all hosts have been failing for a long time and were last tried after this message arrived", null, null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            5.4.1 | onhold
            4.4.1 | expired
            4.4.5 | systemfull
            4.3.0 | onhold
            5.3.0 | systemerror
            4.7.1 | blocked
            5.7.1 | securityerror
            5.7.8 | securityerror
            5.2.1 | filtered
            4.2.1 | suspend
            5.3.2 | notaccept
            5.5.3 | toomanyconn
            5.5.0 | onhold
            """)
    void theClassOfAStatusCanChangeWhatItNames(String status, String want) {
        // the permanent and temporary forms of a detail are read separately ("5.4.1" names nothing)
        assertEquals(Reason.fromWireName(want), reason("550 see the web page", status, 550));
    }

    @Test
    void aReplyCodeSaidForEveryKindOfRefusalNamesNothing() {
        assertEquals(Reason.ONHOLD, reason("421 Upstream error, see the provider's page", null, 421));
        assertEquals(Reason.ONHOLD, reason("553 try elsewhere", null, 553));
        assertEquals(Reason.SYNTAXERROR, reason("501 bad argument", null, 501));
        assertEquals(Reason.SECURITYERROR, reason("535 try again", null, 535));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            554 5.7.0 Header error | policyviolation
            550 5.7.0 Recipient address rejected: Policy violation | securityerror
            550 5.7.0 Local policy violation detected | policyviolation
            550 5.7.0 Please use the smtp server of your ISP | blocked
            554 Message rejected: Email address is not verified. The following identities failed the check | norelaying
            500 Line limit exceeded | mesgtoobig
            550 domain [example.org] mismatches client ip 192.0.2.9 | requireptr
            450 service permits 2 unverifyable sending IPs | requireptr
            Sorry, you are sending to/from an address that has been blacklisted | rejected
            550 'a@example.org' is not a registered gateway user | rejected
            Mailaddress is administrative disabled. (#5.2.1) | suspend
            """)
    void wordingsReadAsTheReferenceClassifierReadsThem(String text, String want) {
        String status = text.contains("5.7.0") ? "5.7.0" : null;
        assertEquals(Reason.fromWireName(want), reason(text, status, null));
    }

    @Test
    void aSecurityStatusAnsweringMailFromIsTheSenderRefused() {
        ReasonFinding f = rules.find(null, null, "5.7.1", 550, "550 5.7.1 <a@example.org>... Access denied",
                "Diagnostic-Code", FailedCommand.MAIL, "failed");
        assertEquals(Reason.REJECTED, f.reason());
    }

    @Test
    void aTemporaryLookupFailureIsANetworkErrorNotADeadDomain() {
        ReasonFinding f = rules.find(null, null, "4.0.0", null,
                "DNS type 'mx' lookup of example.org responded with code NXDOMAIN Domain name not found", "Diagnostic-Code",
                null, "failed");
        assertEquals(Reason.NETWORKERROR, f.reason());
        assertEquals("networkerror.transient", f.evidence().get(0).rule());
        assertEquals(Reason.HOSTUNKNOWN, reason("Domain name not found: example.org", "5.1.2", 550));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints | badreputation
            421 4.7.0 [TS01] Messages from 192.0.2.1 temporarily deferred due to user complaints | badreputation
            421 4.7.0 [TS02] Messages from 192.0.2.1 temporarily deferred due to unexpected volume | speeding
            553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.1, because the ip is in Spamhaus's list | blocked
            550-5.7.26 This mail has been blocked because the sender is unauthenticated. 5.7.26 DMARC policy | authfailure
            421-4.7.0 This message does not have authentication information or fails to pass authentication checks | authfailure
            550 5.7.606 Access denied, banned sending IP [192.0.2.1] | blocked
            """)
    void vendorWordingsAndTags(String text, String want) {
        assertEquals(Reason.fromWireName(want), reason(text, null, null));
    }

    @Test
    void statusRangesExpandAndSingleCodesOverrideThem() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("X.7.10-12", "blocked");
        p.setProperty("X.7.11", "spamdetected");
        java.util.Map<String, Reason> m = ReasonRules.statusTable(p);
        assertEquals(Reason.BLOCKED, m.get("X.7.10"));
        assertEquals(Reason.SPAMDETECTED, m.get("X.7.11"));
        assertEquals(Reason.BLOCKED, m.get("X.7.12"));
        assertNull(m.get("X.7.13"));
    }

    @Test
    void genericWordsDoNotDecideOnTheirOwn() {
        // "access denied", "try again", "temporary failure", "address rejected" appear in many reasons
        // (an error text nothing explains is held for review: onhold)
        assertEquals(Reason.ONHOLD, reason("550 Access denied", null, null));
        assertEquals(Reason.ONHOLD, reason("please try again", null, null));
        assertEquals(Reason.ONHOLD, reason("Recipient address rejected: see the web page", null, null));
        assertEquals(Reason.USERUNKNOWN, reason("Recipient address rejected: see the web page", "5.1.1", 550));
    }

    @Test
    void longDiagnosticsAreBoundedAndStillMatchAtTheStart() {
        String text = "550 5.2.2 mailbox full " + "x".repeat(200_000) + " user unknown";
        assertEquals(Reason.MAILBOXFULL, reason(text, null, null));
    }

    @Test
    void aDeferralStillRetriedIsNoRefusalOfTheSender() {
        // "421 Try again later" answering MAIL FROM names no reason: final, the stage says the sender was
        // refused; in a delay notice it is a deferral the MTA keeps retrying
        Reason delayed = rules.find(null, null, null, 421, "421 Try again later", "Diagnostic-Code", FailedCommand.MAIL,
                "delayed").reason();
        Reason failed = rules.find(null, null, null, 421, "421 Try again later", "Diagnostic-Code", FailedCommand.MAIL,
                "failed").reason();
        assertEquals(Reason.REJECTED, failed);
        assertNotEquals(Reason.REJECTED, delayed);
    }
}
