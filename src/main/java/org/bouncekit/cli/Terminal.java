package org.bouncekit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the process is attached to: Java 17 has no isatty for single streams, so Linux's /proc tells. */
final class Terminal {
    private Terminal() {
    }

    static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    static boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    private static boolean isTerminal(int fd) {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd));
            String t = target.toString();
            return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not Linux: fall back to the JVM's view (true only when both stdin and stdout are terminals).
            return System.console() != null;
        }
    }

    /** The terminal width: $COLUMNS when set, else 100. */
    static int width() {
        String c = System.getenv("COLUMNS");
        if (c != null) {
            try {
                int w = Integer.parseInt(c.trim());
                if (w >= 40 && w <= 1000) {
                    return w;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        return 100;
    }
}
