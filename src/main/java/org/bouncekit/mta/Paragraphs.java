package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.List;

/** Splits bounce prose into paragraphs (runs of non-blank lines) without regular expressions. */
final class Paragraphs {
    private Paragraphs() {
    }

    /** At most {@code max} paragraphs of {@code text}, each stripped, in order. */
    static List<String> of(String text, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int pos = 0;
        int n = text.length();
        while (pos <= n && out.size() < max) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? n : nl;
            String line = text.substring(pos, end);
            if (line.isBlank()) {
                if (current.length() > 0) {
                    out.add(current.toString().strip());
                    current.setLength(0);
                }
            } else {
                current.append(line).append('\n');
            }
            pos = end + 1;
        }
        if (current.length() > 0 && out.size() < max) {
            out.add(current.toString().strip());
        }
        return out;
    }

    /** {@code s} cut to at most {@code max} characters. */
    static String bounded(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
