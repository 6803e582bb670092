package org.bouncekit.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.bouncekit.UserRules;

/** Loads {@code --rules} files, turning their problems into one-line usage errors. */
final class RulesFiles {
    private RulesFiles() {
    }

    static UserRules load(Path file) {
        try {
            return UserRules.load(file);
        } catch (IOException e) {
            throw new UsageException("cannot read rules file " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
