package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterScanFormatTest {
    private final InterScanFormat format = new InterScanFormat(100);

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void takesTheReplyFromTheDialogueOrTheAttachedReport(String eol) {
        DecodedBounce d = format.decode(EndOfLine.parse("interscan-notice.eml", eol));
        assertEquals(2, d.records().size());
        RecipientRecord zack = d.records().get(0);
        assertEquals("zack@receiver.example", zack.recipient());
        assertEquals("5.2.2", zack.status());
        assertEquals(552, zack.replyCode());
        assertEquals("552 5.2.2 <zack@receiver.example>... Mailbox full", zack.diagnostic());
        RecipientRecord abe = d.records().get(1);
        assertEquals("abe@other.example", abe.recipient());
        assertEquals("5.1.1", abe.status());
        assertEquals(550, abe.replyCode());
        assertEquals("550 5.1.1 <abe@other.example>... No such mailbox", abe.diagnostic());
    }

    @Test
    void ignoresMailWithoutTheInterScanBanner() {
        String mail = "From: postmaster@x.example\nSubject: Mail could not be delivered\n\n"
                + "Reason: Unable to deliver message to <a@b.example>\n";
        assertNull(format.decode(MtaFixtures.parseBytes(mail.getBytes(StandardCharsets.UTF_8))));
    }
}
