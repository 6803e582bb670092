package org.bouncekit.cli;

import org.bouncekit.codes.PageFormat;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --width}, shared by explain and compare. */
final class PageOptions {
    /** Terminals narrower than this are rare; wrapping narrower makes most words stand alone. */
    static final int MIN_WIDTH = 20;
    static final int DEFAULT_WIDTH = 80;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text, markdown or json (default: text).")
    PageFormat format;

    @Option(names = "--width", paramLabel = "COLUMNS",
            description = "Wrap text output at this many columns (default: the COLUMNS environment variable, else 80).")
    Integer width;

    int width() {
        if (width != null) {
            if (width < MIN_WIDTH) {
                throw new UsageException("--width must be at least " + MIN_WIDTH);
            }
            return width;
        }
        return widthFromEnvironment(System.getenv("COLUMNS"));
    }

    /** COLUMNS when it is a sensible number, else 80. */
    static int widthFromEnvironment(String columns) {
        if (columns == null) {
            return DEFAULT_WIDTH;
        }
        try {
            int n = Integer.parseInt(columns.trim());
            return n >= MIN_WIDTH ? n : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    /** A page renderer, as ComparePage::render and ExplanationPage::render are. */
    interface Renderer {
        String render(PageFormat format, int width);
    }

    /**
     * Builds a page from the user's input and prints it in the chosen format: an input the page cannot be
     * built from is a usage error (one line, exit 2).
     */
    int print(picocli.CommandLine.Model.CommandSpec spec, java.util.function.Supplier<Renderer> page) {
        Renderer built;
        try {
            built = page.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.print(built.render(format, width()));
        out.flush();
        return 0;
    }
}
