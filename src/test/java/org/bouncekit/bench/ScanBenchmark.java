package org.bouncekit.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncekit.BounceClassifier;
import org.bouncekit.source.MessageSources;
import org.bouncekit.source.RawMessage;
import org.bouncekit.source.SourceOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Split + classify of an in-memory mbox of every sample, on one thread (no output): the per-core cost of a scan. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScanBenchmark {
    static final long MBOX_BYTES = 8L << 20;

    private BounceClassifier classifier;
    private byte[] mbox;
    private int messages;
    private InputStream stdin;

    @Setup
    public void setUp() {
        classifier = BounceClassifier.create();
        mbox = BenchSamples.mbox(MBOX_BYTES);
        stdin = System.in;
        messages = 0;
        System.setIn(new ByteArrayInputStream(mbox));
        try (MessageSources sources = open()) {
            while (sources.hasNext()) {
                sources.next();
                messages++;
            }
        }
    }

    @TearDown
    public void tearDown() {
        System.setIn(stdin);
    }

    int messages() {
        return messages;
    }

    long bytes() {
        return mbox.length;
    }

    private static MessageSources open() {
        return MessageSources.open(List.of("-"), SourceOptions.DEFAULT, e -> {
        });
    }

    @Benchmark
    public int scan() {
        System.setIn(new ByteArrayInputStream(mbox));
        int verdicts = 0;
        try (MessageSources sources = open()) {
            while (sources.hasNext()) {
                RawMessage m = sources.next();
                verdicts += classifier.classify(m.bytes()).verdicts().size();
            }
        }
        return verdicts;
    }
}
