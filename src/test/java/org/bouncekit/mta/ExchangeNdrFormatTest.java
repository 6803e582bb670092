package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ExchangeNdrFormatTest {
    private final ExchangeNdrFormat format = new ExchangeNdrFormat(100);

    @Test
    void readsTheAdministratorsSectionInAnyLanguage() {
        DecodedBounce d = format.decode(OddFixtures.parse("exchange2013-es-two.eml"));
        assertEquals(2, d.records().size());
        MtaFixtures.assertRecord(d.records().get(0), "lucia.romero@empresa.example.es", "5.1.1", 550,
                "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found");
        assertEquals("d.navarro@empresa.example.es", d.records().get(1).recipient());
    }

    @Test
    void theHostBeforeTheHashIsTheRemoteServer() {
        RecipientRecord r = format.decode(OddFixtures.parse("exchange2010-nl-relay.eml")).records().get(0);
        MtaFixtures.assertRecord(r, "r.visser@ander.example.nl", "5.7.1", 550,
                "550 5.7.1 <r.visser@ander.example.nl>: Relay access denied");
        assertEquals("mx.ander.example.nl", r.remoteMta());
    }

    @Test
    void remoteServerAtHostReturned() {
        DecodedBounce d = format.decode(OddFixtures.parse("exchange2013-en-remote.eml"));
        assertEquals("mx.partner.example.com", d.records().get(0).remoteMta());
        RecipientRecord slow = d.records().get(1);
        MtaFixtures.assertRecord(slow, "l.chen@slow.example.net", "4.4.7", 400, "400 4.4.7 Message delayed");
        assertEquals("mx.slow.example.net", slow.remoteMta());
    }

    @Test
    void withADeliveryStatusPartTheStandardReaderIsUsed() {
        assertNull(format.decode(OddFixtures.parse("exchange2010-de-dsn.eml")));
    }

    @Test
    void aMentionOfTheHeadingIsNotAReport() {
        assertNull(format.decode(OddFixtures.text("From: a@b.example\nSubject: docs\n\n"
                + "Diagnostic information for administrators:\n\nsee the wiki, ask bob@b.example\n")));
    }
}
