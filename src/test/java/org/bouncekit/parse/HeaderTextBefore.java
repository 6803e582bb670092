package org.bouncekit.parse;

/**
 * HeaderText as it was before it worked on ranges of the text, kept to compare with (test code). Parses a block of header lines given as text (text/rfc822-headers parts, headers quoted inline in
 * a bounce body). Stops at the first blank line or at a line that is not a header.
 */
final class HeaderTextBefore {
    private HeaderTextBefore() {
    }

    /** The header fields at the start of {@code text}, at most {@code maxFields}. */
    public static HeaderBlock parse(String text, int maxFields) {
        HeaderBlock block = new HeaderBlock();
        String name = null;
        StringBuilder value = new StringBuilder();
        int pos = 0;
        int len = text.length();
        // Skip leading blank lines: some MTAs put one before the quoted headers.
        while (pos < len && text.charAt(pos) == '\n') {
            pos++;
        }
        while (pos < len && block.size() < maxFields) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? len : nl;
            String line = text.substring(pos, end);
            pos = end + 1;
            if (line.isBlank()) {
                break;
            }
            char first = line.charAt(0);
            if ((first == ' ' || first == '\t') && name != null) {
                value.append(' ').append(line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || colon > 76 || !isFieldName(line, colon)) {
                if (name == null && line.startsWith("From ")) {
                    continue; // an mbox From_ line in front of quoted headers
                }
                break;
            }
            if (name != null) {
                block.add(name, MimeParser.decodeHeader(value.toString()));
            }
            name = line.substring(0, colon).trim();
            value.setLength(0);
            value.append(line.substring(colon + 1).trim());
        }
        if (name != null && block.size() < maxFields) {
            block.add(name, MimeParser.decodeHeader(value.toString()));
        }
        return block;
    }

    private static boolean isFieldName(String line, int colon) {
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (c <= ' ' || c > '~') {
                return i == colon - 1 && c == ' ' && i > 0; // "Subject :" is tolerated
            }
        }
        return true;
    }
}
