package org.bouncekit.codes;

/**
 * An enhanced status code split into its parts (RFC 3463: class "." subject "." detail, one to three digits each
 * for subject and detail).
 */
record StatusCode(int statusClass, int subject, int detail) {

    /** Why a text is not a usable enhanced status code. */
    enum Problem { NONE, SYNTAX, CLASS, SUBJECT }

    /** The parsed code, or the problem with it. */
    record Parsed(StatusCode code, Problem problem, int badPart) {
    }

    /** Subjects 0 to 7 are defined by RFC 3463; nothing has been added since. */
    static final int MAX_SUBJECT = 7;

    /** Parses {@code c.sss.ddd}; never throws. */
    static Parsed parse(String text) {
        if (text == null) {
            return new Parsed(null, Problem.SYNTAX, 0);
        }
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length != 3 || parts[0].length() != 1 || !isNumber(parts[1]) || !isNumber(parts[2])
                || !isNumber(parts[0])) {
            return new Parsed(null, Problem.SYNTAX, 0);
        }
        int cls = parts[0].charAt(0) - '0';
        int subject = Integer.parseInt(parts[1]);
        int detail = Integer.parseInt(parts[2]);
        if (cls != 2 && cls != 4 && cls != 5) {
            return new Parsed(null, Problem.CLASS, cls);
        }
        if (subject > MAX_SUBJECT) {
            return new Parsed(null, Problem.SUBJECT, subject);
        }
        return new Parsed(new StatusCode(cls, subject, detail), Problem.NONE, 0);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 3) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The class-independent form used as the registry key, e.g. {@code 2.2} for X.2.2. */
    String registryKey() {
        return subject + "." + detail;
    }

    @Override
    public String toString() {
        return statusClass + "." + subject + "." + detail;
    }
}
