package org.bouncekit.source;

import static org.bouncekit.source.SourceFixtures.bytes;
import static org.bouncekit.source.SourceFixtures.read;
import static org.bouncekit.source.SourceFixtures.text;
import static org.bouncekit.source.SourceFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageSourcesTest {
    @TempDir
    Path dir;

    private static final String FROM = "From MAILER-DAEMON Fri Jul  8 12:08:34 2011";

    private String p(String relative) {
        return dir.resolve(relative).toString();
    }

    @Test
    void maildirReadsNewThenCurSortedAndSkipsTmpDotFilesSymlinksAndMetadata() throws IOException {
        Path md = dir.resolve("Maildir");
        write(md, "new/1700000002.M1.host", "Subject: new one\n\nx\n");
        write(md, "cur/1700000001.M2.host:2,S", "Subject: cur b\n\nx\n");
        write(md, "cur/1700000000.M3.host:2,S", FROM + "\nSubject: cur a\n\nHi\n\nFrom here on, not a split\n");
        write(md, "cur/.hidden", "Subject: hidden\n\n");
        write(md, "tmp/1700000003.M4.host", "Subject: being delivered\n\n");
        write(md, "dovecot-uidlist", "3 V1700000000 N4\n");
        write(md, "cur/subdir/oops", "Subject: not in a subfolder of cur\n\n");
        Path outside = write(dir, "outside.eml", "Subject: outside\n\n");
        Files.createSymbolicLink(md.resolve("new/1700000004.link"), outside);
        write(md, ".Sent/cur/1700000005.M5.host:2,S", "Subject: maildir++ folder\n\n");
        write(md, ".notes/readme", "not a Maildir folder\n");
        write(md, "Archive/old.eml", "Subject: plain subfolder\n\n");

        SourceFixtures.Result r = read(List.of(md.toString()), SourceOptions.DEFAULT);
        assertEquals(List.of(), r.pathErrors());
        assertEquals(List.of(
                p("Maildir/new/1700000002.M1.host"),
                p("Maildir/cur/1700000000.M3.host:2,S"),
                p("Maildir/cur/1700000001.M2.host:2,S"),
                p("Maildir/.Sent/cur/1700000005.M5.host:2,S"),
                p("Maildir/Archive/old.eml")), r.sources());
        assertEquals("Subject: cur a\n\nHi\n\nFrom here on, not a split\n", r.texts().get(1));
        assertTrue(r.totalBytes() == null, "a directory's size is not known up front");
    }

    @Test
    void maildirCurGivenOnItsOwnIsReadAsMaildirMessages() throws IOException {
        Path md = dir.resolve("md");
        write(md, "cur/a", FROM + "\nSubject: a\n\nb\n\n" + FROM + "\nnot a second message\n");
        Files.createDirectories(md.resolve("new"));
        SourceFixtures.Result r = read(List.of(md.resolve("cur").toString()), SourceOptions.DEFAULT);
        assertEquals(List.of("Subject: a\n\nb\n\n" + FROM + "\nnot a second message\n"), r.texts());
    }

    @Test
    void directoryTreeIsWalkedDepthFirstInNameOrder() throws IOException {
        Path root = dir.resolve("tree");
        write(root, "b.eml", "Subject: b\n\n");
        write(root, "a/z.eml", "Subject: a/z\n\n");
        write(root, "a/y.mbox", FROM + "\nSubject: y1\n\n\n" + FROM + "\nSubject: y2\n\n");
        write(root, "c.eml", "Subject: c\n\n");
        write(root, "B.eml", "Subject: B\n\n");
        write(root, ".hidden.eml", "Subject: hidden\n\n");
        write(root, ".git/objects/x", "blob");
        write(root, "m/new/1", "Subject: maildir in a tree\n\n");
        write(root, "m/tmp/2", "Subject: tmp\n\n");
        write(root, "\u00e9t\u00e9.eml", "Subject: non-ASCII name\n\n");

        SourceFixtures.Result r = read(List.of(root.toString()), SourceOptions.DEFAULT);
        assertEquals(List.of(), r.pathErrors());
        assertEquals(List.of(p("tree/B.eml"), p("tree/a/y.mbox"), p("tree/a/y.mbox"), p("tree/a/z.eml"),
                p("tree/b.eml"), p("tree/c.eml"), p("tree/m/new/1"), p("tree/\u00e9t\u00e9.eml")), r.sources());
        assertEquals(List.of(0, 0, 1, 0, 0, 0, 0, 0), r.messages().stream().map(RawMessage::index).toList());
        assertEquals("Subject: y2\n", r.texts().get(2));
        // the same again: the order does not depend on the file system's
        assertEquals(r.sources(), read(List.of(root.toString()), SourceOptions.DEFAULT).sources());
    }

    @Test
    void manyFilesInOneDirectoryComeSorted() throws IOException {
        Path root = dir.resolve("many");
        List<String> names = new ArrayList<>();
        for (int i = 999; i >= 0; i--) {
            String name = Integer.toString(i * 7919 % 1000, 36) + "-" + i;
            names.add(name);
            write(root, name, "Subject: " + i + "\n\n");
        }
        List<String> expected = names.stream().sorted().map(n -> root.resolve(n).toString()).toList();
        assertEquals(expected, read(List.of(root.toString()), SourceOptions.DEFAULT).sources());
    }

    @Test
    void stdinIsDetectedAsEmlOrMbox() {
        String eml = "Subject: from stdin\n\nbody\n";
        SourceFixtures.Result one = read(List.of("-"), SourceOptions.DEFAULT,
                new ByteArrayInputStream(bytes(eml)), MboxSplitter.DEFAULT_BUFFER);
        assertEquals(List.of(eml), one.texts());
        assertEquals(List.of("-"), one.sources());
        assertNull(one.totalBytes());

        String mbox = FROM + "\nSubject: 1\n\n>From x\n\n" + FROM + "\nSubject: 2\n\n";
        SourceFixtures.Result two = read(List.of("-"), SourceOptions.DEFAULT,
                new ByteArrayInputStream(bytes(mbox)), MboxSplitter.DEFAULT_BUFFER);
        assertEquals(List.of("Subject: 1\n\nFrom x\n", "Subject: 2\n"), two.texts());
    }

    @Test
    void missingPathsAreReportedAndTheOthersStillRead() throws IOException {
        Path good = write(dir, "good.eml", "Subject: good\n\n");
        Path mbox = write(dir, "two.mbox", FROM + "\nA: 1\n\n" + FROM + "\nA: 2\n");
        SourceFixtures.Result r = read(List.of(p("missing.eml"), good.toString(), p("nodir/x"), "", mbox.toString()),
                SourceOptions.DEFAULT);
        assertEquals(List.of(p("missing.eml") + ": no such file or directory",
                p("nodir/x") + ": no such file or directory", "'': no such file or directory"), r.pathErrors());
        assertEquals(List.of(good.toString(), mbox.toString(), mbox.toString()), r.sources());
        long total = Files.size(good) + Files.size(mbox);
        assertEquals(total, r.totalBytes());
        assertEquals(total, r.bytesRead());
    }

    @Test
    void ioErrorMidFileGivesAMessageWithTheErrorAndReadingGoesOn() throws IOException {
        String mbox = FROM + "\nSubject: 1\n\nfine\n\n" + FROM + "\nSubject: 2\n\nthis one brea";
        byte[] data = bytes(mbox);
        InputStream failing = new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at >= data.length) {
                    throw new IOException("Input/output error");
                }
                int n = Math.min(len, Math.min(40, data.length - at));
                System.arraycopy(data, at, b, off, n);
                at += n;
                return n;
            }
        };
        Path after = write(dir, "after.eml", "Subject: after\n\n");
        SourceFixtures.Result r = read(List.of("-", after.toString()), SourceOptions.DEFAULT, failing, 128);

        assertEquals(List.of("Subject: 1\n\nfine\n", "Subject: 2\n\nthis one brea", "Subject: after\n\n"), r.texts());
        RawMessage broken = r.messages().get(1);
        assertEquals("I/O error reading - at byte " + data.length + ": IOException: Input/output error", broken.error());
        assertEquals(1, broken.index());
        assertTrue(broken.failed());
        assertNull(r.messages().get(0).error());
        assertNull(r.messages().get(2).error());
    }

    @Test
    void fileThatCannotBeOpenedInsideATreeIsAnErrorRecord() throws IOException {
        Path root = dir.resolve("perm");
        Path locked = write(root, "a-locked.eml", "Subject: locked\n\n");
        write(root, "b.eml", "Subject: b\n\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running as root: permissions do not apply");

        SourceFixtures.Result r = read(List.of(root.toString()), SourceOptions.DEFAULT);
        assertEquals(2, r.messages().size());
        assertEquals("cannot open " + locked + ": permission denied", r.messages().get(0).error());
        assertEquals(0, r.messages().get(0).bytes().length);
        assertEquals("Subject: b\n\n", r.texts().get(1));

        // given directly, the same file is a path error
        SourceFixtures.Result direct = read(List.of(locked.toString()), SourceOptions.DEFAULT);
        assertEquals(List.of(locked + ": permission denied"), direct.pathErrors());
        assertEquals(List.of(), direct.messages());
    }

    @Test
    void unlistableSubdirectoryIsAPathErrorAndTheRestIsRead() throws IOException {
        Path root = dir.resolve("walk");
        write(root, "a/x.eml", "Subject: x\n\n");
        write(root, "b.eml", "Subject: b\n\n");
        Files.setPosixFilePermissions(root.resolve("a"), PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(root.resolve("a")), "running as root: permissions do not apply");
            SourceFixtures.Result r = read(List.of(root.toString()), SourceOptions.DEFAULT);
            assertEquals(List.of(root.resolve("a") + ": cannot list directory: permission denied"), r.pathErrors());
            assertEquals(List.of(root.resolve("b.eml").toString()), r.sources());
        } finally {
            Files.setPosixFilePermissions(root.resolve("a"), PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void fileVanishingWhileWalkingIsSkipped() throws IOException {
        Path root = dir.resolve("vanish");
        write(root, "a.eml", "Subject: a\n\n");
        Path b = write(root, "b.eml", "Subject: b\n\n");
        write(root, "c.eml", "Subject: c\n\n");
        List<String> errors = new ArrayList<>();
        try (MessageSources sources = MessageSources.open(List.of(root.toString()), SourceOptions.DEFAULT, errors::add)) {
            assertEquals("Subject: a\n\n", text(sources.next()));
            Files.delete(b);
            assertEquals("Subject: c\n\n", text(sources.next()));
            assertFalse(sources.hasNext());
            assertThrows(NoSuchElementException.class, sources::next);
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void streamGivesTheSameMessagesAndCountsBytes() throws IOException {
        Path a = write(dir, "a.mbox", (FROM + "\nSubject: s\n\nbody\n\n").repeat(50));
        try (MessageSources sources = MessageSources.open(List.of(a.toString()), SourceOptions.DEFAULT, e -> { })) {
            assertEquals(Files.size(a), sources.totalBytes().getAsLong());
            assertEquals(0, sources.bytesRead());
            assertEquals(50, sources.stream().filter(m -> text(m).equals("Subject: s\n\nbody\n")).count());
            assertEquals(Files.size(a), sources.bytesRead());
        }
    }

    @Test
    void sameInputTwiceIsReadTwice() throws IOException {
        Path a = write(dir, "a.eml", "Subject: a\n\n");
        assertEquals(2, read(List.of(a.toString(), a.toString()), SourceOptions.DEFAULT).messages().size());
    }

    @Test
    void rejectsUselessOptions() {
        assertThrows(IllegalArgumentException.class, () -> new SourceOptions(0, true));
        assertThrows(IllegalArgumentException.class, () -> new SourceOptions(Integer.MAX_VALUE, true));
        assertEquals(16L << 20, SourceOptions.DEFAULT.maxMessageBytes());
        assertTrue(SourceOptions.DEFAULT.unquoteMboxrd());
    }
}
