package org.bouncekit.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.bouncekit.source.MessageSources;

/** A progress bar on stderr (MB read, messages, messages/s, ETA when the input size is known), or nothing. */
abstract class Progress implements AutoCloseable {
    abstract void step();

    @Override
    public abstract void close();

    static Progress start(boolean enabled, MessageSources sources) {
        return enabled ? new Bar(sources) : new Progress() {
            @Override
            void step() {
            }

            @Override
            public void close() {
            }
        };
    }

    /** The bar appears only once a scan has run for a second: short scans stay quiet. */
    private static final class Bar extends Progress {
        private static final long MB = 1L << 20;
        private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
        private final MessageSources sources;
        private final long started = System.nanoTime();
        private ProgressBar bar;
        private long messages;

        Bar(MessageSources sources) {
            this.sources = sources;
        }

        private ProgressBar bar() {
            long total = sources.totalBytes().orElse(-1);
            return new ProgressBarBuilder()
                    .setTaskName("scan")
                    .setInitialMax(total < 0 ? -1 : Math.max(1, total))
                    .setUnit(" MB", MB)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true, StandardCharsets.UTF_8)))
                    .showSpeed()
                    .build();
        }

        @Override
        void step() {
            messages++;
            if ((messages & 63) == 0) {
                if (bar == null && System.nanoTime() - started > SHOW_AFTER_NANOS) {
                    bar = bar();
                }
                if (bar != null) {
                    update();
                }
            }
        }

        private void update() {
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            bar.stepTo(sources.bytesRead());
            bar.setExtraMessage(String.format(" %,d msgs, %,.0f msgs/s", messages, messages / seconds));
        }

        @Override
        public void close() {
            if (bar != null) {
                update();
                bar.close();
            }
        }
    }
}
