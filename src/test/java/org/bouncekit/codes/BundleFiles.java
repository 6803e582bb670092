package org.bouncekit.codes;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/** Test access to the bundle files as files (without the parent-bundle fallback) and to the shared reference. */
final class BundleFiles {
    private BundleFiles() {
    }

    static final Locale[] LANGUAGES = {Locale.ENGLISH, Locale.GERMAN};

    /** One bundle file's own keys: English is the base file, another language its suffixed file. */
    static Properties load(Locale language) {
        String name = "org/bouncekit/codes/Dictionary"
                + (language.equals(Locale.ENGLISH) ? "" : "_" + language.getLanguage()) + ".properties";
        Properties p = new Properties();
        try (InputStream in = BundleFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("missing bundle file " + name);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * The shared reference folder (../shared/reference from the project, or -Dbk.shared.dir=DIR/..), when this
     * checkout has it; users' clones do not.
     */
    static Optional<Path> reference() {
        Path shared = Path.of(System.getProperty("bk.shared.dir", "../shared"));
        Path reference = shared.resolve("reference");
        return Files.isDirectory(reference) ? Optional.of(reference) : Optional.empty();
    }
}
