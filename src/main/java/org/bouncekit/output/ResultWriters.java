package org.bouncekit.output;

import java.io.Writer;
import java.util.Objects;

/** Creates the {@link ResultWriter} for a format. */
public final class ResultWriters {
    private ResultWriters() {
    }

    /**
     * A writer rendering results as {@code format} to {@code out}. The caller owns {@code out}: it is
     * flushed, not closed, by {@link ResultWriter#close()}. Pass a buffered writer; JSON Lines buffers
     * itself.
     */
    public static ResultWriter create(OutputFormat format, Writer out, OutputOptions options) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        OutputOptions opts = options == null ? OutputOptions.DEFAULT : options;
        CrosswalkTable crosswalk = crosswalk(opts);
        switch (format) {
            case JSONL:
                return new JsonLinesWriter(out, opts, crosswalk);
            case CSV:
                return new CsvWriter(out, opts, crosswalk);
            case TABLE:
                return new TableWriter(out, opts, crosswalk);
            case SUMMARY:
                return new SummaryWriter(out, opts);
            default:
                throw new IllegalArgumentException("unknown format " + format);
        }
    }

    /**
     * A thread-safe renderer giving, message by message, the text {@link #create} would write for {@code format},
     * or null when the format's output is not a sequence of independent per-message texts (table, CSV with its
     * header, summary).
     */
    public static ResultRenderer renderer(OutputFormat format, OutputOptions options) {
        Objects.requireNonNull(format, "format");
        OutputOptions opts = options == null ? OutputOptions.DEFAULT : options;
        return format == OutputFormat.JSONL ? new JsonLinesRenderer(opts, crosswalk(opts)) : null;
    }

    private static CrosswalkTable crosswalk(OutputOptions opts) {
        return opts.crosswalk() ? CrosswalkTable.builtIn() : null;
    }
}
