/**
 * Rendering of classification results: JSON Lines, CSV, a terminal table and a summary.
 *
 * <p>{@link org.bouncekit.output.ResultWriters#create ResultWriters.create} gives a
 * {@link org.bouncekit.output.ResultWriter} for an {@link org.bouncekit.output.OutputFormat}. Every text
 * that came from a bounce is untrusted: JSON escapes it, CSV quotes it and neutralises spreadsheet
 * formulas, and the human formats pass it through {@link org.bouncekit.output.TerminalText}.
 */
package org.bouncekit.output;
