package org.bouncekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered output with a reviewed file under {@code src/test/resources/golden}. A missing or
 * different golden file is written next to it as {@code NAME.actual} and the test fails: a person reviews
 * the .actual file and renames it to approve the change.
 */
public final class GoldenFiles {
    static final Path DIR = Path.of("src", "test", "resources", "golden");

    private GoldenFiles() {
    }

    /** Compares {@code actual} with the approved file {@code golden/NAME} (NAME may contain folders). */
    public static void assertMatches(String name, String actual) throws IOException {
        Path golden = DIR.resolve(name);
        Path actualFile = DIR.resolve(name + ".actual");
        if (!Files.exists(golden)) {
            Files.createDirectories(golden.getParent());
            Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
            fail("no golden file " + golden + "; wrote " + actualFile + ": review it and rename it to approve");
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
            assertEquals(expected, actual, "output differs from " + golden + "; see " + actualFile);
        }
        Files.deleteIfExists(actualFile);
    }
}
