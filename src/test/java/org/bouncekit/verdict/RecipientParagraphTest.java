package org.bouncekit.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bouncekit.reason.FailedCommand;
import org.junit.jupiter.api.Test;

class RecipientParagraphTest {
    private static final String BODY = "This is the mail system at host mx.example.net.\n\n"
            + "<anna@example.org>: host mx.example.org[192.0.2.1] said: 550 5.2.1 <anna@example.org>...\n"
            + "    User unknown (in reply to RCPT TO command)\n\n"
            + "<bert@example.org>: host mx.example.org[192.0.2.1] said: 550 5.7.1 spam (in reply\n"
            + "    to end of DATA command)\n";

    @Test
    void eachRecipientGetsItsOwnParagraph() {
        RecipientParagraph.Finder p = new RecipientParagraph.Finder(BODY);
        assertEquals(FailedCommand.RCPT, FailedCommand.in(p.of("anna@example.org")));
        assertEquals(FailedCommand.DATA, FailedCommand.in(p.of("Bert@Example.org")));
        assertTrue(p.of("anna@example.org").startsWith("anna@example.org>"));
    }

    @Test
    void unknownAddressesAndEmptyBodiesGiveNothing() {
        assertNull(new RecipientParagraph.Finder(BODY).of("carl@example.org"));
        assertNull(RecipientParagraph.of(null, "anna@example.org"));
        assertNull(new RecipientParagraph.Finder(BODY).of(""));
    }

    @Test
    void paragraphsAreBounded() {
        String body = "anna@example.org " + "x".repeat(10_000);
        assertEquals(RecipientParagraph.MAX, new RecipientParagraph.Finder(body).of("anna@example.org").length());
    }
}
