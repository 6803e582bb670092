package org.bouncekit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncekit.BounceClassifier;
import org.bouncekit.BounceReport;
import org.bouncekit.MessageKind;
import org.bouncekit.output.OutputFormat;
import org.bouncekit.output.OutputOptions;
import org.bouncekit.output.ResultWriter;
import org.bouncekit.output.ResultWriters;
import org.bouncekit.output.TerminalText;
import java.util.List;
import java.util.concurrent.Callable;
import org.bouncekit.codes.CodeDictionary;
import org.bouncekit.codes.ExplanationPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
                "  bouncekit explain 5.7.606 --lang de --format markdown",
                "  bouncekit explain --message bounce.eml      (why each recipient got its verdict)"})
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    LanguageOption language;

    @Mixin
    PageOptions page;

    @Option(names = "--message", paramLabel = "FILE",
            description = "Classify this message (.eml) and show the evidence behind each recipient's verdict.")
    Path message;

    @Parameters(arity = "0..*", paramLabel = "CODE",
            description = "A reply code, an enhanced status code, a reply line (quote it) or a bounce reason.")
    List<String> codes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (message != null) {
            return explainMessage();
        }
        if (codes == null || codes.isEmpty()) {
            throw new UsageException("explain needs a CODE or --message FILE");
        }
        CodeDictionary dictionary = CodeDictionary.forLocale(language.locale());
        return page.print(spec, () -> ExplanationPage.of(dictionary, codes)::render);
    }

    /** The verdicts of one message with their evidence, as the table format's explain view. */
    private int explainMessage() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(message);
        } catch (IOException e) {
            throw new UsageException("cannot read " + TerminalText.clean(message.toString()) + ": " + e.getMessage());
        }
        BounceReport report = BounceClassifier.builder().locale(language.locale()).build().classify(bytes);
        PrintWriter out = spec.commandLine().getOut();
        try (ResultWriter writer = ResultWriters.create(OutputFormat.TABLE, out, new OutputOptions(page.width(), true, false, List.of()))) {
            writer.write(message.toString(), 0, report);
        }
        out.flush();
        return report.kind() == MessageKind.UNREADABLE ? 1 : 0;
    }
}
