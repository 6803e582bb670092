package org.bouncekit.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.bouncekit.BounceClassifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bouncekit} command line: one subcommand per job. */
@Command(name = "bouncekit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads bounce emails and tells a mail pipeline what happened to each recipient and what to do next.",
        subcommands = {ScanCommand.class, ExplainCommand.class, CompareCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit status for usage errors and unreadable input paths. */
    static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: use scan, explain or compare (see --help)");
    }

    /** Builds the command line with the project's error handling: usage errors are one line and exit 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // Explanations carry umlauts and remote servers' text: always UTF-8, whatever the locale says.
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler(Main::onUsageError);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException) {
                commandLine.getErr().println("bouncekit: " + ex.getMessage());
                return EXIT_USAGE;
            }
            commandLine.getErr().println("bouncekit: internal error: " + ex);
            return 3;
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    private static int onUsageError(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("bouncekit: " + ex.getMessage());
        err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
        return EXIT_USAGE;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("scan")) {
            // The built-in tables (phrases, code dictionary) take over a hundred milliseconds to build: on another
            // core, while the command line is parsed and the input opened, not after.
            Thread tables = new Thread(() -> {
                try {
                    BounceClassifier.create();
                } catch (RuntimeException | Error e) {
                    // nothing to report from here: the scan builds its classifier itself and reports what fails
                }
            }, "bouncekit-tables");
            tables.setDaemon(true);
            tables.start();
        }
        System.exit(commandLine().execute(args));
    }
}
