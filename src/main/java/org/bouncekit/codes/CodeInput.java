package org.bouncekit.codes;

import java.util.List;

/**
 * Turns what a user typed into dictionary entries, or into a one-line, localized
 * {@link IllegalArgumentException} that says what is wrong with it.
 */
final class CodeInput {

    private CodeInput() {
    }

    /** The codes of one input and how they combine; {@code reason} is set instead for a reason name. */
    record Resolved(String input, ReplyLine line, CodeEntry reply, CodeEntry status, CodeEntry reason,
                    Combination combination) {

        /** The entries in the order they are shown: reply code, enhanced status, or the reason. */
        List<CodeEntry> entries() {
            if (reason != null) {
                return List.of(reason);
            }
            if (reply != null && status != null) {
                return List.of(reply, status);
            }
            return List.of(reply != null ? reply : status);
        }
    }

    /** Reads a code, a reason name or a whole reply line (the {@code explain} argument). */
    static Resolved explain(CodeDictionary d, String input) {
        String s = bounded(d, input);
        org.bouncekit.Reason reason = s.contains(" ") ? null : org.bouncekit.Reason.fromWireName(s);
        if (reason != null) {
            return new Resolved(s, null, null, null, d.reason(reason), null);
        }
        ReplyLine line = ReplyLine.read(s);
        if (line.replyCode() == null && line.status() == null) {
            throw error(d, "template.error.noCode", shortened(s));
        }
        CodeEntry reply = line.replyCode() == null ? null : reply(d, line.replyCode());
        CodeEntry status = null;
        String ignored = null;
        if (line.status() != null) {
            if (reply == null) {
                status = status(d, line.status());
            } else {
                status = d.enhancedStatus(line.status()).orElse(null);
                ignored = status == null ? line.status() : null;
            }
        }
        return new Resolved(s, line, reply, status, null,
                Combination.of(d, reply, status, ignored, line.text()));
    }

    /** Reads exactly one reply code or enhanced status code (a {@code compare} argument). */
    static CodeEntry single(CodeDictionary d, String input) {
        String s = bounded(d, input);
        ReplyLine line = ReplyLine.read(s);
        boolean one = (line.replyCode() == null) != (line.status() == null) && line.text().isEmpty();
        if (!one) {
            throw error(d, "template.error.compareInput", shortened(s));
        }
        return line.replyCode() != null ? reply(d, line.replyCode()) : status(d, line.status());
    }

    private static CodeEntry reply(CodeDictionary d, String digits) {
        return d.replyCode(Integer.parseInt(digits))
                .orElseThrow(() -> error(d, "template.error.replyCode", digits));
    }

    private static CodeEntry status(CodeDictionary d, String token) {
        StatusCode.Parsed parsed = StatusCode.parse(token);
        switch (parsed.problem()) {
            case SYNTAX:
                throw error(d, "template.error.statusSyntax", token);
            case CLASS:
                throw error(d, "template.error.statusClass", token);
            case SUBJECT:
                throw error(d, "template.error.statusSubject", token, parsed.badPart());
            default:
                return d.enhancedStatus(token).orElseThrow(() -> error(d, "template.error.statusSyntax", token));
        }
    }

    private static String bounded(CodeDictionary d, String input) {
        if (input == null || input.isBlank()) {
            throw error(d, "template.error.empty");
        }
        if (input.length() > ReplyLine.MAX_INPUT) {
            throw error(d, "template.error.tooLong", ReplyLine.MAX_INPUT);
        }
        return input.strip();
    }

    /** Error messages quote the input; keep them one short, terminal-safe line. */
    private static String shortened(String s) {
        String clean = Page.clean(s);
        return clean.length() <= 60 ? clean : clean.substring(0, 57) + "...";
    }

    private static IllegalArgumentException error(CodeDictionary d, String key, Object... args) {
        return new IllegalArgumentException(d.format(key, args));
    }
}
