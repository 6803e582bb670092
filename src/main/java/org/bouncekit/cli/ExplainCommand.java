package org.bouncekit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Placeholder until the command is written. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Not written yet.")
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    LanguageOption language;

    @Override
    public Integer call() {
        throw new UsageException("explain is not available yet");
    }
}
