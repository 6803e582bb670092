package org.bouncekit.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailedCommandTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SMTP error from remote mail server after RCPT TO:<a@example.org>: 550 unknown | RCPT
            SMTP error from remote mail server after end of data: 550 rejected            | DATA
            SMTP error from remote mail server after MAIL FROM:<b@example.net> SIZE=10: 550 | MAIL
            SMTP error from remote mail server after initial connection: 554 go away     | HELO
            host mx.example.org said: 550 5.1.1 unknown (in reply to RCPT TO command)    | RCPT
            host mx.example.org said: 554 5.7.1 spam (in reply to end of DATA\\n    command) | DATA
            Connected to 192.0.2.1 but sender was rejected. Remote host said: 553 no     | MAIL
            Connected to 192.0.2.1 but my name was rejected.                             | HELO
            Remote host said: 550 5.1.8 Sender address rejected [MAIL_FROM]              | MAIL
            """)
    void findsTheCommandFromTheMtasWording(String text, String want) {
        assertEquals(want, FailedCommand.in(text.replace("\\n", "\n")));
    }

    @Test
    void theLastCommandOfATranscriptWins() {
        String t = ">>> MAIL From:<b@example.net>\n<<< 250 ok\n>>> RCPT To:<a@example.org>\n<<< 550 User unknown";
        assertEquals(FailedCommand.RCPT, FailedCommand.in(t));
    }

    @Test
    void aPipelinedDataLineIsNotTakenAsTheFailure() {
        // with PIPELINING the RCPT TO reply arrives after ">>> DATA"
        assertNull(FailedCommand.in(">>> DATA\n<<< 550 5.1.1 <a@example.org>... User unknown"));
    }

    @Test
    void matchesAsTheNormalizedTextDoes() {
        // in() matches an ASCII tail without normalizing it: it must agree with matching on the normalized text
        String[] pieces = {"After", "RCPT", "to", "in reply", "END OF", "data", ">>>", "Ehlo", "[MAIL_FROM]", "x",
                " ", "  ", "\n\t ", "\u007f", "\u0001", "mail from", "HELO", "smtp command", "Rcpt",
                "\u00a0", "\u00e9", "\u212a", "\u0130n reply to"};
        java.util.Random random = new java.util.Random(5);
        for (int k = 0; k < 20000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = sb.toString();
            assertEquals(FailedCommand.inNormalized(TextNormalizer.normalize(t)), FailedCommand.in(t), t);
        }
    }

    @Test
    void theSkippingScanOfAsciiTextsMatchesAsTheNormalizedTextDoes() throws java.io.IOException {
        // in() tests one trigram per block of positions of an ASCII text; markers cut short, spelled with runs
        // of white space and mixed case, at the very start and end, must still be found exactly where the
        // normalized text has them
        String[] markers = {"after initial connection", "in reply to RCPT TO", "after end of data", ">>> MAIL FROM",
            "[data]", "[RCPT_TO]", "refused to talk to me", "smtp command data", "Did not like our RCPT TO",
            "while performing the HELO handshake", "after Data", "most progress was rcpt to"};
        String[] filler = {"x", " ", "\r\n  ", "\t", "ab", "data", "after", ">", "[", "_", "]", "in reply", "Re", "\u0001"};
        java.util.Random random = new java.util.Random(17);
        for (int k = 0; k < 50000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(8); i >= 0; i--) {
                if (random.nextInt(3) == 0) {
                    String m = markers[random.nextInt(markers.length)];
                    int cut = random.nextInt(4) == 0 ? random.nextInt(m.length() + 1) : m.length();
                    String run = new String[] {" ", "  ", "\n\t ", "    "}[random.nextInt(4)];
                    sb.append(m, 0, cut);
                    int at = sb.length() - cut;
                    sb.replace(at, sb.length(), sb.substring(at).replace(" ", run));
                } else {
                    sb.append(filler[random.nextInt(filler.length)]);
                }
            }
            String t = sb.toString();
            assertEquals(FailedCommand.inNormalized(TextNormalizer.normalize(t)), FailedCommand.in(t), t);
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(
                java.nio.file.Path.of("src", "test", "resources", "fixtures"))) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files.filter(p -> p.toString().endsWith(".eml"))::iterator) {
                String t = java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertEquals(FailedCommand.inNormalized(TextNormalizer.normalize(t)), FailedCommand.in(t), f.toString());
            }
        }
    }

    @Test
    void nothingToFind() {
        assertNull(FailedCommand.in(null));
        assertNull(FailedCommand.in("550 User unknown"));
    }

    @Test
    void normalizesFormatSpellings() {
        assertEquals(FailedCommand.RCPT, FailedCommand.normalize("rcpt to"));
        assertEquals(FailedCommand.MAIL, FailedCommand.normalize("MAIL FROM:<x@example.org>"));
        assertEquals(FailedCommand.DATA, FailedCommand.normalize("end of DATA"));
        assertEquals(FailedCommand.HELO, FailedCommand.normalize("EHLO"));
        assertNull(FailedCommand.normalize("QUIT"));
    }
}
