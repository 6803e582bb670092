package org.bouncekit.verdict;

/** One-line descriptions of unexpected failures, for the {@code error} of unreadable results. */
final class MimeParserErrors {
    private MimeParserErrors() {
    }

    static String describe(Throwable e) {
        String msg = e.getMessage();
        if (msg != null && msg.length() > 200) {
            msg = msg.substring(0, 200);
        }
        return msg == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + msg;
    }
}
