package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.bouncekit.MessageKind;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

class ChallengeResponseFormatTest {
    private final ChallengeResponseFormat format = new ChallengeResponseFormat();

    @Test
    void theProtectedAddressIsOnHold() {
        DecodedBounce d = format.decode(OddFixtures.parse("cr-boxbe.eml"));
        assertEquals(MessageKind.AUTOREPLY, d.kind());
        assertEquals("challenge-response", d.format());
        RecipientRecord r = d.records().get(0);
        assertEquals("fred.bloggs@mail.example.net", r.recipient());
        assertEquals(Reason.ONHOLD, r.reasonHint());
        assertEquals("challenge-response.phrase", r.hintRule());
        assertNull(r.status());
    }

    @Test
    void aSharedWordingNeedsAnAnswer() {
        String body = "\n\nPlease confirm your message by replying to this mail.\n";
        assertNull(format.decode(OddFixtures.text("From: jo@home.example.net\nSubject: Hello\n" + body)));
        DecodedBounce d = format.decode(OddFixtures.text("From: jo@home.example.net\nSubject: Re: Hello\n" + body));
        assertEquals("jo@home.example.net", d.records().get(0).recipient());
    }

    @Test
    void aPermanentFailureStaysABounce() {
        assertNull(format.decode(OddFixtures.parse("negative-bounce-sender-verify.eml")));
    }
}
