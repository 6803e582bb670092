package org.bouncekit.output;

import java.util.List;

/**
 * Settings for rendering results.
 *
 * @param terminalWidth    columns available to the table format; 0 means no limit (output to a file or pipe)
 * @param explain          print each verdict's evidence in the table ({@code --explain}); JSON Lines always
 *                         carries it
 * @param crosswalk        add the equivalent Amazon SES, SparkPost, Postmark and SendGrid categories
 *                         ({@code --crosswalk}) to JSON Lines, CSV and the explained table
 * @param correlateHeaders header names of the original message to show ({@code --correlate-header}), in the
 *                         order asked; CSV gets one column for each
 * @param topDomains       how many recipient domains the summary lists
 */
public record OutputOptions(int terminalWidth, boolean explain, boolean crosswalk, List<String> correlateHeaders,
                            int topDomains) {

    /** The number of recipient domains the summary lists unless told otherwise. */
    public static final int DEFAULT_TOP_DOMAINS = 10;

    /** No width limit, no evidence, no crosswalk, no correlate headers. */
    public static final OutputOptions DEFAULT = new OutputOptions(0, false, false, List.of());

    public OutputOptions {
        if (terminalWidth < 0) {
            throw new IllegalArgumentException("terminal width must not be negative: " + terminalWidth);
        }
        if (topDomains < 1) {
            throw new IllegalArgumentException("top domains must be at least 1: " + topDomains);
        }
        correlateHeaders = correlateHeaders == null ? List.of() : List.copyOf(correlateHeaders);
        for (String name : correlateHeaders) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("correlate header name must not be blank");
            }
        }
    }

    /** Options listing the default number of recipient domains in the summary. */
    public OutputOptions(int terminalWidth, boolean explain, boolean crosswalk, List<String> correlateHeaders) {
        this(terminalWidth, explain, crosswalk, correlateHeaders, DEFAULT_TOP_DOMAINS);
    }
}
