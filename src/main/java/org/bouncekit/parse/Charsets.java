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

    private static Charset lookupOr(String name, Charset fallback) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
