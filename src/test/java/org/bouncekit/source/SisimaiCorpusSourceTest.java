package org.bouncekit.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reads the real mailboxes and bounces of ../shared/corpus/sisimai when it is there (skipped otherwise). */
class SisimaiCorpusSourceTest {
    private static final Path CORPUS = Path.of("..", "shared", "corpus", "sisimai");

    private static List<Path> files(Path folder) throws IOException {
        assumeTrue(Files.isDirectory(folder), folder + " not present");
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * Messages in an mbox counted independently: lines starting with "From " at the start of the file or
     * after a blank line (regex over the decoded text, not the byte scanner under test).
     */
    private static int countFromLines(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n|\n|\r", -1);
        int count = 0;
        boolean afterBlank = true;
        for (String line : lines) {
            if (afterBlank && line.startsWith("From ")) {
                count++;
            }
            afterBlank = line.isEmpty();
        }
        return count;
    }

    @Test
    void mboxFilesGiveOneMessagePerFromLineAfterABlankLine() throws IOException {
        int mailboxes = 0;
        for (Path file : files(CORPUS.resolve("mailbox"))) {
            if (!MessageSources.looksLikeMboxName(file.getFileName().toString())) {
                continue;
            }
            mailboxes++;
            int expected = countFromLines(Files.readAllBytes(file));
            List<RawMessage> read = SourceFixtures.readFile(file);
            assertEquals(expected, read.size(), file.toString());
            for (RawMessage m : read) {
                assertNull(m.error());
                assertFalse(m.truncated());
                assertTrue(new String(m.bytes(), StandardCharsets.ISO_8859_1).contains("Subject:")
                        || new String(m.bytes(), StandardCharsets.ISO_8859_1).contains("From:"), m.toString());
            }
        }
        assertTrue(mailboxes > 0, "no mbox files found");
    }

    @Test
    void theLargeSisimaiMailboxHolds37Bounces() throws IOException {
        Path mbox = CORPUS.resolve("mailbox").resolve("mbox-0");
        assumeTrue(Files.isRegularFile(mbox));
        assertEquals(37, SourceFixtures.readFile(mbox).size());
    }

    @Test
    void everySingleBounceFileInEveryLineEndingIsExactlyOneMessage() throws IOException {
        int checked = 0;
        for (String folder : List.of("bsd", "dos", "mac", "not-bounce")) {
            for (Path file : files(CORPUS.resolve(folder))) {
                byte[] content = Files.readAllBytes(file);
                List<RawMessage> read = SourceFixtures.readFile(file);
                assertEquals(1, read.size(), file.toString());
                assertArrayEquals(withoutLeadingFromLine(content), read.get(0).bytes(), file.toString());
                checked++;
            }
        }
        assertTrue(checked > 400, "only " + checked + " files");
    }

    @Test
    void tinyFilesAreOneMessageEach() throws IOException {
        for (String name : List.of("size-0", "size-1", "size-2")) {
            Path file = CORPUS.resolve("mailbox").resolve(name);
            assumeTrue(Files.isRegularFile(file));
            List<RawMessage> read = SourceFixtures.readFile(file);
            assertEquals(1, read.size(), name);
            assertArrayEquals(Files.readAllBytes(file), read.get(0).bytes());
        }
    }

    /** The expected bytes of a one-message file: all of it, minus a From_ line at its very start. */
    private static byte[] withoutLeadingFromLine(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("From ") || text.startsWith("From :")) {
            return content;
        }
        int end = 0;
        while (end < content.length && content[end] != '\n' && content[end] != '\r') {
            end++;
        }
        if (end < content.length - 1 && content[end] == '\r' && content[end + 1] == '\n') {
            end++;
        }
        return Arrays.copyOfRange(content, Math.min(end + 1, content.length), content.length);
    }
}
