package org.bouncekit.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * Splitting an in-memory mbox of {@link #MBOX_BYTES} into messages (From_ lines, mboxrd unquoting, copies), read as
 * stdin through the public {@link MessageSources}. One operation is one pass; {@link Benchmarks} turns it into MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MboxSplitBenchmark {
    /** Size of the generated mbox. */
    public static final long MBOX_BYTES = 64L << 20;

    private byte[] mbox;
    private InputStream stdin;

    @Setup
    public void setUp() {
        mbox = BenchSamples.mbox(MBOX_BYTES);
        stdin = System.in;
    }

    @TearDown
    public void tearDown() {
        System.setIn(stdin);
    }

    @Benchmark
    public long split() {
        System.setIn(new ByteArrayInputStream(mbox));
        long bytes = 0;
        try (MessageSources sources = MessageSources.open(List.of("-"), new SourceOptions(16L << 20, true), e -> {
        })) {
            while (sources.hasNext()) {
                RawMessage m = sources.next();
                bytes += m.bytes().length;
            }
        }
        return bytes;
    }
}
