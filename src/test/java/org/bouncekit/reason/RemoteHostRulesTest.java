package org.bouncekit.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

class RemoteHostRulesTest {
    private final RemoteHostRules builtIn = RemoteHostRules.builtIn();

    @Test
    void aMobileCarrierUnknownUserAfterDataIsTheSenderRefused() {
        RemoteHostRules.Match m = builtIn.find("dns; mfsmax.docomo.ne.jp [192.0.2.7]", "5.0.0", "DATA",
                "550 Unknown user someone@docomo.example");
        assertEquals(Reason.REJECTED, m.reason());
        assertEquals("docomo.ne.jp", m.suffix());
        assertEquals(Reason.USERUNKNOWN, builtIn.find("mfsmax.docomo.ne.jp", "5.0.0", "RCPT", "550 Unknown user").reason());
    }

    @Test
    void protocolRepliesKeepTheirMeaningAtThatHost() {
        assertEquals(Reason.SYNTAXERROR,
                builtIn.find("mfsmax.docomo.ne.jp", "5.0.0", "DATA", "504 Command parameter not implemented").reason());
    }

    @Test
    void otherHostsAndLookalikeNamesAreLeftAlone() {
        assertNull(builtIn.find("mx.example.net", "5.0.0", "DATA", "550 Unknown user"));
        assertNull(builtIn.find("notdocomo.ne.jp", "5.0.0", "DATA", "550 Unknown user"));
        assertNull(builtIn.find(null, "5.0.0", "DATA", "550 Unknown user"));
        // the status must be the one the rule names
        assertNull(builtIn.find("mfsmax.docomo.ne.jp", "5.1.1", "DATA", "550 Unknown user"));
    }

    @Test
    void hostNamesAreReadFromRemoteMtaValues() {
        assertEquals("mx.example.net", RemoteHostRules.hostOf("dns; MX.Example.NET. [192.0.2.1]"));
        assertEquals("mx.example.net", RemoteHostRules.hostOf("mx.example.net (192.0.2.1)"));
        assertNull(RemoteHostRules.hostOf("  "));
    }

    @Test
    void aMalformedTableNamesTheLine() throws Exception {
        String table = "# comment\nexample.net | * | * | some words | nosuchreason\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RemoteHostRules.read(new BufferedReader(new StringReader(table)), "t.txt"));
        assertTrue(e.getMessage().startsWith("t.txt:2:"), e.getMessage());
        RemoteHostRules ok = RemoteHostRules.read(new BufferedReader(new StringReader(
                "example.net | * | RCPT | Some Words | filtered\n")), "t.txt");
        assertEquals(Reason.FILTERED, ok.find("mx.example.net", null, "RCPT", "550 some words here").reason());
        assertNull(ok.find("mx.example.net", null, "MAIL", "550 some words here"));
    }
}
