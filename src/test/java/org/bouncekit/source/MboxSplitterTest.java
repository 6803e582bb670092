package org.bouncekit.source;

import static org.bouncekit.source.SourceFixtures.mboxrd;
import static org.bouncekit.source.SourceFixtures.readFile;
import static org.bouncekit.source.SourceFixtures.text;
import static org.bouncekit.source.SourceFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MboxSplitterTest {
    @TempDir
    Path dir;

    private static final String FROM_1 = "From MAILER-DAEMON Fri Jul  8 12:08:34 2011";
    private static final String FROM_2 = "From bounces@example.org Mon Jan  1 00:00:00 2024";

    private static List<String> threeMessages(String e) {
        return List.of(
                "Subject: one" + e + e + "body one" + e,
                "Subject: two" + e + e + "first paragraph" + e + e + "second paragraph" + e,
                "Subject: three, headers only" + e);
    }

    @ParameterizedTest(name = "line ending {index}")
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void splitsLfCrlfAndCrOnlyMboxes(String eol) throws IOException {
        List<String> messages = threeMessages(eol);
        String mbox = mboxrd(eol, List.of(FROM_1, FROM_2), messages);
        List<RawMessage> read = readFile(write(dir, "bounces.txt", mbox));

        assertEquals(messages, read.stream().map(SourceFixtures::text).toList());
        assertEquals(List.of(0, 1, 2), read.stream().map(RawMessage::index).toList());
        assertEquals(0, read.get(0).offset());
        assertEquals(mbox.indexOf(FROM_2), read.get(1).offset());
        assertEquals(mbox.lastIndexOf(FROM_1), read.get(2).offset());
        read.forEach(m -> {
            assertFalse(m.truncated());
            assertNull(m.error());
        });
    }

    @Test
    void acceptsEveryFromLineShape() throws IOException {
        List<String> shapes = List.of(
                "From MAILER-DAEMON Fri Jul  8 12:08:34 2011",
                "From - Mon Jan  1 00:00:00 2024",
                "From MAILER-DAEMON  Wed Sep 17 22:25:40 2008",
                "From  double-space-before@example.org Thu Jan  1 00:00:00 1970",
                "From postmaster@example.net",
                "From x");
        List<String> messages = shapes.stream().map(s -> "Subject: after " + s + "\n\nbody\n").toList();
        List<RawMessage> read = readFile(write(dir, "shapes", mboxrd("\n", shapes, messages)));
        assertEquals(messages, read.stream().map(SourceFixtures::text).toList());
    }

    @Test
    void mboxrdQuotingRoundTrips() throws IOException {
        List<String> messages = List.of(
                "Subject: a\n\nFrom the start of a paragraph\n>From a quoted line\n>>From twice\n",
                "Subject: b\n\n>>>From three times\n> From is not a From line\nFrom: header-like\nFrom \n",
                "Subject: c\n\nbody\nFrom inside a paragraph\n\nFrom after a blank line\n");
        String mbox = mboxrd("\n", List.of(FROM_1), messages);
        assertTrue(mbox.contains("\n>From the start"), mbox);
        assertTrue(mbox.contains("\n>>>From twice"), mbox);
        assertTrue(mbox.contains("\n> From is not"), mbox);

        assertEquals(messages, readFile(write(dir, "rd.mbox", mbox)).stream().map(SourceFixtures::text).toList());
        // unquoting can be switched off
        List<RawMessage> raw = readFile(dir.resolve("rd.mbox"), SourceOptions.DEFAULT.withUnquoteMboxrd(false));
        assertTrue(text(raw.get(0)).contains("\n>>>From twice\n"));
    }

    @Test
    void unquotedFromInsideAParagraphDoesNotSplit() throws IOException {
        String mbox = FROM_1 + "\nSubject: a\n\nHello,\nFrom here on we write unquoted.\nBye\n\n"
                + FROM_2 + "\nSubject: b\n\nbody\n";
        List<RawMessage> read = readFile(write(dir, "mboxo", mbox));
        assertEquals(List.of("Subject: a\n\nHello,\nFrom here on we write unquoted.\nBye\n", "Subject: b\n\nbody\n"),
                read.stream().map(SourceFixtures::text).toList());
    }

    @Test
    void unquotedFromAfterABlankLineSplitsAsTheMboxFormatSays() throws IOException {
        // mboxo writers quote such lines; one that did not leaves an ambiguity resolved the only way a reader can
        String mbox = FROM_1 + "\nSubject: a\n\nHello\n\nFrom here on\nmore\n";
        assertEquals(List.of("Subject: a\n\nHello\n", "more\n"),
                readFile(write(dir, "x", mbox)).stream().map(SourceFixtures::text).toList());
    }

    @Test
    void emlWithoutFromLineIsOneMessageByteForByte() throws IOException {
        String eml = "Return-Path: <>\r\nSubject: x\r\n\r\nbody\r\n\r\nFrom here on\r\n\r\nFrom MAILER-DAEMON x\r\n\r\n";
        List<RawMessage> read = readFile(write(dir, "one.eml", eml));
        assertEquals(1, read.size());
        assertEquals(eml, text(read.get(0)));
        assertEquals(0, read.get(0).offset());
    }

    @Test
    void singleMessageStartingWithFromLineIsAnEmlWithThatLineDropped() throws IOException {
        String body = "Subject: x\n\n>From stays quoted in a .eml\nend\n\n";
        List<RawMessage> eml = readFile(write(dir, "one.eml", FROM_1 + "\n" + body));
        assertEquals(1, eml.size());
        assertEquals(body, text(eml.get(0)));

        // named like an mbox, the same file is an mbox of one message: unquoted, separator line dropped
        List<RawMessage> mbox = readFile(write(dir, "one.mbox", FROM_1 + "\n" + body));
        assertEquals(List.of("Subject: x\n\nFrom stays quoted in a .eml\nend\n"),
                mbox.stream().map(SourceFixtures::text).toList());
    }

    @Test
    void secondFromLineMakesAnyFileAnMboxAndTheFirstMessageIsUnquotedToo() throws IOException {
        String mbox = FROM_1 + "\nSubject: a\n\n>From x\n\n" + FROM_2 + "\nSubject: b\n\n>>From y\n\n";
        assertEquals(List.of("Subject: a\n\nFrom x\n", "Subject: b\n\n>From y\n"),
                readFile(write(dir, "two.txt", mbox)).stream().map(SourceFixtures::text).toList());
    }

    @Test
    void emlQuotingItsReturnedMessageWithAFromLineIsNotSplit() throws IOException {
        String body = "Subject: undeliverable\n\nThe message follows:\n\n" + FROM_2
                + "\nSubject: the original\n\n>From x\n";
        List<RawMessage> read = readFile(write(dir, "bounce.eml", FROM_1 + "\n" + body));
        assertEquals(List.of(body), read.stream().map(SourceFixtures::text).toList());
        // without the name it is an mbox of two
        assertEquals(2, readFile(write(dir, "bounce", FROM_1 + "\n" + body)).size());
    }

    @Test
    void obsoleteFromHeaderWithSpaceBeforeColonIsNotAFromLine() throws IOException {
        String eml = "From : someone@example.org\nSubject: x\n\nbody\n";
        assertEquals(List.of(eml), readFile(write(dir, "obs.eml", eml)).stream().map(SourceFixtures::text).toList());
        String mbox = FROM_1 + "\nFrom : someone@example.org\nSubject: x\n\nbody\n\n";
        assertEquals(List.of("From : someone@example.org\nSubject: x\n\nbody\n"),
                readFile(write(dir, "obs.mbox", mbox)).stream().map(SourceFixtures::text).toList());
    }

    @Test
    void emptyFileIsOneEmptyMessageButAnEmptyMailboxHasNone() throws IOException {
        List<RawMessage> eml = readFile(write(dir, "empty.eml", ""));
        assertEquals(1, eml.size());
        assertEquals(0, eml.get(0).bytes().length);
        assertNull(eml.get(0).error());

        assertEquals(List.of(), readFile(write(dir, "empty.mbox", "")));
        assertEquals(List.of(), readFile(write(dir, "blank.mbox", "\n\r\n")));
        assertEquals(List.of("\n\n"), readFile(write(dir, "blank.eml", "\n\n")).stream().map(SourceFixtures::text).toList());
    }

    @ParameterizedTest(name = "line ending {index}")
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void fileOfOnlyFromLinesGivesOneEmptyMessagePerLine(String eol) throws IOException {
        String only = FROM_1 + eol + FROM_2 + eol + "From - x" + eol;
        List<RawMessage> read = readFile(write(dir, "only-from", only));
        assertEquals(List.of("", "", ""), read.stream().map(SourceFixtures::text).toList());
        assertEquals(only.indexOf("From - x"), read.get(2).offset());

        String separated = FROM_1 + eol + eol + FROM_2 + eol + eol;
        assertEquals(List.of("", ""),
                readFile(write(dir, "only-from-blank", separated)).stream().map(SourceFixtures::text).toList());
    }

    @Test
    void mboxTruncatedMidMessageYieldsThePartialLastMessage() throws IOException {
        String mbox = FROM_1 + "\nSubject: a\n\nbody\n\n" + FROM_2 + "\nSubject: b\n\nthe disk filled u";
        List<RawMessage> read = readFile(write(dir, "cut.mbox", mbox));
        assertEquals(List.of("Subject: a\n\nbody\n", "Subject: b\n\nthe disk filled u"),
                read.stream().map(SourceFixtures::text).toList());
        assertFalse(read.get(1).truncated());

        // cut inside the From_ line itself
        List<RawMessage> cutInFromLine = readFile(write(dir, "cut2.mbox", FROM_1 + "\nSubject: a\n\nb\n\nFrom MAIL"));
        assertEquals(List.of("Subject: a\n\nb\n", ""), cutInFromLine.stream().map(SourceFixtures::text).toList());
    }

    @Test
    void oversizeMessageIsTruncatedAndTheNextOneStillFound() throws IOException {
        String big = "Subject: big\n\n" + "0123456789abcdef\n".repeat(1000) + "\n" + ">From quoted\n".repeat(10);
        List<String> messages = List.of("Subject: small\n\nx\n", big, "Subject: after\n\ny\n");
        List<RawMessage> read = readFile(write(dir, "big.mbox", mboxrd("\r\n", List.of(FROM_1), messages
                .stream().map(s -> s.replace("\n", "\r\n")).toList())), SourceOptions.DEFAULT.withMaxMessageBytes(100));
        assertEquals(3, read.size());
        assertEquals("Subject: small\r\n\r\nx\r\n", text(read.get(0)));
        assertTrue(read.get(1).truncated());
        assertArrayEquals(SourceFixtures.bytes(big.replace("\n", "\r\n").substring(0, 100)), read.get(1).bytes());
        assertEquals("Subject: after\r\n\r\ny\r\n", text(read.get(2)));
        assertFalse(read.get(2).truncated());
    }

    @Test
    void messageOfExactlyTheCapIsNotTruncated() throws IOException {
        String msg = "Subject: x\n\n" + "y".repeat(87) + "\n"; // 100 bytes
        assertEquals(100, msg.length());
        List<RawMessage> read = readFile(write(dir, "cap.mbox", FROM_1 + "\n" + msg + "\n" + FROM_2 + "\n" + msg + "x"),
                SourceOptions.DEFAULT.withMaxMessageBytes(100));
        assertFalse(read.get(0).truncated());
        assertEquals(msg, text(read.get(0)));
        assertTrue(read.get(1).truncated());
        assertEquals(msg, text(read.get(1)));
    }

    @Test
    void oversizeEmlIsTruncated() throws IOException {
        String eml = "Subject: big\n\n" + "z".repeat(5000);
        List<RawMessage> read = readFile(write(dir, "big.eml", eml), SourceOptions.DEFAULT.withMaxMessageBytes(1000));
        assertEquals(1, read.size());
        assertTrue(read.get(0).truncated());
        assertEquals(eml.substring(0, 1000), text(read.get(0)));
    }

    @Test
    void textBeforeTheFirstFromLineOfANamedMboxIsAMessage() throws IOException {
        String mbox = "stray text\n\n" + FROM_1 + "\nSubject: a\n\nb\n";
        assertEquals(List.of("stray text\n", "Subject: a\n\nb\n"),
                readFile(write(dir, "stray.mbox", mbox)).stream().map(SourceFixtures::text).toList());
        // leading blank lines are not
        assertEquals(List.of("Subject: a\n\nb\n"),
                readFile(write(dir, "lead.mbox", "\n\n" + FROM_1 + "\nSubject: a\n\nb\n")).stream()
                        .map(SourceFixtures::text).toList());
    }

    @Test
    void mixedLineEndingsInOneMbox() throws IOException {
        String mbox = "From a x\nX: 1\r\nY: 2\r\rFrom b x\r\nZ: 3\n\n";
        assertEquals(List.of("X: 1\r\nY: 2\r", "Z: 3\n"),
                readFile(write(dir, "mixed", mbox)).stream().map(SourceFixtures::text).toList());
    }

    @Test
    void lineLongerThanTheBufferAndNulBytes() throws IOException {
        String longLine = "x".repeat(MboxSplitter.DEFAULT_BUFFER + 1000);
        List<String> messages = List.of("Subject: a\n\n" + longLine + "\n", "Subject: \0\1\2\n\n\0From \0\n");
        assertEquals(messages, readFile(write(dir, "long", mboxrd("\n", List.of(FROM_1), messages))).stream()
                .map(SourceFixtures::text).toList());
    }

    @Test
    void quotedFromLinesWithLongQuoteRunsAreUnquoted() throws IOException {
        String deep = ">".repeat(1000) + "From deep";
        String mbox = FROM_1 + "\nSubject: a\n\n" + deep + "\n\n" + FROM_2 + "\nSubject: b\n\n>From x\n";
        assertEquals(List.of("Subject: a\n\n" + deep.substring(1) + "\n", "Subject: b\n\nFrom x\n"),
                readFile(write(dir, "deep.mbox", mbox)).stream().map(SourceFixtures::text).toList());
    }

    @Test
    void lineEndFindsTheFirstCrOrLfAtEveryPosition() {
        // bytes 0x0a/0x0d plus or minus the high bit and neighbours must not be taken for CR or LF
        byte[] filler = {(byte) 0x8a, (byte) 0x8d, 0x0b, 0x0c, 0x09, 0x0e, 'x', (byte) 0xff, 0x00};
        for (int length = 0; length < 40; length++) {
            for (int at = 0; at <= length; at++) {
                for (byte eol : new byte[] {'\n', '\r'}) {
                    byte[] b = new byte[length + 2];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = filler[(i + at) % filler.length];
                    }
                    b[0] = '\n'; // before the range: ignored
                    b[length + 1] = '\n'; // after the range: ignored
                    if (at < length) {
                        b[1 + at] = eol;
                        if (at + 1 < length) {
                            b[2 + at] = '\r'; // a later one does not count
                        }
                    }
                    int expected = at < length ? 1 + at : length + 1;
                    assertEquals(expected, MboxSplitter.lineEnd(b, 1, length + 1), "length " + length + " at " + at);
                }
            }
        }
    }

    @Test
    void mboxNamesAreRecognised() {
        for (String name : List.of("bounces.mbox", "X.MBOX", "a.mbx", "mbox", "mbox-0", "mbox.txt")) {
            assertTrue(MessageSources.looksLikeMboxName(name), name);
        }
        for (String name : List.of("mboxes", "one.eml", "inbox", "mbox1", "notmbox")) {
            assertFalse(MessageSources.looksLikeMboxName(name), name);
        }
    }
}
