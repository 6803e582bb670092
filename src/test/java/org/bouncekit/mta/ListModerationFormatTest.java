package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

class ListModerationFormatTest {
    private final ListModerationFormat format = new ListModerationFormat();

    @Test
    void theListIsOnHoldWithMailmansReason() {
        DecodedBounce d = format.decode(OddFixtures.parse("list-mailman2-held.eml"));
        assertEquals(MessageKind.AUTOREPLY, d.kind());
        RecipientRecord r = d.records().get(0);
        assertEquals("testlist@lists.example.org", r.recipient());
        assertEquals(Reason.ONHOLD, r.reasonHint());
        assertEquals("Is being held until the list moderator can review it for approval."
                + " Post by non-member to a members-only list", r.diagnostic());
    }

    @Test
    void anAdministrativeSenderNamesTheList() {
        assertEquals("MEDSTAT-L@listserv.example.edu",
                format.decode(OddFixtures.parse("list-listserv-submitted.eml")).records().get(0).recipient());
    }

    @Test
    void aDigestThatMentionsModerationIsNotANotice() {
        assertNull(format.decode(OddFixtures.parse("negative-digest-moderation.eml")));
    }

    @Test
    void aListServerRefusingThePostIsABounce() {
        assertNull(format.decode(OddFixtures.parse("negative-bounce-moderated-list.eml")));
    }
}
