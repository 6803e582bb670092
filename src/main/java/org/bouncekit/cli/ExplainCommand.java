package org.bouncekit.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.bouncekit.codes.CodeDictionary;
import org.bouncekit.codes.ExplanationPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bouncekit explain CODE...}: what a reply code, enhanced status code or whole reply line means. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explains SMTP reply codes (552), enhanced status codes (5.2.2), whole reply lines as servers "
                + "send them, and bounce reasons (mailboxfull): what each means, when you see it, how to fix it, "
                + "and whether the result is transient or permanent."},
        footer = {"", "Examples:",
                "  bouncekit explain 550",
                "  bouncekit explain \"452 4.2.2 Mailbox full\"",
                "  bouncekit explain 5.7.606 --lang de --format markdown"})
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    LanguageOption language;

    @Mixin
    PageOptions page;

    @Parameters(arity = "1..*", paramLabel = "CODE",
            description = "A reply code, an enhanced status code, a reply line (quote it) or a bounce reason.")
    List<String> codes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CodeDictionary dictionary = CodeDictionary.forLocale(language.locale());
        ExplanationPage explanation;
        try {
            explanation = ExplanationPage.of(dictionary, codes);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(explanation.render(page.format, page.width()));
        out.flush();
        return 0;
    }
}
