package org.bouncekit.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The project's samples/*.eml, read from the project directory (system property {@code bouncekit.root}, default "."). */
final class BenchSamples {
    private BenchSamples() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("bouncekit.root", "."), "samples");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir.toAbsolutePath() + " not found: run from the project directory or set -Dbouncekit.root");
        }
        return dir;
    }

    static byte[] read(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name + ".eml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<byte[]> all() {
        try (Stream<Path> files = Files.list(dir())) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An mboxrd mailbox of at least {@code minBytes}: the samples over and over, each after a From_ line, body
     * lines matching {@code ^>*From } quoted with one more '>', a blank line after each message.
     */
    static byte[] mbox(long minBytes) {
        List<byte[]> samples = all();
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) minBytes + (1 << 20));
        byte[] fromLine = "From MAILER-DAEMON Tue Mar 12 10:15:03 2024\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; out.size() < minBytes; i++) {
            byte[] m = samples.get(i % samples.size());
            out.writeBytes(fromLine);
            boolean lineStart = true;
            for (int j = 0; j < m.length; j++) {
                if (lineStart && quotedFrom(m, j)) {
                    out.write('>');
                }
                out.write(m[j]);
                lineStart = m[j] == '\n';
            }
            if (m.length > 0 && m[m.length - 1] != '\n') {
                out.write('\n');
            }
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static boolean quotedFrom(byte[] m, int at) {
        int j = at;
        while (j < m.length && m[j] == '>') {
            j++;
        }
        return m.length - j >= 5 && m[j] == 'F' && m[j + 1] == 'r' && m[j + 2] == 'o' && m[j + 3] == 'm' && m[j + 4] == ' ';
    }
}
