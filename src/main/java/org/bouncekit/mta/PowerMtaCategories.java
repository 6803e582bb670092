package org.bouncekit.mta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import org.bouncekit.Reason;

/** PowerMTA's documented bounce categories ({@code powermta-categories.properties}) and their reasons. */
final class PowerMtaCategories {
    private static final Properties TABLE = load();

    private PowerMtaCategories() {
    }

    /** The reason a category names, or null for "other", unknown or missing categories. */
    static Reason reason(String category) {
        if (category == null) {
            return null;
        }
        String name = TABLE.getProperty(category.trim().toLowerCase(Locale.ROOT));
        return name == null ? null : Reason.fromWireName(name);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = PowerMtaCategories.class.getResourceAsStream("powermta-categories.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
