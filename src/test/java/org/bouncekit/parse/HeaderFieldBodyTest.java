package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.junit.jupiter.api.Test;

/** MimeParser reads header field bodies itself (for speed): they must be what mime4j's getBody() gives. */
class HeaderFieldBodyTest {
    @Test
    void unfoldDropsLineBreaksAndTrims() {
        assertEquals("a b\tc", MimeParser.unfold(" \t a\r\n b\n\tc \r\n"));
        assertEquals("", MimeParser.unfold("\r\n \r\n"));
        assertEquals("x", MimeParser.unfold("x"));
    }

    @Test
    void fieldBodiesAreMime4jsOnes() throws IOException, MimeException {
        String folded = "Subject: =?utf-8?Q?caf=C3=A9?=\r\n \t b\u00e9\u20ac\n\tend \r\n"
                + "X-Empty:\r\nX-One: \r\nX-Tab:\tv\r\nContent-Type: text/plain;\r\n charset=utf-8\r\n\r\nbody\r\n";
        int fields = check(folded.getBytes(StandardCharsets.UTF_8))
                + check(folded.getBytes(StandardCharsets.ISO_8859_1));
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/test/resources")), Files.walk(Path.of("samples")))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                fields += check(Files.readAllBytes(p));
            }
        }
        assertEquals(true, fields > 100, "fields checked: " + fields);
    }

    private static int check(byte[] message) throws IOException, MimeException {
        MimeTokenStream stream = new MimeTokenStream(MimeConfig.PERMISSIVE);
        stream.parse(new ByteArrayInputStream(message));
        int n = 0;
        for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
            if (s == EntityState.T_FIELD) {
                Field f = stream.getField();
                assertEquals(MimeParser.unfold(f.getBody()), MimeParser.unfold(MimeParser.bodyOf(f)), f.getName());
                n++;
            }
        }
        return n;
    }
}
