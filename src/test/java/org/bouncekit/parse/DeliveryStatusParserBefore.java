package org.bouncekit.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DeliveryStatusParser.parse as it was before it searched for colons with String.indexOf, kept to compare with
 * (test code).
 */
final class DeliveryStatusParserBefore {
    private static final int MAX_FIELD_CHARS = 8192;

    private DeliveryStatusParserBefore() {
    }

    /** Parses {@code body}; at most {@code maxRecipients} recipient groups are kept. */
    static DeliveryStatus parse(String body, int maxRecipients) {
        Map<String, String> perMessage = new HashMap<>();
        List<Map<String, String>> recipients = new ArrayList<>();
        Map<String, String> group = perMessage;
        boolean sawBlank = false;
        boolean pastFirstBlock = false;
        List<String> sinceBlank = new ArrayList<>();
        String lastName = null;
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
            int colon = indexOf(body, ':', start, Math.min(end, start + 41));
            if (colon < 0 || colon == start || colon - start > 40) {
                lastName = null;
                continue;
            }
            String name = DeliveryStatusParser.lowercaseName(body, start, colon);
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

    /**
     * {@code c} in {@code body[from, to)} only: a search on to the next colon of the body made a report of many
     * colon-less lines quadratic.
     */
    private static int indexOf(String body, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
