package org.bouncekit.output;

import java.util.Locale;

/** How scan results are rendered. */
public enum OutputFormat {
    /** One JSON object per message, one per line: the machine contract. */
    JSONL,
    /** One row per recipient with a header row (RFC 4180), safe to open in a spreadsheet. */
    CSV,
    /** Aligned columns for a person at a terminal, with counts at the end. */
    TABLE,
    /** Counts only: by kind, class, reason, decision and recipient domain. */
    SUMMARY;

    /** The lowercase name used on the command line. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks a format up by its wire name (case-insensitive); null when unknown. */
    public static OutputFormat fromWireName(String name) {
        if (name == null) {
            return null;
        }
        for (OutputFormat f : values()) {
            if (f.name().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        return null;
    }
}
