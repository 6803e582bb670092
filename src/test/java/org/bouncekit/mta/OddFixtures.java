package org.bouncekit.mta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.bouncekit.parse.ParsedMessage;

/** A fixture from {@code fixtures/odd/} parsed as the classifier would, or a message made from text. */
final class OddFixtures {
    private OddFixtures() {
    }

    static ParsedMessage parse(String name) {
        try (InputStream in = OddFixtures.class.getResourceAsStream("/fixtures/odd/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return MtaFixtures.parseBytes(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedMessage text(String message) {
        return MtaFixtures.parseBytes(message.getBytes(StandardCharsets.UTF_8));
    }
}
