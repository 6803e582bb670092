package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.bouncekit.BounceClassifier;
import org.bouncekit.BounceReport;
import org.junit.jupiter.api.Test;

class PersonalMailTest {
    private static final String QUOTED_NDR = "> Delivery has failed to these recipients or groups:\n>\n"
            + "> t.vogt@example.de\n> The email address you entered couldn't be found.\n>\n"
            + "> Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\n";

    private static BounceReport classify(String msg) {
        return BounceClassifier.create().classify(msg.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void personsReplyQuotingAnNdrIsNoBounce() {
        BounceReport r = classify("From: Michael Berger <m.berger@example.de>\nTo: lisa@partner.example.com\n"
                + "Subject: AW: Undeliverable: Offer\nIn-Reply-To: <k.1@partner.example.com>\n"
                + "Content-Type: text/plain\n\nThe address is gone, use einkauf@example.de.\n\n" + QUOTED_NDR);
        assertEquals("not-bounce", r.kind().wireName());
        assertTrue(r.verdicts().isEmpty());
    }

    @Test
    void mailSystemsReplySubjectStaysABounce() {
        // The same text from a mail system: the subject prefix and In-Reply-To alone decide nothing.
        BounceReport r = classify("From: postmaster@example.de\nTo: lisa@partner.example.com\n"
                + "Subject: Re: Offer\nIn-Reply-To: <k.1@partner.example.com>\n"
                + "Content-Type: text/plain\n\n" + QUOTED_NDR.replace("> ", "").replace(">", ""));
        assertEquals("bounce", r.kind().wireName());
        assertEquals("t.vogt@example.de", r.verdicts().get(0).recipient());
    }

    @Test
    void ticketQuotingAnSmtpErrorSentWithItsOwnEnvelopeIsNoBounce() {
        BounceReport r = classify("Return-Path: <karin@example.com>\nFrom: Karin <karin@example.com>\n"
                + "To: support@helpdesk.example.net\nSubject: Undeliverable mail to a supplier\n"
                + "Content-Type: text/plain\n\nI get this error:\n\n"
                + "  550 5.1.1 <orders@supplier.example.org>: Recipient address rejected: User unknown\n");
        assertEquals("not-bounce", r.kind().wireName());
    }

    @Test
    void sameTextWithTheNullReversePathIsABounce() {
        BounceReport r = classify("Return-Path: <>\nFrom: Mail Service <care@isp.example.net>\n"
                + "To: karin@example.com\nSubject: Undeliverable mail\n"
                + "Content-Type: text/plain\n\n"
                + "  550 5.1.1 <orders@supplier.example.org>: Recipient address rejected: User unknown\n");
        assertEquals("bounce", r.kind().wireName());
        assertEquals("orders@supplier.example.org", r.verdicts().get(0).recipient());
    }
}
