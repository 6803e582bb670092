package org.bouncekit.cli;

import java.util.concurrent.Callable;
import org.bouncekit.codes.CodeDictionary;
import org.bouncekit.codes.ComparePage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bouncekit compare A B}: a comparison page for two codes. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two codes (reply codes such as 552, enhanced status codes such as 5.2.2, or one "
                + "of each): their classes, what each means, when you see it, how to fix it, and the key "
                + "differences."},
        footer = {"", "Examples:",
                "  bouncekit compare 214 552",
                "  bouncekit compare 452 552 --lang de",
                "  bouncekit compare 550 5.1.1 --format json"})
final class CompareCommand implements Callable<Integer> {
    @Mixin
    LanguageOption language;

    @Mixin
    PageOptions page;

    @Parameters(index = "0", paramLabel = "A", description = "The first code.")
    String first;

    @Parameters(index = "1", paramLabel = "B", description = "The second code.")
    String second;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CodeDictionary dictionary = CodeDictionary.forLocale(language.locale());
        return page.print(spec, () -> ComparePage.of(dictionary, first, second)::render);
    }
}
