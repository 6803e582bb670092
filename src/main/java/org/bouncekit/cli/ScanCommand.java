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
import org.bouncekit.output.ResultRenderer;
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
            unreadable = run(sources, classifier, new Output(writer, ResultWriters.renderer(fmt, options), out), progress);
        }
        out.flush();
        if (!pathErrors.isEmpty()) {
            return Main.EXIT_USAGE;
        }
        return unreadable > 0 ? 1 : 0;
    }

    /**
     * Messages handed to a classifier thread in one task. One task per message cost more in hand-offs than in
     * work (a future, queue locks and a thread wake-up for each of 500,000 messages).
     */
    private static final int BATCH_MESSAGES = 32;
    private static final long BATCH_BYTES = 1L << 20;
    /** A batch that has waited this long goes out unfilled, so a slowly fed stdin still gets results. */
    private static final long BATCH_WAIT_NANOS = 20_000_000L;

    /** Classifies on {@link #threads} threads, keeping results in input order, with bounded memory in flight. */
    private int run(MessageSources sources, BounceClassifier classifier, Output output, Progress progress)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bouncekit-classify");
            t.setDaemon(true);
            return t;
        });
        Deque<Batch> inFlight = new ArrayDeque<>();
        long bytesInFlight = 0;
        long maxBytesInFlight = 64L << 20;
        int maxInFlight = threads * 4;
        int unreadable = 0;
        List<RawMessage> batch = new ArrayList<>(BATCH_MESSAGES);
        long batchBytes = 0;
        long batchStart = 0;
        try {
            while (sources.hasNext()) {
                RawMessage raw = sources.next();
                if (batch.isEmpty()) {
                    batchStart = System.nanoTime();
                }
                batch.add(raw);
                batchBytes += raw.bytes().length;
                if (batch.size() < BATCH_MESSAGES && batchBytes < BATCH_BYTES
                        && System.nanoTime() - batchStart < BATCH_WAIT_NANOS) {
                    continue;
                }
                inFlight.add(submit(pool, classifier, output.renderer(), batch, batchBytes));
                bytesInFlight += batchBytes;
                batch = new ArrayList<>(BATCH_MESSAGES);
                batchBytes = 0;
                while (!inFlight.isEmpty() && (inFlight.size() >= maxInFlight || bytesInFlight > maxBytesInFlight
                        || inFlight.peekFirst().results().isDone())) {
                    Batch done = inFlight.removeFirst();
                    bytesInFlight -= done.bytes();
                    unreadable += emit(done, output, progress);
                }
            }
            if (!batch.isEmpty()) {
                inFlight.add(submit(pool, classifier, output.renderer(), batch, batchBytes));
            }
            while (!inFlight.isEmpty()) {
                unreadable += emit(inFlight.removeFirst(), output, progress);
            }
        } finally {
            pool.shutdownNow();
        }
        return unreadable;
    }

    private static Batch submit(ExecutorService pool, BounceClassifier classifier, ResultRenderer renderer,
            List<RawMessage> messages, long bytes) {
        String[] sources = new String[messages.size()];
        int[] indexes = new int[messages.size()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = messages.get(i).source();
            indexes[i] = messages.get(i).index();
        }
        // Only the task holds the messages' bytes, and it is dropped once it has run.
        Future<Results> results = pool.submit(() -> {
            BounceReport[] reports = new BounceReport[messages.size()];
            String[] texts = renderer == null ? null : new String[reports.length];
            for (int i = 0; i < reports.length; i++) {
                try {
                    reports[i] = classifyOne(classifier, messages.get(i));
                } catch (RuntimeException | Error e) {
                    reports[i] = BounceReport.unreadable("internal error: " + e);
                }
                if (texts != null) {
                    // rendered here, while the report is fresh in this core's cache: less work than on the writing thread
                    texts[i] = renderer.render(sources[i], indexes[i], reports[i]);
                }
            }
            return new Results(reports, texts);
        });
        return new Batch(sources, indexes, bytes, results);
    }

    private static BounceReport classifyOne(BounceClassifier classifier, RawMessage raw) {
        if (raw.error() != null) {
            return BounceReport.unreadable(raw.error());
        }
        BounceReport r = classifier.classify(raw.bytes());
        return raw.truncated() ? r.withTruncated() : r;
    }

    /** Writes a batch's results in order; a batch that failed as a whole still gives one result per message. */
    private static int emit(Batch batch, Output output, Progress progress) throws IOException {
        Results results;
        String failure = null;
        try {
            results = batch.results().get();
        } catch (ExecutionException e) {
            results = null;
            failure = "internal error: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            results = null;
            failure = "interrupted";
        }
        int unreadable = 0;
        for (int i = 0; i < batch.sources().length; i++) {
            BounceReport report = results != null ? results.reports()[i] : BounceReport.unreadable(failure);
            String text = results != null && results.texts() != null ? results.texts()[i] : null;
            if (text != null) {
                output.text().write(text);
            } else {
                output.writer().write(batch.sources()[i], batch.indexes()[i], report);
            }
            progress.step();
            unreadable += report.kind() == MessageKind.UNREADABLE ? 1 : 0;
        }
        return unreadable;
    }

    private record Batch(String[] sources, int[] indexes, long bytes, Future<Results> results) {
    }

    /** Reports of a batch, and their rendered texts when the format renders per message (else null). */
    private record Results(BounceReport[] reports, String[] texts) {
    }

    /**
     * Where results go: a renderer's texts straight to {@code text} (the writer under {@code writer}, which then
     * writes nothing itself), or else through {@code writer}.
     */
    private record Output(ResultWriter writer, ResultRenderer renderer, Writer text) {
    }
}
