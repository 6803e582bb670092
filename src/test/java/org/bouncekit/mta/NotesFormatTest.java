package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotesFormatTest {
    private final NotesFormat format = new NotesFormat(100);

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void givesEachAddressTheReasonWrittenAboveIt(String eol) {
        DecodedBounce d = format.decode(EndOfLine.parse("notes-failure-reasons.eml", eol));
        assertEquals(3, d.records().size());
        assertEquals("dave@receiver.example", d.records().get(0).recipient());
        assertEquals("User not listed in public Name & Address Book", d.records().get(0).diagnostic());
        assertEquals("erin@receiver.example", d.records().get(1).recipient());
        assertEquals("User not listed in public Name & Address Book", d.records().get(1).diagnostic());
        assertEquals("frank@far.example", d.records().get(2).recipient());
        assertEquals("Host unreachable after three attempts", d.records().get(2).diagnostic());
        assertNull(d.records().get(0).status());
        assertNull(d.records().get(0).replyCode());
    }

    @Test
    void ignoresMessagesWithoutTheFailureReasonsSection() {
        String mail = "From: Postmaster@x.example\nSubject: Undeliverable message\n\nUser unknown: a@b.example\n";
        assertNull(format.decode(MtaFixtures.parseBytes(mail.getBytes(StandardCharsets.UTF_8))));
    }
}
