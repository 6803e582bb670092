package org.bouncekit.mta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.bouncekit.parse.ParsedMessage;

/** A fixture from {@code fixtures/mta/} parsed with its line endings rewritten (LF, CRLF or CR). */
final class EndOfLine {
    private EndOfLine() {
    }

    static ParsedMessage parse(String name, String eol) {
        try (InputStream in = EndOfLine.class.getResourceAsStream("/fixtures/mta/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            return MtaFixtures.parseBytes(text.replace("\n", eol).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
