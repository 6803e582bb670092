package org.bouncekit.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MissingHostTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "553 mail.example.org does not exist|mail.example.org",
            "550 <relay-7.example.net> does not exist|relay-7.example.net"})
    void hostNameBeforeDoesNotExistIsFound(String text, String host) {
        assertEquals(host, ReasonRules.namesMissingHost(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "550 <ann@example.org> does not exist",
            "550 mailbox does not exist",
            "550 the file . does not exist"})
    void addressesAndWordsAreNotHosts(String text) {
        assertNull(ReasonRules.namesMissingHost(text));
    }

    @Test
    void aMissingHostIsHostunknown() {
        assertEquals(Reason.HOSTUNKNOWN, ReasonRules.builtIn()
                .find(null, null, null, 553, "553 mail.example.org does not exist", "body", "DATA", "failed").reason());
    }
}
