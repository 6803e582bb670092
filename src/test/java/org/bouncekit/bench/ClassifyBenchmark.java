package org.bouncekit.bench;

import java.util.concurrent.TimeUnit;
import org.bouncekit.BounceClassifier;
import org.bouncekit.BounceReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse + classify of one message of each main format, one thread: microseconds per message. The warm-up is long
 * because the JIT needs thousands of messages before the classifier's code is compiled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClassifyBenchmark {
    @Param({
            "postfix-userunknown",          // RFC 3464 DSN from Postfix
            "exim-userunknown",             // Exim prose, no DSN part
            "qmail-two-recipients",         // qmail-send prose
            "office365-recipientnotfound",  // Exchange Online NDR
            "gmail-userunknown-multiline",  // Gmail plain-text notification
            "arf-abuse-complaint",          // ARF feedback report
            "autoreply-out-of-office",      // auto-reply
            "newsletter-not-bounce"         // not a bounce
    })
    public String sample;

    private BounceClassifier classifier;
    private byte[] message;

    @Setup
    public void setUp() {
        classifier = BounceClassifier.create();
        message = BenchSamples.read(sample);
    }

    @Benchmark
    public BounceReport classify() {
        return classifier.classify(message);
    }
}
