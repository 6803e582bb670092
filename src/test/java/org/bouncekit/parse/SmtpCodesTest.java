package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reply codes and enhanced status codes found in free text. */
class SmtpCodesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            550 5.1.1 <a@example.org>: User unknown      | 550 | 5.1.1
            host said: 452-4.2.2 The mailbox is full      | 452 | 4.2.2
            250 2.0.0 Ok: queued as 4Yb7Kq                | 250 | 2.0.0
            Digest, Vol 212, Issue 4                      | -   | -
            see page 230 of the manual                    | -   | -
            codes 550-599 are permanent                   | -   | -
            Remote server replied: 554                    | 554 | -
            221 2.0.0 Bye                                 | 221 | 2.0.0
            status 5.7.26 unauthenticated                 | -   | 5.7.26
            """)
    void findsTheFirstReply(String text, Integer reply, String status) {
        SmtpCodes.Found found = SmtpCodes.find(text);
        assertEquals(reply, found.replyCode(), "reply code");
        assertEquals(status, found.status(), "status");
    }

    /**
     * find and findStatus skip prose three and two chars at a time: random code-like text and the samples give what
     * the plain scans gave.
     */
    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L})
    void findsAsBefore(long seed) throws IOException {
        Random random = new Random(seed);
        String alphabet = "0123452459 .-\n\t)]x@/a;";
        for (int t = 0; t < 20_000; t++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(24);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            same(sb.toString());
        }
        try (Stream<Path> files = Files.walk(Path.of("samples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                same(text);
                for (int cut = 0; cut < 3 && cut < text.length(); cut++) {
                    same(text.substring(cut));
                }
            }
        }
    }

    private static void same(String text) {
        SmtpCodes.Found before = SmtpCodesBefore.find(text);
        SmtpCodes.Found now = SmtpCodes.find(text);
        assertEquals(before.replyCode(), now.replyCode(), text);
        assertEquals(before.status(), now.status(), text);
        assertEquals(SmtpCodesBefore.findStatus(text), SmtpCodes.findStatus(text), text);
    }
}
