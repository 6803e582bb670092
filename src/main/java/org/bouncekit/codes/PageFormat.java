package org.bouncekit.codes;

/** How an {@link ExplanationPage} or {@link ComparePage} is rendered. */
public enum PageFormat {
    /** Plain text for a terminal, wrapped to a width. */
    TEXT,
    /** Markdown (CommonMark). */
    MARKDOWN,
    /** A JSON object, for programs. */
    JSON
}
