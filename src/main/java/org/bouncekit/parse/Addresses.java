package org.bouncekit.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds and normalizes email addresses in header values and bounce text, without regular expressions. */
public final class Addresses {
    private static final int MAX_ADDRESS = 512;

    private Addresses() {
    }

    /**
     * The address in a DSN recipient field or header value, normalized: "rfc822;" and angle brackets
     * removed, domain lowercased. Null when there is no plausible address.
     */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        int semi = v.indexOf(';');
        if (semi > 0 && semi < 12 && isAddressType(v.substring(0, semi).trim())) {
            boolean utf8 = v.substring(0, semi).trim().equalsIgnoreCase("utf-8");
            v = v.substring(semi + 1).trim();
            if (utf8 && v.contains("\\x{")) {
                v = decodeUnicodeEscapes(v);
            }
        }
        // A display name may itself look like an address ("\"list@example.org Moderators\" <list+owner@...>"):
        // the address in angle brackets is the one meant.
        int open = v.indexOf('<');
        int close = open < 0 ? -1 : v.indexOf('>', open);
        if (close > open + 1 && v.indexOf('@', open) > open && v.indexOf('@', open) < close) {
            List<String> bracketed = findAll(v.substring(open + 1, close), 1, true);
            if (!bracketed.isEmpty()) {
                return bracketed.get(0);
            }
        }
        // A DSN recipient field names an address by definition: an internal host without dots counts.
        List<String> found = findAll(v, 1, true);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * An RFC 6533 "utf-8" address with its non-ASCII characters written as {@code \x{HEX}} (utf-8-addr-xtext and
     * -unitext), decoded: {@code j\x{FC}rgen@example.org} is "jürgen@example.org". A malformed escape is kept.
     */
    static String decodeUnicodeEscapes(String v) {
        StringBuilder out = new StringBuilder(v.length());
        int i = 0;
        while (i < v.length()) {
            int close = v.startsWith("\\x{", i) ? v.indexOf('}', i + 3) : -1;
            if (close > i + 3 && close <= i + 9) {
                try {
                    int cp = Integer.parseInt(v.substring(i + 3, close), 16);
                    if (Character.isValidCodePoint(cp) && cp >= 0x20) {
                        out.appendCodePoint(cp);
                        i = close + 1;
                        continue;
                    }
                } catch (NumberFormatException e) {
                    // not hex: kept as written
                }
            }
            out.append(v.charAt(i++));
        }
        return out.toString();
    }

    /** rfc822, utf-8, x400, unknown, x-local or rfc-822, any case (no regex: this runs for every DSN field). */
    private static boolean isAddressType(String t) {
        for (String type : ADDRESS_TYPES) {
            if (t.equalsIgnoreCase(type)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] ADDRESS_TYPES = {"rfc822", "utf-8", "x400", "unknown", "x-local", "rfc-822"};

    /** Every address in {@code text}, in order, normalized, at most {@code max}. */
    public static List<String> findAll(String text, int max) {
        return findAll(text, max, false);
    }

    /** As {@link #findAll(String, int)}; {@code dotlessDomains} also accepts "user@mailhub" (internal hosts). */
    static List<String> findAll(String text, int max, boolean dotlessDomains) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int from = 0;
        while (out.size() < max) {
            int at = text.indexOf('@', from);
            if (at < 0) {
                break;
            }
            from = at + 1;
            int start = at;
            boolean quoted = at > 0 && text.charAt(at - 1) == '"';
            if (quoted) {
                int q = text.lastIndexOf('"', at - 2);
                if (q < 0 || at - q > MAX_ADDRESS) {
                    continue;
                }
                start = q;
            } else {
                while (start > 0 && at - start < MAX_ADDRESS && isLocalChar(text.charAt(start - 1))) {
                    start--;
                }
            }
            int end = at + 1;
            // Brackets belong to an address literal ("user@[192.0.2.1]") only; "[SMTP:user@example.com]" closes text.
            boolean literal = end < n && text.charAt(end) == '[';
            while (end < n && end - at < 256 && isDomainChar(text.charAt(end), literal)) {
                end++;
            }
            // Trailing dots and hyphens belong to the sentence, not the domain.
            while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--;
            }
            while (start < at && !quoted && text.charAt(start) == '.') {
                start++;
            }
            if (start == at || end == at + 1) {
                continue;
            }
            if (!dotlessDomains && !hasDot(text, at + 1, end) && text.charAt(at + 1) != '['
                    && !(end - at - 1 == LOCALHOST.length() && text.regionMatches(true, at + 1, LOCALHOST, 0, end - at - 1))) {
                continue;
            }
            // one substring when the domain is lowercase ASCII already (nearly always) instead of four strings
            String addr = isLowerAscii(text, at + 1, end) ? text.substring(start, end)
                    : text.substring(start, at) + "@" + text.substring(at + 1, end).toLowerCase(Locale.ROOT);
            if (!out.contains(addr)) {
                out.add(addr);
            }
        }
        return out;
    }

    private static final String LOCALHOST = "localhost";

    private static boolean hasDot(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '.') {
                return true;
            }
        }
        return false;
    }

    private static boolean isLowerAscii(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 127) {
                return false;
            }
        }
        return true;
    }

    /** The ASCII chars of a local part (RFC 5322 atext and the dot), looked up rather than searched per char. */
    private static final boolean[] LOCAL_ASCII = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            LOCAL_ASCII[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0;
        }
    }

    private static boolean isLocalChar(char c) {
        return c < 128 ? LOCAL_ASCII[c] : Character.isLetterOrDigit(c);
    }

    private static boolean isDomainChar(char c, boolean literal) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                || literal && (c == '[' || c == ']' || c == ':') || c > 127 && Character.isLetterOrDigit(c);
    }

    /**
     * Where the encoded recipient starts in a VERP local part. A list name may hold hyphens
     * ("members-bounces+anna=example.org"): a "+" is the separator when there is one; otherwise the "-" after
     * "bounces"/"bounce" ("news-bounces-anna=example.org"), else the first "-".
     */
    private static int verpSeparator(String local) {
        int plus = local.indexOf('+');
        if (plus > 0) {
            return plus;
        }
        String lower = local.toLowerCase(Locale.ROOT);
        for (String token : new String[] {"bounces-", "bounce-"}) {
            int i = lower.indexOf(token);
            if (i >= 0) {
                return i + token.length() - 1;
            }
        }
        return local.indexOf('-');
    }

    /**
     * The address a VERP return path encodes ("bounces+alice=example.com@sender.example" ->
     * "alice@example.com"), or null when {@code address} is not VERP-shaped.
     */
    public static String fromVerp(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return null;
        }
        String local = address.substring(0, at);
        int sep = verpSeparator(local);
        if (sep <= 0) {
            return null;
        }
        String rest = local.substring(sep + 1);
        int eq = rest.lastIndexOf('=');
        if (eq <= 0 || eq == rest.length() - 1) {
            return null;
        }
        String domain = rest.substring(eq + 1);
        if (domain.indexOf('.') < 0) {
            return null;
        }
        return rest.substring(0, eq) + "@" + domain.toLowerCase(Locale.ROOT);
    }
}
