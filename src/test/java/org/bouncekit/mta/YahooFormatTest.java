package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YahooFormatTest {
    private final YahooFormat format = new YahooFormat(100);

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void readsEachRecipientsReplyWithOrWithoutTheColonAfterTheCode(String eol) {
        DecodedBounce d = format.decode(EndOfLine.parse("yahoo-failure-notice.eml", eol));
        assertEquals(2, d.records().size());
        RecipientRecord full = d.records().get(0);
        assertEquals("full.box@receiver.example", full.recipient());
        assertEquals("5.2.2", full.status());
        assertEquals(552, full.replyCode());
        assertEquals("RCPT", full.command());
        assertEquals("552 5.2.2 <full.box@receiver.example>... Mailbox over quota", full.diagnostic());
        RecipientRecord picky = d.records().get(1);
        assertEquals("picky@other.example", picky.recipient());
        assertEquals("5.1.8", picky.status());
        assertEquals(501, picky.replyCode());
        assertEquals("501: 5.1.8 Domain of sender address does not resolve", picky.diagnostic());
    }

    @Test
    void ignoresOtherProse() {
        String mail = "From: MAILER-DAEMON@yahoo.com\nSubject: Failure Notice\n\nHi. This is the qmail-send program.\n";
        assertNull(format.decode(MtaFixtures.parseBytes(mail.getBytes(StandardCharsets.UTF_8))));
    }
}
