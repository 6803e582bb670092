package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EinsUndEinsFormatTest {
    private final EinsUndEinsFormat format = new EinsUndEinsFormat(100);

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void readsCommandHostAndReplyOfEachRecipient(String eol) {
        DecodedBounce d = format.decode(EndOfLine.parse("einsundeins-failed.eml", eol));
        assertEquals(2, d.records().size());
        RecipientRecord judy = d.records().get(0);
        assertEquals("judy@receiver.example", judy.recipient());
        assertEquals("5.7.1", judy.status());
        assertEquals(554, judy.replyCode());
        assertEquals("DATA", judy.command());
        assertEquals("mx.receiver.example", judy.remoteMta());
        assertEquals("554 5.7.1 Message refused by content filter", judy.diagnostic());
        RecipientRecord karl = d.records().get(1);
        assertEquals("karl@second.example", karl.recipient());
        assertEquals("5.1.1", karl.status());
        assertEquals(550, karl.replyCode());
        assertEquals("RCPT", karl.command());
        assertEquals("mx.second.example", karl.remoteMta());
        assertEquals("550 5.1.1 <karl@second.example>... No such user", karl.diagnostic());
    }

    @Test
    void ignoresEximBouncesWithoutTheOneAndOneTrailer() {
        String mail = "From: Mail Delivery System <Mailer-Daemon@mx.example>\nSubject: Mail delivery failed\n\n"
                + "The following address(es) failed:\n\n  a@b.example\n    unrouteable address\n";
        assertNull(format.decode(MtaFixtures.parseBytes(mail.getBytes(StandardCharsets.UTF_8))));
    }
}
