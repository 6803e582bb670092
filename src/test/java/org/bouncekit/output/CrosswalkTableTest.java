package org.bouncekit.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.Set;
import org.bouncekit.BounceClass;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CrosswalkTableTest {
    private static final CrosswalkTable TABLE = CrosswalkTable.builtIn();
    private static final String HEADER = "reason,class,ses,sparkpost,postmark,sendgrid\n";

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyFailureReasonHasACategoryInEveryService(Reason reason) {
        if (reason == Reason.DELIVERED || reason == Reason.VACATION || reason == Reason.FEEDBACK) {
            return;
        }
        for (BounceClass c : new BounceClass[] {BounceClass.PERMANENT, BounceClass.TRANSIENT}) {
            Crosswalk x = TABLE.lookup(reason, c);
            assertNotNull(x.ses(), reason + "/" + c);
            assertNotNull(x.sparkpost(), reason + "/" + c);
            assertNotNull(x.postmark(), reason + "/" + c);
            assertNotNull(x.sendgrid(), reason + "/" + c);
        }
    }

    /** bouncekit never suppresses on a 4xx; the crosswalk must not tell a pipeline to. */
    @ParameterizedTest
    @EnumSource(Reason.class)
    void transientNeverMapsToAHardCategory(Reason reason) {
        Crosswalk x = TABLE.lookup(reason, BounceClass.TRANSIENT);
        if (x.ses() != null) {
            assertFalse(x.ses().startsWith("Permanent"), reason + ": " + x);
        }
        assertFalse(x.sparkpost() != null && Set.of(10, 30, 90).contains(x.sparkpost()) && reason != Reason.FEEDBACK,
                reason + ": " + x);
        assertFalse("HardBounce".equals(x.postmark()) || "BadEmailAddress".equals(x.postmark()), reason + ": " + x);
    }

    @ParameterizedTest
    @CsvSource({
        "userunknown,permanent,Permanent/NoEmail,10,HardBounce,Invalid Address",
        "mailboxfull,permanent,Transient/MailboxFull,22,SoftBounce,Mailbox Unavailable",
        "mesgtoobig,transient,Transient/MessageTooLarge,23,SoftBounce,Technical Failure",
        "blocked,permanent,Permanent/General,51,Blocked,Reputation",
        "spamdetected,permanent,Transient/ContentRejected,52,SpamNotification,Content",
        "norelaying,permanent,Permanent/General,54,Blocked,Technical Failure",
        "speeding,transient,Transient/General,20,Transient,Frequency or Volume Too High",
        "feedback,informational,Complaint,90,SpamComplaint,",
        "vacation,informational,,60,AutoResponder,",
        "delivered,informational,Delivery,,,"})
    void mapsWellKnownOutcomes(String reason, String bounceClass, String ses, Integer sparkpost, String postmark,
                               String sendgrid) {
        Crosswalk x = TABLE.lookup(Reason.fromWireName(reason), BounceClass.valueOf(bounceClass.toUpperCase()));
        assertEquals(new Crosswalk(ses, sparkpost, postmark, sendgrid), x);
    }

    @Test
    void fallsBackForMissingReasonOrClass() {
        assertEquals("Permanent/General", TABLE.lookup(null, BounceClass.PERMANENT).ses());
        assertEquals("Undetermined/Undetermined", TABLE.lookup(null, null).ses());
        assertNull(TABLE.lookup(Reason.UNDEFINED, BounceClass.INFORMATIONAL).ses());
    }

    @Test
    void reasonRowBeatsClassRow() throws IOException {
        CrosswalkTable t = CrosswalkTable.parse(new StringReader(HEADER
                + "*,permanent,Permanent/General,40,HardBounce,Unclassified\n"
                + "userunknown,*,Permanent/NoEmail,10,HardBounce,Invalid Address\n"), "t");
        assertEquals("Permanent/NoEmail", t.lookup(Reason.USERUNKNOWN, BounceClass.PERMANENT).ses());
        assertEquals("Permanent/General", t.lookup(Reason.BLOCKED, BounceClass.PERMANENT).ses());
        assertEquals(Crosswalk.NONE, t.lookup(Reason.BLOCKED, BounceClass.TRANSIENT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nosuchreason,*,,,,|t:3: unknown reason 'nosuchreason'",
        "userunknown,fatal,,,,|t:3: unknown class 'fatal'",
        "userunknown,*,Permanent/Gone,,,|t:3: unknown Amazon SES type 'Permanent/Gone'",
        "userunknown,*,,11,,|t:3: unknown SparkPost bounce class 11",
        "userunknown,*,,ten,,|t:3: SparkPost bounce class must be a number: 'ten'",
        "userunknown,*,,,Bounced,|t:3: unknown Postmark type 'Bounced'",
        "userunknown,*,,,,Technical|t:3: unknown SendGrid classification 'Technical'",
        "userunknown,*,,,|t:3: expected 6 comma-separated cells, found 5"})
    void rejectsBadLinesNamingTheLine(String line, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrosswalkTable.parse(new StringReader("# comment\n" + HEADER + line + "\n"), "t"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void rejectsDuplicatesAndMissingHeader() {
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> CrosswalkTable.parse(
                new StringReader(HEADER + "userunknown,*,,,,\n\nuserunknown,*,,,,\n"), "t"));
        assertEquals("t:4: duplicate of line 2", dup.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CrosswalkTable.parse(new StringReader("userunknown,*,,,,\n"), "t"));
        assertThrows(IllegalArgumentException.class, () -> CrosswalkTable.parse(new StringReader(""), "t"));
    }

    @Test
    void builtInTableCoversEveryReasonExplicitly() {
        for (Reason r : Reason.values()) {
            assertTrue(TABLE.rows().stream().anyMatch(row -> row.reason().equals(r.wireName())), r.wireName());
        }
    }
}
