package org.bouncekit.output;

import org.bouncekit.BounceReport;

/**
 * Renders one message's result as the exact text a {@link ResultWriter} of the same format and options would
 * write for it, for formats whose output per message stands alone (JSON Lines). Thread-safe: a scan renders on
 * the classifier threads, where the report was just made, and only writes the text in input order.
 */
public interface ResultRenderer {
    /** The text for one message, line end included; same arguments as {@link ResultWriter#write}. */
    String render(String source, int index, BounceReport report);
}
