package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerizonFormatTest {
    private final VerizonFormat format = new VerizonFormat(100);

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void takesTheRecipientFromTheQuotedOriginalHeaders(String eol) {
        DecodedBounce d = format.decode(EndOfLine.parse("verizon-mms.eml", eol));
        assertEquals(1, d.records().size());
        RecipientRecord r = d.records().get(0);
        assertEquals("5550100@vzwpix.com", r.recipient());
        assertEquals("No valid recipients for this MM", r.diagnostic());
        assertNull(r.status());
        assertNull(r.replyCode());
    }

    @Test
    void ignoresOtherSenders() {
        String mail = "From: sysadmin@mms.other.example\nSubject: Undeliverable Message\n\nError: x\n\n"
                + "Original Message:\nTo: 1@other.example\n";
        assertNull(format.decode(MtaFixtures.parseBytes(mail.getBytes(StandardCharsets.UTF_8))));
    }
}
