package org.bouncekit.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks ({@code bench/jmh.sh}): all of them without arguments, else JMH's own command line
 * (a benchmark regex, {@code -f}, {@code -wi}, {@code -i}, {@code -p sample=...}, {@code -h} for the list). Prints
 * JMH's table, then the mbox split and scan results as MB/s and messages/s.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = args.length == 0
                ? new OptionsBuilder().include("org\\.bouncekit\\.bench\\..*").build()
                : new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double msPerPass = r.getPrimaryResult().getScore();
            if (name.endsWith("MboxSplitBenchmark.split")) {
                double mb = BenchSamples.mbox(MboxSplitBenchmark.MBOX_BYTES).length / 1e6;
                System.out.printf(Locale.ROOT, "mbox split: %.0f MB/s (%.1f MB in %.1f ms)%n", mb / (msPerPass / 1e3), mb, msPerPass);
            } else if (name.endsWith("ScanBenchmark.scan")) {
                ScanBenchmark shape = new ScanBenchmark();
                shape.setUp();
                shape.tearDown();
                System.out.printf(Locale.ROOT, "split + classify, one thread: %.0f messages/s, %.1f MB/s%n",
                        shape.messages() / (msPerPass / 1e3), shape.bytes() / 1e6 / (msPerPass / 1e3));
            }
        }
    }
}
