package org.bouncekit.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the body of a message/delivery-status part (RFC 3464) into field groups. Lenient on the
 * shapes seen in the wild: missing blank lines between recipient groups, folded fields, stray text,
 * runs of blank lines (which never create empty recipients).
 */
public final class DeliveryStatusParser {
    private static final int MAX_FIELD_CHARS = 8192;
    private static final int MAX_NAME_CHARS = 40;
    /** The RFC 3464 field names (and common X- ones), by length: a line's name is looked up, not copied and lowered. */
    private static final String[][] KNOWN_NAMES_BY_LENGTH = byLength(
            "final-recipient", "original-recipient", "action", "status", "diagnostic-code", "remote-mta",
            "reporting-mta", "received-from-mta", "arrival-date", "last-attempt-date", "will-retry-until",
            "original-envelope-id", "dsn-gateway", "x-postfix-queue-id", "x-postfix-sender", "x-actual-recipient",
            "x-original-message-id", "x-display-name", "x-supplementary-info", "x-remote-mta-smtp-greeting",
            "x-remote-mta-helo-response", "x-exim-diagnostic");

    private DeliveryStatusParser() {
    }

    /** Parses {@code body}; at most {@code maxRecipients} recipient groups are kept. */
    public static DeliveryStatus parse(String body, int maxRecipients) {
        Map<String, String> perMessage = new HashMap<>();
        List<Map<String, String>> recipients = new ArrayList<>();
        Map<String, String> group = perMessage;
        boolean sawBlank = false;
        boolean pastFirstBlock = false;
        List<String> sinceBlank = new ArrayList<>();
        String lastName = null;
        // The body's next colon at or after the current line's start (len: none): one String.indexOf search from
        // the line starts on, never back, so a report of many colon-less lines stays linear.
        int nextColon = -1;
        int pos = 0;
        int len = body.length();
        while (pos < len) {
            int nl = body.indexOf('\n', pos);
            int start = pos;
            int end = nl < 0 ? len : nl;
            pos = end + 1;
            // Indices into the body rather than a String per line: this runs for every line of every report.
            if (TextRange.isBlank(body, start, end)) {
                sawBlank = true;
                pastFirstBlock |= !group.isEmpty();
                sinceBlank.clear();
                lastName = null;
                continue;
            }
            char first = body.charAt(start);
            if ((first == ' ' || first == '\t') && lastName != null) {
                String prev = group.get(lastName);
                if (prev.length() < MAX_FIELD_CHARS) {
                    group.put(lastName, prev + " " + TextRange.trimmed(body, start, end));
                }
                continue;
            }
            if (nextColon < start) {
                nextColon = body.indexOf(':', start);
                nextColon = nextColon < 0 ? len : nextColon;
            }
            int colon = nextColon < Math.min(end, start + 41) ? nextColon : -1;
            if (colon < 0 || colon == start || colon - start > 40) {
                lastName = null;
                continue;
            }
            String name = lowercaseName(body, start, colon);
            if (name.indexOf(' ') >= 0) {
                lastName = null;
                continue;
            }
            String value = TextRange.trimmed(body, colon + 1, end);
            boolean recipientField = name.equals("final-recipient") || name.equals("original-recipient");
            // A recipient field opens a new group after a blank line, or when the group already has it
            // (groups run together without blank lines in some MTAs). Postfix puts Original-Recipient
            // after Final-Recipient in the same group.
            boolean startsGroup = recipientField && (group == perMessage || sawBlank || group.containsKey(name));
            if (startsGroup) {
                if (recipients.size() >= maxRecipients) {
                    break;
                }
                Map<String, String> previous = group;
                group = new HashMap<>();
                recipients.add(group);
                if (previous == perMessage && pastFirstBlock) {
                    // Some MTAs (Facebook's) put Status and Diagnostic-Code before Final-Recipient in
                    // the recipient block: those fields belong to the recipient, not the message.
                    for (String moved : sinceBlank) {
                        group.put(moved, perMessage.remove(moved));
                    }
                }
                sinceBlank.clear();
            }
            sawBlank = false;
            if (!group.containsKey(name)) {
                group.put(name, value.length() > MAX_FIELD_CHARS ? value.substring(0, MAX_FIELD_CHARS) : value);
                lastName = name;
                if (group == perMessage) {
                    sinceBlank.add(name);
                }
            } else {
                lastName = null;
            }
        }
        return new DeliveryStatus(perMessage, recipients);
    }

    private static String[][] byLength(String... names) {
        String[][] out = new String[MAX_NAME_CHARS + 1][0];
        for (String name : names) {
            String[] same = java.util.Arrays.copyOf(out[name.length()], out[name.length()].length + 1);
            same[same.length - 1] = name;
            out[name.length()] = same;
        }
        return out;
    }

    /** {@code body.substring(from, to).trim().toLowerCase(Locale.ROOT)}, the known names without a copy. */
    static String lowercaseName(String body, int start, int end) {
        int from = TextRange.trimStart(body, start, end);
        int to = TextRange.trimEnd(body, from, end);
        if (to - from <= MAX_NAME_CHARS) {
            for (String known : KNOWN_NAMES_BY_LENGTH[to - from]) {
                if (sameAsciiLowercase(body, from, known)) {
                    return known;
                }
            }
        }
        return body.substring(from, to).toLowerCase(Locale.ROOT);
    }

    /** Only ASCII letters are folded: other chars (the Kelvin sign lowercases to k) go to toLowerCase instead. */
    private static boolean sameAsciiLowercase(String body, int from, String lowercase) {
        for (int k = 0; k < lowercase.length(); k++) {
            char c = body.charAt(from + k);
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lowercase.charAt(k)) {
                return false;
            }
        }
        return true;
    }

}
