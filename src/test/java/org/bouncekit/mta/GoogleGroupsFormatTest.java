package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoogleGroupsFormatTest {
    private final GoogleGroupsFormat format = new GoogleGroupsFormat(100);

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void reportsTheGroupAsARejectedPostWithGooglesExplanation(String eol) {
        DecodedBounce d = format.decode(EndOfLine.parse("googlegroups-post-refused.eml", eol));
        assertEquals(1, d.records().size());
        RecipientRecord r = d.records().get(0);
        assertEquals("gardening-club@googlegroups.com", r.recipient());
        assertNull(r.status());
        assertNull(r.replyCode());
        assertEquals(Reason.REJECTED, r.reasonHint());
        assertTrue(r.diagnostic().startsWith("We're writing to let you know that the group you tried to contact"),
                r.diagnostic());
    }

    @Test
    void ignoresAGmailBounceWithoutTheGroupsNotice() {
        String mail = "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
                + "X-Failed-Recipients: nobody@receiver.example\nSubject: Delivery Status Notification (Failure)\n\n"
                + "Delivery to the following recipient failed permanently:\n\n     nobody@receiver.example\n";
        assertNull(format.decode(MtaFixtures.parseBytes(mail.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }
}
