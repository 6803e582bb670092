package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.bouncekit.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What MimeParser keeps and reports with its own reader: every limit mime4j enforced stops parsing at the same
 * place with the same problem, what was read before it is kept; structures come out as classification needs them.
 */
class MimeReaderLimitsTest {
    private static final long NO_DEADLINE = Long.MAX_VALUE / 4;

    private static ParsedMessage parse(Limits limits, String message) {
        return new MimeParser(limits).parse(message.getBytes(StandardCharsets.UTF_8), System.nanoTime() + NO_DEADLINE);
    }

    private static String multipart(int parts) {
        StringBuilder sb = new StringBuilder("From: a@example.net\nContent-Type: multipart/mixed; boundary=p\n\n");
        for (int i = 1; i <= parts; i++) {
            sb.append("--p\nContent-Type: text/plain\n\npart ").append(i).append('\n');
        }
        return sb.append("--p--\n").toString();
    }

    private static String nested(int depth) {
        StringBuilder sb = new StringBuilder("From: a@example.net\n");
        for (int i = 1; i < depth; i++) {
            sb.append("Content-Type: multipart/mixed; boundary=n").append(i).append("\n\n--n").append(i).append('\n');
        }
        sb.append("Content-Type: text/plain\n\ninnermost\n");
        for (int i = depth - 1; i >= 1; i--) {
            sb.append("--n").append(i).append("--\n");
        }
        return sb.toString();
    }

    static Stream<Arguments> limits() {
        return Stream.of(
                Arguments.of("parts", Limits.DEFAULT.withMaxParts(3), multipart(5),
                        "MaxPartCountLimitException: Maximum part count limit (3) exceeded", 3),
                Arguments.of("parts at the limit", Limits.DEFAULT.withMaxParts(5), multipart(5), null, 5),
                Arguments.of("depth", Limits.DEFAULT.withMaxMimeDepth(3), nested(5),
                        "MaxNestingDepthLimitException: Maximum nesting depth limit (3) exceeded", 0),
                Arguments.of("depth at the limit", Limits.DEFAULT.withMaxMimeDepth(5), nested(5), null, 1),
                Arguments.of("header bytes", Limits.DEFAULT.withMaxHeaderBytes(256),
                        "From: a@example.net\nSubject: " + "x".repeat(300) + "\n\nbody\n",
                        "MaxHeaderLengthLimitException: Maximum header length limit (256) exceeded", 0),
                Arguments.of("header bytes folded", Limits.DEFAULT.withMaxHeaderBytes(256),
                        "From: a@example.net\nSubject: x\n" + " y\n".repeat(100) + "\nbody\n",
                        "MaxHeaderLengthLimitException: Maximum header length limit (256) exceeded", 0),
                Arguments.of("header count", Limits.DEFAULT,
                        "From: a@example.net\n" + "X-Spam: y\n".repeat(2000) + "\nbody\n",
                        "MaxHeaderLimitException: Maximum header limit (2000) exceeded", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void aLimitStopsParsingKeepsWhatWasReadAndSaysSo(String name, Limits limits, String message, String problem,
                                                    int texts) {
        ParsedMessage m = parse(limits, message);
        assertEquals(problem, m.problem());
        assertEquals(problem != null, m.truncated());
        assertEquals("a@example.net", m.from(), "the header read before the limit is kept");
        assertEquals(texts, m.texts().size());
    }

    @Test
    void theFieldsBeforeAnOversizedOneAreKept() {
        ParsedMessage m = parse(Limits.DEFAULT, "From: a@example.net\n" + "X-Spam: y\n".repeat(2000) + "\nbody\n");
        assertEquals(1999, m.headers().all("x-spam").size());
    }

    @Test
    void totalHeaderLimitsCountEveryEntity() throws MimeException {
        StringBuilder sb = new StringBuilder("Content-Type: multipart/mixed; boundary=t\n\n");
        for (int p = 0; p < 5; p++) {
            sb.append("--t\n").append("X: 1\n".repeat(3)).append('\n');
        }
        byte[] message = sb.append("--t--\n").toString().getBytes(StandardCharsets.US_ASCII);
        assertEquals("Maximum total header limit (15) exceeded", events(new MimeReader(-1, 1000, 15, -1, -1, -1), message));
        assertEquals("end", events(new MimeReader(-1, 1000, 16, -1, -1, -1), message));
        // every field counts as name + body + 4: "x" + "1" + 4 = 6, the root's Content-Type 2 * 6 + 40
        assertEquals("Maximum total header length limit (100) exceeded",
                events(new MimeReader(-1, 1000, -1, 100, -1, -1), message));
    }

    private static String events(MimeReader reader, byte[] message) {
        try {
            reader.parse(message);
            for (EntityState s = reader.state(); s != EntityState.T_END_OF_STREAM; s = reader.next()) {
                // walk
            }
            return "end";
        } catch (MimeException e) {
            return e.getMessage();
        }
    }

    @Test
    void aSpentTimeBudgetStopsParsing() {
        ParsedMessage m = new MimeParser(Limits.DEFAULT).parse(multipart(3).getBytes(StandardCharsets.US_ASCII),
                System.nanoTime() - 1);
        assertTrue(m.truncated());
        assertTrue(m.problem().startsWith("time budget of 2000 ms exceeded"), m.problem());
    }

    @Test
    void partsPreambleAndEpilogue() {
        MimeReader reader = new MimeParser(Limits.DEFAULT).newReader();
        reader.parse(("Content-Type: multipart/mixed; boundary=b\n\nthe preamble\n--b\n\none\n--b\n"
                + "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: Quoted-Printable\n\n=C3=A9\n"
                + "--b--\nthe epilogue\n").getBytes(StandardCharsets.US_ASCII));
        List<String> seen = new ArrayList<>();
        try {
            for (EntityState s = reader.state(); s != EntityState.T_END_OF_STREAM; s = reader.next()) {
                switch (s) {
                    case T_PREAMBLE, T_BODY -> {
                        int n = reader.readContent(100);
                        seen.add(s + " " + reader.mimeType() + " " + reader.charset() + " " + reader.transferEncoding()
                                + " [" + new String(reader.contentArray(), reader.contentOffset(), n,
                                StandardCharsets.US_ASCII) + "]");
                    }
                    case T_START_BODYPART, T_EPILOGUE, T_END_MULTIPART -> seen.add(s.toString());
                    default -> {
                    }
                }
            }
        } catch (MimeException e) {
            seen.add("error " + e.getMessage());
        }
        assertEquals(List.of("T_PREAMBLE multipart/mixed null 7bit [the preamble]", "T_START_BODYPART",
                "T_BODY text/plain us-ascii 7bit [one]", "T_START_BODYPART",
                "T_BODY text/html utf-8 quoted-printable [=C3=A9]", "T_EPILOGUE", "T_END_MULTIPART"), seen);
    }

    @Test
    void anAttachedMessageInBase64IsReadDecoded() {
        String inner = "From: original@example.org\nSubject: the original\nContent-Type: text/plain\n\nhello\n";
        ParsedMessage m = parse(Limits.DEFAULT, "From: a@example.net\nContent-Type: multipart/report; "
                + "report-type=delivery-status; boundary=r\n\n--r\nContent-Type: text/plain\n\nIt bounced.\n--r\n"
                + "Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(inner.getBytes(StandardCharsets.US_ASCII)) + "\n--r--\n");
        assertNull(m.problem());
        assertEquals("multipart/report", m.contentType());
        assertEquals("delivery-status", m.reportType());
        assertEquals("the original", m.originalHeaders().first("subject"));
        assertEquals(List.of("It bounced.", "hello\n"), m.texts().stream().map(TextPart::text).toList());
        assertFalse(m.texts().get(0).inAttached());
        assertTrue(m.texts().get(1).inAttached());
    }

    /**
     * mime4j decoded an attached message as it read it; the reader keeps one whole while reading it, so messages
     * encoded inside encoded messages, over and over, are stopped before they hold many times the input.
     */
    @Test
    void attachedMessagesEncodedOverAndOverAreBounded() {
        String message = "Subject: innermost\n\n" + "some text that quoted-printable leaves as it is\n".repeat(20_000);
        for (int level = 0; level < 12; level++) {
            message = "Subject: level " + level + "\nContent-Type: message/rfc822\n"
                    + "Content-Transfer-Encoding: quoted-printable\n\n" + message;
        }
        ParsedMessage m = parse(Limits.DEFAULT, message);
        assertTrue(m.truncated());
        assertTrue(m.problem().startsWith("DecodedSizeLimitException: Attached messages decode to more than "),
                m.problem());
        assertEquals("level 11", m.subject());
        assertTrue(m.attachedHeaders().size() >= 4, "the levels read before the limit are kept");
        // two levels, as a forwarded bounce of a bounce has them, are far from the limit
        String two = "Subject: outer\nContent-Type: message/rfc822\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "Subject: inner\nContent-Type: message/rfc822\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "Subject: original\n\n" + "text\n".repeat(100_000);
        ParsedMessage ok = parse(Limits.DEFAULT, two);
        assertNull(ok.problem());
        assertEquals(2, ok.attachedHeaders().size());
    }

    @Test
    void aMessageCutInsideAPartKeepsWhatItHas() {
        ParsedMessage m = parse(Limits.DEFAULT, "From: a@example.net\nContent-Type: multipart/report; boundary=r\n\n"
                + "--r\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
                + "Final-Recipient: rfc822; ida@example.org\nStatus: 5.1");
        assertEquals(List.of("Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; ida@example.org\n"
                + "Status: 5.1"), m.deliveryStatus());
        assertNull(m.problem(), "a missing end is not a limit");
    }
}
