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

/**
 * MimeReader reads header fields itself: names and bodies must be what mime4j's own field builder gives, and
 * malformed lines must be skipped where mime4j skips them. {@link HeaderFieldBuilder} (test code now) is the field
 * builder MimeParser gave mime4j before it had a reader of its own: MimeReaderTest compares the reader with mime4j
 * running that builder, this test the builder with mime4j's own.
 */
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

    @Test
    void theFieldBuilderSeesTheFieldsMime4jSees() throws IOException {
        String odd = "From: a@example.com\r\nSUBJECT : shouting\r\nno colon on this line\r\nBad Name: x\r\n"
                + ": empty name\r\nX-\u00e9: 8-bit name\r\nX-Long:" + "y".repeat(3000) + "\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\npreamble\r\n--b\r\n"
                + "Content-Type: text/plain\r\nX-Part: \u00fcml\u00e4ut\r\n\r\nhello\r\n--b--\r\n";
        List<byte[]> messages = new java.util.ArrayList<>();
        messages.add(odd.getBytes(StandardCharsets.UTF_8));
        messages.add(odd.getBytes(StandardCharsets.ISO_8859_1));
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/test/resources")), Files.walk(Path.of("samples")))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                messages.add(Files.readAllBytes(p));
            }
        }
        int fields = 0;
        for (byte[] m : messages) {
            List<String> mime4j = events(m, new MimeTokenStream(MimeConfig.PERMISSIVE));
            List<String> ours = events(m, new MimeTokenStream(MimeConfig.PERMISSIVE, null,
                    new HeaderFieldBuilder(MimeConfig.PERMISSIVE.getMaxHeaderLen()), null));
            assertEquals(mime4j, ours, new String(m, 0, Math.min(m.length, 200), StandardCharsets.ISO_8859_1));
            fields += ours.size();
        }
        assertEquals(true, fields > 1000, "events compared: " + fields);
    }

    /** Every event of a parse, with each field as lowercase name and unfolded body. */
    private static List<String> events(byte[] message, MimeTokenStream stream) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        try {
            stream.parse(new ByteArrayInputStream(message));
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
                if (s == EntityState.T_FIELD) {
                    Field f = stream.getField();
                    out.add(f.getName().toLowerCase(java.util.Locale.ROOT) + ": " + MimeParser.unfold(f.getBody()));
                } else {
                    out.add(s.name());
                }
            }
        } catch (MimeException e) {
            out.add("error");
        }
        return out;
    }

    /** Every field mime4j's own builder gives must come out of MimeReader with the same name and unfolded body. */
    private static int check(byte[] message) throws IOException, MimeException {
        MimeTokenStream stream = new MimeTokenStream(MimeConfig.PERMISSIVE);
        stream.parse(new ByteArrayInputStream(message));
        List<String> expected = new java.util.ArrayList<>();
        for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
            if (s == EntityState.T_FIELD) {
                Field f = stream.getField();
                expected.add(f.getName().toLowerCase(java.util.Locale.ROOT) + ": " + MimeParser.unfold(f.getBody()));
            }
        }
        MimeConfig c = MimeConfig.PERMISSIVE;
        MimeReader reader = new MimeReader(c.getMaxHeaderLen(), c.getMaxHeaderCount(), c.getMaxTotalHeaderCount(),
                c.getMaxTotalHeaderLen(), c.getMaxNestingDepth(), c.getMaxPartCount());
        reader.parse(message);
        List<String> actual = new java.util.ArrayList<>();
        for (EntityState s = reader.state(); s != EntityState.T_END_OF_STREAM; s = reader.next()) {
            if (s == EntityState.T_FIELD) {
                actual.add(reader.fieldName() + ": " + MimeParser.unfold(reader.fieldBody()));
            }
        }
        assertEquals(expected, actual);
        return actual.size();
    }
}
