package org.bouncekit.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncekit.BounceClassifier;
import org.bouncekit.BounceReport;
import org.bouncekit.Limits;
import org.bouncekit.MessageKind;
import org.bouncekit.output.OutputFormat;
import org.bouncekit.output.OutputOptions;
import org.bouncekit.output.ResultWriter;
import org.bouncekit.output.ResultWriters;
import org.bouncekit.source.MessageSources;
import org.bouncekit.source.RawMessage;
import org.bouncekit.source.SourceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scan PATH...}: classifies every message in .eml files, mbox files, Maildir folders and
 * directory trees, on all cores, writing one result per message in input order.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Classify every message in .eml files, mbox files, Maildir folders, directory trees or stdin (-).",
                "Exit status: 0 all messages classified, 1 some were unreadable (each still reported),"
                        + " 2 usage error or an input path that cannot be read."})
final class ScanCommand implements Callable<Integer> {
    @Mixin
    LanguageOption language;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, mbox files, Maildir folders, directories, or - for stdin.")
    List<String> paths;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "table, jsonl, csv or summary (default: table on a terminal, jsonl otherwise).")
    String format;

    @Option(names = "--explain", description = "Show the evidence behind each verdict (table format).")
    boolean explain;

    @Option(names = "--crosswalk", description = "Add the equivalent Amazon SES, SparkPost, Postmark and SendGrid categories.")
    boolean crosswalk;

    @Option(names = "--correlate-header", paramLabel = "NAME",
            description = "A header of the original message to report (repeatable), e.g. X-Campaign-Id.")
    List<String> correlateHeaders = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE", description = "A rules file with your own phrases and overrides (see README).")
    Path rulesFile;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N", description = "Classifier threads (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--max-message-bytes", paramLabel = "N", description = "Bytes read per message at most (default: ${DEFAULT-VALUE}).")
    long maxMessageBytes = Limits.DEFAULT.maxMessageBytes();

    @Option(names = "--max-mime-depth", paramLabel = "N", description = "MIME nesting depth at most (default: ${DEFAULT-VALUE}).")
    int maxMimeDepth = Limits.DEFAULT.maxMimeDepth();

    @Option(names = "--max-parts", paramLabel = "N", description = "MIME parts per message at most (default: ${DEFAULT-VALUE}).")
    int maxParts = Limits.DEFAULT.maxParts();

    @Option(names = "--max-header-bytes", paramLabel = "N", description = "Bytes of one header field at most (default: ${DEFAULT-VALUE}).")
    int maxHeaderBytes = Limits.DEFAULT.maxHeaderBytes();

    @Option(names = "--time-budget-ms", paramLabel = "MS", description = "Time per message at most (default: ${DEFAULT-VALUE}).")
    long timeBudgetMs = Limits.DEFAULT.timeBudget().toMillis();

    @Override
    public Integer call() throws IOException {
        Limits limits;
        try {
            limits = Limits.DEFAULT.withMaxMessageBytes(maxMessageBytes).withMaxMimeDepth(maxMimeDepth)
                    .withMaxParts(maxParts).withMaxHeaderBytes(maxHeaderBytes).withTimeBudget(Duration.ofMillis(timeBudgetMs));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (threads < 1 || threads > 256) {
            throw new UsageException("--threads must be between 1 and 256");
        }
        OutputFormat fmt = format == null ? (Terminal.stdoutIsTerminal() ? OutputFormat.TABLE : OutputFormat.JSONL)
                : OutputFormat.fromWireName(format);
        if (fmt == null) {
            throw new UsageException("unknown format '" + format + "': use table, jsonl, csv or summary");
        }
        BounceClassifier.Builder builder = BounceClassifier.builder().locale(language.locale()).limits(limits);
        correlateHeaders.forEach(builder::correlateHeader);
        if (rulesFile != null) {
            builder.rules(RulesFiles.load(rulesFile));
        }
        BounceClassifier classifier = builder.build();
        OutputOptions options = new OutputOptions(fmt == OutputFormat.TABLE ? Terminal.width() : 0, explain, crosswalk,
                correlateHeaders);

        PrintWriter err = spec.commandLine().getErr();
        List<String> pathErrors = new ArrayList<>();
        Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
        int unreadable;
        try (MessageSources sources = MessageSources.open(paths, new SourceOptions(limits.maxMessageBytes(), true), line -> {
                pathErrors.add(line);
                err.println("bouncekit: " + org.bouncekit.output.TerminalText.clean(line));
            });
             ResultWriter writer = ResultWriters.create(fmt, out, options);
             // The bar shares the screen with a table written to the same terminal: it would tear the rows.
             Progress progress = Progress.start(!quiet && Terminal.stderrIsTerminal()
                     && !(fmt == OutputFormat.TABLE && Terminal.stdoutIsTerminal()), sources)) {
            unreadable = run(sources, classifier, writer, progress);
        }
        out.flush();
        if (!pathErrors.isEmpty()) {
            return Main.EXIT_USAGE;
        }
        return unreadable > 0 ? 1 : 0;
    }

    /** Classifies on {@link #threads} threads, keeping results in input order, with bounded memory in flight. */
    private int run(MessageSources sources, BounceClassifier classifier, ResultWriter writer, Progress progress)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bouncekit-classify");
            t.setDaemon(true);
            return t;
        });
        Deque<Pending> inFlight = new ArrayDeque<>();
        long bytesInFlight = 0;
        long maxBytesInFlight = 64L << 20;
        int maxInFlight = threads * 64;
        int unreadable = 0;
        try {
            while (sources.hasNext()) {
                RawMessage raw = sources.next();
                Future<BounceReport> f = pool.submit(() -> classifyOne(classifier, raw));
                inFlight.add(new Pending(raw.source(), raw.index(), raw.bytes().length, f));
                bytesInFlight += raw.bytes().length;
                while (!inFlight.isEmpty() && (inFlight.size() >= maxInFlight || bytesInFlight > maxBytesInFlight
                        || inFlight.peekFirst().future().isDone())) {
                    Pending p = inFlight.removeFirst();
                    bytesInFlight -= p.size();
                    unreadable += emit(p, writer, progress);
                }
            }
            while (!inFlight.isEmpty()) {
                unreadable += emit(inFlight.removeFirst(), writer, progress);
            }
        } finally {
            pool.shutdownNow();
        }
        return unreadable;
    }

    private static BounceReport classifyOne(BounceClassifier classifier, RawMessage raw) {
        if (raw.error() != null) {
            return BounceReport.unreadable(raw.error());
        }
        BounceReport r = classifier.classify(raw.bytes());
        return raw.truncated() ? r.withTruncated() : r;
    }

    private static int emit(Pending p, ResultWriter writer, Progress progress) throws IOException {
        BounceReport report;
        try {
            report = p.future().get();
        } catch (ExecutionException e) {
            report = BounceReport.unreadable("internal error: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report = BounceReport.unreadable("interrupted");
        }
        writer.write(p.source(), p.index(), report);
        progress.step();
        return report.kind() == MessageKind.UNREADABLE ? 1 : 0;
    }

    private record Pending(String source, int index, long size, Future<BounceReport> future) {
    }
}
