package org.bouncekit.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Helpers for the source tests: write inputs, read them back. */
final class SourceFixtures {
    private SourceFixtures() {
    }

    /** What reading a list of inputs gave. */
    record Result(List<RawMessage> messages, List<String> pathErrors, long bytesRead, Long totalBytes) {
        List<String> texts() {
            return messages.stream().map(SourceFixtures::text).toList();
        }

        List<String> sources() {
            return messages.stream().map(RawMessage::source).toList();
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(RawMessage m) {
        return new String(m.bytes(), StandardCharsets.UTF_8);
    }

    static Path write(Path dir, String name, String content) throws IOException {
        return write(dir, name, bytes(content));
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    static Result read(List<String> paths, SourceOptions options) {
        return read(paths, options, new ByteArrayInputStream(new byte[0]), MboxSplitter.DEFAULT_BUFFER);
    }

    static Result read(List<String> paths, SourceOptions options, InputStream stdin, int bufferSize) {
        List<String> errors = new ArrayList<>();
        List<RawMessage> messages = new ArrayList<>();
        try (MessageSources sources = MessageSources.open(paths, options, errors::add, stdin, bufferSize)) {
            sources.forEachRemaining(messages::add);
            return new Result(messages, errors, sources.bytesRead(),
                    sources.totalBytes().isPresent() ? sources.totalBytes().getAsLong() : null);
        }
    }

    /** Reads one file that must exist and be readable. */
    static List<RawMessage> readFile(Path file, SourceOptions options) {
        Result r = read(List.of(file.toString()), options);
        assertEquals(List.of(), r.pathErrors());
        return r.messages();
    }

    static List<RawMessage> readFile(Path file) {
        return readFile(file, SourceOptions.DEFAULT);
    }

    /** An mboxrd writer, written independently of the reader: one '>' before every line matching {@code >*From }. */
    static String mboxrd(String eol, List<String> fromLines, List<String> messages) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            out.append(fromLines.get(i % fromLines.size())).append(eol);
            for (String line : linesWithEnds(messages.get(i))) {
                out.append(line.replaceFirst("^(>*From )", ">$1"));
            }
            out.append(eol);
        }
        return out.toString();
    }

    /** Lines with their terminators (LF, CRLF or CR alone), so they join back to {@code s}. */
    static List<String> linesWithEnds(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }
}
