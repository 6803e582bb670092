package org.bouncekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rendered output compared with approved files in src/test/resources/golden. A missing or different file makes
 * the test fail and leaves {@code NAME.actual} next to it: review it, then rename it to NAME to approve it.
 */
final class GoldenFiles {
    static final Path DIR = Path.of("src", "test", "resources", "golden");

    private GoldenFiles() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path expected = DIR.resolve(name);
        Path candidate = DIR.resolve(name + ".actual");
        if (!Files.exists(expected)) {
            Files.createDirectories(DIR);
            Files.writeString(candidate, actual, StandardCharsets.UTF_8);
            fail("no golden file " + expected + "; wrote " + candidate + ": review it and rename it to approve it");
        }
        String approved = Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (!approved.equals(actual)) {
            Files.writeString(candidate, actual, StandardCharsets.UTF_8);
        } else {
            Files.deleteIfExists(candidate);
        }
        assertEquals(approved, actual, () -> "output differs from " + expected + "; the new output is in " + candidate);
    }
}
