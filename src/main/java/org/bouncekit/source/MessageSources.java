package org.bouncekit.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The messages in a list of inputs, read lazily in order: .eml files, mbox files, Maildir folders, directory
 * trees holding any of these, and {@code "-"} for stdin.
 *
 * <ul>
 * <li>A file is an mbox when its name says so ({@code *.mbox}, {@code *.mbx}, {@code mbox}, {@code mbox-1},
 *     {@code mbox.txt}, ...) or, unless it is named {@code *.eml}, when its first non-blank line is a From_ line
 *     and another From_ line follows after a blank line. A file that begins with a From_ line but holds one
 *     message, and any {@code *.eml}, is one message with that line dropped (bounces quote the returned message
 *     with its From_ line, so a {@code *.eml} is never split). Any other file is one message, byte for byte. An
 *     empty file is one empty message, so a scan never loses an input; an empty file named like an mbox is an
 *     empty mailbox: no messages.</li>
 * <li>mbox entries lose their From_ line and the blank separator line after them, and mboxrd quoting is undone
 *     (unless {@link SourceOptions#unquoteMboxrd()} is off). A message longer than
 *     {@link SourceOptions#maxMessageBytes()} keeps its start and is marked truncated; the next one is still found.</li>
 * <li>A directory with {@code cur/} or {@code new/} is a Maildir: {@code new/} then {@code cur/} are read (one
 *     message per file, a leading From_ line dropped), never {@code tmp/}; files in the Maildir's own folder
 *     (dovecot-uidlist, maildirsize, ...) are not messages; Maildir++ subfolders ({@code .Sent/}) and plain
 *     subfolders are read as well.</li>
 * <li>Any other directory is walked depth-first, names in code point order, each regular file read as above,
 *     Maildirs inside it as Maildirs. Below the paths given, names starting with '.', symbolic links and
 *     anything that is not a regular file or directory are skipped, as are files that vanish while walking.</li>
 * </ul>
 *
 * <p>Paths given that do not exist or cannot be read, and directories that cannot be listed, are reported
 * through {@code pathErrors} (one line each, {@code "<path>: <why>"}) and the other inputs are still read. A file
 * found while walking that cannot be opened, and an I/O error in the middle of a file, give a
 * {@link RawMessage} with {@link RawMessage#error()} set, holding what was read; reading goes on with the next
 * input. Paths and error texts may hold any characters a file name can: escape them before printing.
 *
 * <p>Iteration is single-threaded; {@link #bytesRead()} and {@link #totalBytes()} may be read from any thread
 * (for a progress bar).
 */
public final class MessageSources implements Iterator<RawMessage>, Closeable {
    private static final String STDIN = "-";

    private enum InputKind { STDIN, FILE, DIRECTORY }

    private record Input(String given, Path path, InputKind kind) {
    }

    private enum FolderKind {
        /** A plain directory: files are .eml or mbox, subdirectories are walked. */
        TREE,
        /** A Maildir's {@code new/} or {@code cur/}: one message per file. */
        MAILDIR_MESSAGES,
        /** A Maildir's own folder: only subfolders are read; its files are metadata. */
        MAILDIR_ROOT
    }

    /** A directory being walked; listed when first reached, so pending siblings hold no listing. */
    private static final class Folder {
        final Path dir;
        final FolderKind kind;
        final boolean given;
        DirectoryListing listing;
        int next;

        Folder(Path dir, FolderKind kind, boolean given) {
            this.dir = dir;
            this.kind = kind;
            this.given = given;
        }
    }

    private final SourceOptions options;
    private final Consumer<String> pathErrors;
    private final InputStream stdin;
    private final int bufferSize;
    private final ArrayDeque<Input> inputs = new ArrayDeque<>();
    private final ArrayDeque<Folder> folders = new ArrayDeque<>();
    private final MessageBuffer messageBuffer = new MessageBuffer();
    private final AtomicLong bytesRead = new AtomicLong();
    private final long totalBytes;

    private MboxSplitter current;
    private InputStream currentStream;
    private RawMessage lookahead;
    private boolean closed;

    private MessageSources(List<String> paths, SourceOptions options, Consumer<String> pathErrors,
            InputStream stdin, int bufferSize) {
        this.options = Objects.requireNonNull(options, "options");
        this.pathErrors = Objects.requireNonNull(pathErrors, "pathErrors");
        this.stdin = stdin;
        this.bufferSize = bufferSize;
        long total = 0;
        for (String given : paths) {
            long size = check(given);
            total = size < 0 || total < 0 ? -1 : total + size;
        }
        this.totalBytes = total;
    }

    /**
     * Opens {@code paths} for reading; nothing is read until iteration. Paths that do not exist or cannot be
     * read are reported to {@code pathErrors} now; directories that cannot be listed, when reached.
     *
     * @param paths      files, directories, or {@code "-"} for stdin, read in this order
     * @param options    per-message limits and mbox handling
     * @param pathErrors receives one line per input path that cannot be read, {@code "<path>: <why>"}
     */
    public static MessageSources open(List<String> paths, SourceOptions options, Consumer<String> pathErrors) {
        return new MessageSources(paths, options, pathErrors, System.in, MboxSplitter.DEFAULT_BUFFER);
    }

    /** As {@link #open(List, SourceOptions, Consumer)}, reading {@code "-"} from {@code stdin}; for tests. */
    static MessageSources open(List<String> paths, SourceOptions options, Consumer<String> pathErrors,
            InputStream stdin, int bufferSize) {
        return new MessageSources(paths, options, pathErrors, stdin, bufferSize);
    }

    /** The messages as a sequential, ordered stream; closing it closes this. */
    public Stream<RawMessage> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    /** Bytes read from the inputs so far (messages past the size cap included). Thread-safe. */
    public long bytesRead() {
        return bytesRead.get();
    }

    /**
     * The size of all inputs when known before reading: when every input is a regular file. Empty when
     * a directory or stdin is among them.
     */
    public OptionalLong totalBytes() {
        return totalBytes < 0 ? OptionalLong.empty() : OptionalLong.of(totalBytes);
    }

    @Override
    public boolean hasNext() {
        if (lookahead == null && !closed) {
            lookahead = advance();
        }
        return lookahead != null;
    }

    @Override
    public RawMessage next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawMessage m = lookahead;
        lookahead = null;
        return m;
    }

    @Override
    public void close() {
        closed = true;
        lookahead = null;
        closeCurrent();
        inputs.clear();
        folders.clear();
    }

    /** Checks one given path and queues it; returns its size, -1 when unknown, 0 when it cannot be read. */
    private long check(String given) {
        if (STDIN.equals(given)) {
            inputs.add(new Input(given, null, InputKind.STDIN));
            return -1;
        }
        if (given.isEmpty()) {
            pathErrors.accept("'': no such file or directory"); // Path.of("") would be the working directory
            return 0;
        }
        Path path;
        try {
            path = Path.of(given);
        } catch (InvalidPathException e) {
            pathErrors.accept(given + ": invalid path");
            return 0;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            pathErrors.accept(given + ": " + why(e));
            return 0;
        }
        if (!Files.isReadable(path)) {
            pathErrors.accept(given + ": permission denied");
            return 0;
        }
        if (attributes.isDirectory()) {
            inputs.add(new Input(given, path, InputKind.DIRECTORY));
            return -1;
        }
        inputs.add(new Input(given, path, InputKind.FILE));
        return attributes.isRegularFile() ? attributes.size() : -1;
    }

    private RawMessage advance() {
        while (true) {
            if (current != null) {
                RawMessage m = current.next();
                if (m != null) {
                    return m;
                }
                closeCurrent();
            } else if (!folders.isEmpty()) {
                RawMessage failed = walkOneEntry();
                if (failed != null) {
                    return failed;
                }
            } else {
                Input input = inputs.poll();
                if (input == null) {
                    return null;
                }
                start(input);
            }
        }
    }

    private void start(Input input) {
        switch (input.kind()) {
            case STDIN -> read(STDIN, stdin, MboxSplitter.Layout.AUTO, false);
            case DIRECTORY -> enterDirectory(input.path(), true);
            case FILE -> {
                try {
                    read(input.given(), Files.newInputStream(input.path()), layoutByName(input.path()), true);
                } catch (IOException e) {
                    pathErrors.accept(input.given() + ": " + why(e));
                }
            }
        }
    }

    private void read(String source, InputStream in, MboxSplitter.Layout layout, boolean closeAfter) {
        current = new MboxSplitter(source, in, layout, options, bytesRead::addAndGet, messageBuffer, bufferSize);
        currentStream = closeAfter ? in : null;
    }

    private void closeCurrent() {
        current = null;
        if (currentStream != null) {
            try {
                currentStream.close();
            } catch (IOException ignored) {
                // a read-only file: nothing is lost when closing fails
            }
            currentStream = null;
        }
    }

    private void enterDirectory(Path dir, boolean given) {
        if (isMaildir(dir)) {
            // a stack: pushed in reverse of the reading order new/, cur/, then the subfolders
            folders.push(new Folder(dir, FolderKind.MAILDIR_ROOT, given));
            pushIfDirectory(dir.resolve("cur"));
            pushIfDirectory(dir.resolve("new"));
        } else if (given && isMaildirMessageFolder(dir)) {
            folders.push(new Folder(dir, FolderKind.MAILDIR_MESSAGES, true));
        } else {
            folders.push(new Folder(dir, FolderKind.TREE, given));
        }
    }

    private void pushIfDirectory(Path dir) {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            folders.push(new Folder(dir, FolderKind.MAILDIR_MESSAGES, false));
        }
    }

    static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur"), LinkOption.NOFOLLOW_LINKS)
                || Files.isDirectory(dir.resolve("new"), LinkOption.NOFOLLOW_LINKS);
    }

    /** A Maildir's {@code cur/} or {@code new/} given on its own. */
    private static boolean isMaildirMessageFolder(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        Path parent = dir.toAbsolutePath().normalize().getParent();
        return name != null && parent != null && (name.toString().equals("cur") || name.toString().equals("new"))
                && isMaildir(parent);
    }

    /** Handles the next entry of the innermost folder: opens a file, enters a directory, or skips it. */
    private RawMessage walkOneEntry() {
        Folder folder = folders.peek();
        if (folder.listing == null) {
            try {
                folder.listing = DirectoryListing.of(folder.dir);
            } catch (NoSuchFileException | NotDirectoryException e) {
                if (folder.given) {
                    pathErrors.accept(folder.dir + ": " + why(e));
                }
                folders.pop(); // vanished while walking
                return null;
            } catch (IOException e) {
                pathErrors.accept(folder.dir + ": cannot list directory: " + why(e));
                folders.pop();
                return null;
            }
        }
        if (folder.next >= folder.listing.size()) {
            folders.pop();
            return null;
        }
        String name = folder.listing.name(folder.next++);
        Path child = folder.dir.resolve(name);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null; // vanished between listing and now
        } catch (IOException e) {
            return unreadable(child, e);
        }
        if (attributes.isSymbolicLink()) {
            return null;
        }
        boolean hidden = name.startsWith(".");
        if (attributes.isDirectory()) {
            switch (folder.kind) {
                case TREE -> {
                    if (!hidden) {
                        enterDirectory(child, false);
                    }
                }
                case MAILDIR_ROOT -> {
                    boolean maildirPart = name.equals("cur") || name.equals("new") || name.equals("tmp");
                    // Maildir++ keeps subfolders in dot-directories (.Sent, .Junk): those are read
                    if (!maildirPart && (!hidden || isMaildir(child))) {
                        enterDirectory(child, false);
                    }
                }
                case MAILDIR_MESSAGES -> {
                    // no subfolders in new/ and cur/
                }
            }
            return null;
        }
        if (hidden || !attributes.isRegularFile() || folder.kind == FolderKind.MAILDIR_ROOT) {
            return null;
        }
        MboxSplitter.Layout layout = folder.kind == FolderKind.MAILDIR_MESSAGES
                ? MboxSplitter.Layout.SINGLE : layoutByName(child);
        try {
            read(child.toString(), Files.newInputStream(child, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS),
                    layout, true);
            return null;
        } catch (NoSuchFileException e) {
            return null; // vanished between listing and opening
        } catch (IOException e) {
            return unreadable(child, e);
        }
    }

    private static RawMessage unreadable(Path file, IOException e) {
        return new RawMessage(file.toString(), 0, 0, new byte[0], false, "cannot open " + file + ": " + why(e));
    }

    static MboxSplitter.Layout layoutByName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return MboxSplitter.Layout.AUTO;
        }
        if (looksLikeMboxName(name.toString())) {
            return MboxSplitter.Layout.MBOX;
        }
        // A .eml is one message even when a From_ line follows a blank line in it: bounces quote the returned
        // message with its From_ line (Sisimai's rb-issue-368-bug.eml), and splitting there would invent a message
        return name.toString().toLowerCase(Locale.ROOT).endsWith(".eml")
                ? MboxSplitter.Layout.SINGLE : MboxSplitter.Layout.AUTO;
    }

    /** {@code *.mbox}, {@code *.mbx}, {@code mbox}, and {@code mbox} followed by a non-alphanumeric ({@code mbox-0}). */
    static boolean looksLikeMboxName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".mbox") || name.endsWith(".mbx") || name.equals("mbox")
                || name.startsWith("mbox") && !Character.isLetterOrDigit(name.charAt(4));
    }

    private static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
