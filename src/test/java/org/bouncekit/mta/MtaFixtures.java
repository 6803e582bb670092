package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.bouncekit.Limits;
import org.bouncekit.parse.MimeParser;
import org.bouncekit.parse.ParsedMessage;

/** Loads a fixture message from {@code fixtures/mta/} and parses it as the classifier would. */
final class MtaFixtures {
    private MtaFixtures() {
    }

    static ParsedMessage parse(String name) {
        try (InputStream in = MtaFixtures.class.getResourceAsStream("/fixtures/mta/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return parseBytes(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedMessage parseBytes(byte[] raw) {
        return new MimeParser(Limits.DEFAULT).parse(raw, System.nanoTime() + 10_000_000_000L);
    }

    /** Asserts the four fields every format must get right for a recipient. */
    static void assertRecord(RecipientRecord r, String recipient, String status, Integer replyCode, String diagnostic) {
        assertAll(r.toString(),
                () -> assertEquals(recipient, r.recipient(), "recipient"),
                () -> assertEquals(status, r.status(), "status"),
                () -> assertEquals(replyCode, r.replyCode(), "replyCode"),
                () -> assertEquals(diagnostic, r.diagnostic(), "diagnostic"));
    }
}
