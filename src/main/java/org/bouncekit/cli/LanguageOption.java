package org.bouncekit.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --lang en|de}, shared by every command. */
final class LanguageOption {
    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
            description = "Language of explanations: en or de (default: ${DEFAULT-VALUE}).")
    String lang;

    Locale locale() {
        String l = lang == null ? "en" : lang.trim().toLowerCase(Locale.ROOT);
        if (!l.equals("en") && !l.equals("de")) {
            throw new UsageException("unsupported language '" + lang + "': use en or de");
        }
        return Locale.forLanguageTag(l);
    }
}
