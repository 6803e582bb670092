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
        int pos = 0;
        int len = body.length();
        while (pos < len) {
            int nl = body.indexOf('\n', pos);
            int end = nl < 0 ? len : nl;
            String line = body.substring(pos, end);
            pos = end + 1;
            if (line.isBlank()) {
                sawBlank = true;
                pastFirstBlock |= !group.isEmpty();
                sinceBlank.clear();
                lastName = null;
                continue;
            }
            char first = line.charAt(0);
            if ((first == ' ' || first == '\t') && lastName != null) {
                String prev = group.get(lastName);
                if (prev.length() < MAX_FIELD_CHARS) {
                    group.put(lastName, prev + " " + line.trim());
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || colon > 40) {
                lastName = null;
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (name.indexOf(' ') >= 0) {
                lastName = null;
                continue;
            }
            String value = line.substring(colon + 1).trim();
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
}
