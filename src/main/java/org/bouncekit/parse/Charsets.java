package org.bouncekit.parse;

import java.nio.charset.Charset;
import java.util.Locale;

/** Charset lookup that never throws on the names found in real (and hostile) mail. */
final class Charsets {
    static final Charset WINDOWS_1252 = lookupOr("windows-1252", java.nio.charset.StandardCharsets.ISO_8859_1);

    private Charsets() {
    }

    /** The charset for a MIME name, or null when unknown, unsupported or implausible. */
    static Charset lookup(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim();
        if (n.isEmpty() || n.length() > 40) {
            return null;
        }
        n = n.toLowerCase(Locale.ROOT);
        if (n.equals("iso-8859-1") || n.equals("us-ascii") || n.equals("ascii")) {
            // Mislabelled windows-1252 is the norm; its extra characters do no harm to real Latin-1.
            return n.equals("iso-8859-1") ? WINDOWS_1252 : java.nio.charset.StandardCharsets.US_ASCII;
        }
        if (n.equals("utf8")) {
            n = "utf-8";
        }
        try {
            return Charset.isSupported(n) ? Charset.forName(n) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * True when {@code name} (any case) is a charset name or alias this JVM knows, without the slow path the
     * JDK takes for unknown names (it loads the charset providers anew on each such lookup).
     */
    static boolean isKnownName(String name) {
        return KnownNames.NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    private static final class KnownNames {
        static final java.util.Set<String> NAMES = load();

        private static java.util.Set<String> load() {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Charset cs : Charset.availableCharsets().values()) {
                names.add(cs.name().toLowerCase(Locale.ROOT));
                for (String alias : cs.aliases()) {
                    names.add(alias.toLowerCase(Locale.ROOT));
                }
            }
            names.add("utf8");
            return java.util.Set.copyOf(names);
        }
    }

    private static Charset lookupOr(String name, Charset fallback) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
