package org.bouncekit.parse;

/**
 * Parses a block of header lines given as text (text/rfc822-headers parts, headers quoted inline in
 * a bounce body). Stops at the first blank line or at a line that is not a header.
 */
public final class HeaderText {
    private HeaderText() {
    }

    /** The header fields at the start of {@code text}, at most {@code maxFields}. */
    public static HeaderBlock parse(String text, int maxFields) {
        HeaderBlock block = new HeaderBlock();
        String name = null;
        // the value so far: a trimmed range of text, copied into the builder only when it is folded
        int valueFrom = 0;
        int valueTo = 0;
        StringBuilder folded = null;
        int pos = 0;
        int len = text.length();
        // Skip leading blank lines: some MTAs put one before the quoted headers.
        while (pos < len && text.charAt(pos) == '\n') {
            pos++;
        }
        while (pos < len && block.size() < maxFields) {
            int nl = text.indexOf('\n', pos);
            int start = pos;
            int end = nl < 0 ? len : nl;
            pos = end + 1;
            if (TextRange.isBlank(text, start, end)) {
                break;
            }
            char first = text.charAt(start);
            if ((first == ' ' || first == '\t') && name != null) {
                if (folded == null) {
                    folded = new StringBuilder();
                }
                if (folded.length() == 0) {
                    folded.append(text, valueFrom, valueTo);
                }
                int from = TextRange.trimStart(text, start, end);
                folded.append(' ').append(text, from, TextRange.trimEnd(text, from, end));
                continue;
            }
            int colon = -1; // within the line only: a search past it would make many colon-less lines quadratic
            for (int i = start; i < end; i++) {
                if (text.charAt(i) == ':') {
                    colon = i - start;
                    break;
                }
            }
            if (colon <= 0 || colon > 76 || !isFieldName(text, start, colon)) {
                if (name == null && text.startsWith("From ", start)) {
                    continue; // an mbox From_ line in front of quoted headers
                }
                break;
            }
            if (name != null) {
                add(block, name, text, valueFrom, valueTo, folded);
            }
            int nameFrom = TextRange.trimStart(text, start, start + colon);
            name = text.substring(nameFrom, TextRange.trimEnd(text, nameFrom, start + colon));
            valueFrom = TextRange.trimStart(text, start + colon + 1, end);
            valueTo = TextRange.trimEnd(text, valueFrom, end);
            if (folded != null) {
                folded.setLength(0);
            }
        }
        if (name != null && block.size() < maxFields) {
            add(block, name, text, valueFrom, valueTo, folded);
        }
        return block;
    }

    /** A one-line value is decoded when first asked for (most never are); a folded one now, from its builder. */
    private static void add(HeaderBlock block, String name, String text, int from, int to, StringBuilder folded) {
        if (folded != null && folded.length() > 0) {
            block.add(name, MimeParser.decodeHeader(folded.toString()));
        } else {
            block.addLater(name, text, from, to);
        }
    }

    private static boolean isFieldName(String text, int start, int colon) {
        for (int i = 0; i < colon; i++) {
            char c = text.charAt(start + i);
            if (c <= ' ' || c > '~') {
                return i == colon - 1 && c == ' ' && i > 0; // "Subject :" is tolerated
            }
        }
        return true;
    }
}
