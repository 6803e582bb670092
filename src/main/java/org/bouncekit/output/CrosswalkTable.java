package org.bouncekit.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bouncekit.BounceClass;
import org.bouncekit.Reason;

/**
 * Maps a verdict's reason and class to the categories other mail services use, so a pipeline written
 * against an ESP's webhooks can keep its rules. The mapping is data ({@code crosswalk.csv} next to this
 * class); each value is checked against the service's vocabulary when the table loads.
 */
final class CrosswalkTable {
    static final String RESOURCE = "crosswalk.csv";
    static final String ANY = "*";

    static final Set<String> SES = Set.of(
            "Permanent/General", "Permanent/NoEmail", "Permanent/Suppressed", "Permanent/OnAccountSuppressionList",
            "Transient/General", "Transient/MailboxFull", "Transient/MessageTooLarge",
            "Transient/ContentRejected", "Transient/AttachmentRejected",
            "Undetermined/Undetermined", "Delivery", "Complaint");
    static final Set<Integer> SPARKPOST = Set.of(1, 10, 20, 21, 22, 23, 24, 25, 30, 40, 50, 51, 52, 53, 54, 60, 70,
            80, 90, 100);
    static final Set<String> POSTMARK = Set.of(
            "HardBounce", "Transient", "Unsubscribe", "Subscribe", "AutoResponder", "AddressChange", "DnsError",
            "SpamNotification", "OpenRelayTest", "Unknown", "SoftBounce", "VirusNotification",
            "ChallengeVerification", "BadEmailAddress", "SpamComplaint", "ManuallyDeactivated", "Unconfirmed",
            "Blocked", "SMTPApiError", "InboundError", "DMARCPolicy", "TemplateRenderingFailed");
    static final Set<String> SENDGRID = Set.of(
            "Invalid Address", "Technical Failure", "Content", "Reputation", "Frequency or Volume Too High",
            "Mailbox Unavailable", "Unclassified");

    private static final String HEADER = "reason,class,ses,sparkpost,postmark,sendgrid";

    /** One line of the table: a key (reason or *, class or *) and what it maps to. */
    record Row(String reason, String bounceClass, Crosswalk crosswalk) {
    }

    private final List<Row> rows;
    private final Map<String, Crosswalk> byKey;

    private CrosswalkTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
        this.byKey = new HashMap<>();
        for (Row row : rows) {
            byKey.put(key(row.reason(), row.bounceClass()), row.crosswalk());
        }
    }

    /** The table shipped with bouncekit. */
    static CrosswalkTable builtIn() {
        return BuiltIn.TABLE;
    }

    /** The categories for a reason and class (either may be null); never null, fields may be. */
    Crosswalk lookup(Reason reason, BounceClass bounceClass) {
        String r = reason == null ? ANY : reason.wireName();
        String c = bounceClass == null ? ANY : bounceClass.wireName();
        for (String k : new String[] {key(r, c), key(r, ANY), key(ANY, c), key(ANY, ANY)}) {
            Crosswalk found = byKey.get(k);
            if (found != null) {
                return found;
            }
        }
        return Crosswalk.NONE;
    }

    /** The rows in file order. */
    List<Row> rows() {
        return rows;
    }

    /**
     * Parses a table; an error names the line.
     *
     * @throws IllegalArgumentException when a line is malformed or names an unknown reason, class or category
     */
    static CrosswalkTable parse(Reader reader, String name) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean headerSeen = false;
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!trimmed.equals(HEADER)) {
                    throw error(name, lineNo, "expected header '" + HEADER + "'");
                }
                headerSeen = true;
                continue;
            }
            String[] cells = trimmed.split(",", -1);
            if (cells.length != 6) {
                throw error(name, lineNo, "expected 6 comma-separated cells, found " + cells.length);
            }
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].strip();
            }
            String reason = cells[0].toLowerCase(Locale.ROOT);
            String bounceClass = cells[1].toLowerCase(Locale.ROOT);
            if (!reason.equals(ANY) && Reason.fromWireName(reason) == null) {
                throw error(name, lineNo, "unknown reason '" + cells[0] + "'");
            }
            if (!bounceClass.equals(ANY) && !isBounceClass(bounceClass)) {
                throw error(name, lineNo, "unknown class '" + cells[1] + "'");
            }
            Integer previous = seen.putIfAbsent(key(reason, bounceClass), lineNo);
            if (previous != null) {
                throw error(name, lineNo, "duplicate of line " + previous);
            }
            Crosswalk crosswalk = new Crosswalk(
                    checked(cells[2], SES, "Amazon SES type", name, lineNo),
                    sparkPostClass(cells[3], name, lineNo),
                    checked(cells[4], POSTMARK, "Postmark type", name, lineNo),
                    checked(cells[5], SENDGRID, "SendGrid classification", name, lineNo));
            rows.add(new Row(reason, bounceClass, crosswalk));
        }
        if (!headerSeen) {
            throw error(name, lineNo, "empty table");
        }
        return new CrosswalkTable(rows);
    }

    private static boolean isBounceClass(String name) {
        for (BounceClass c : BounceClass.values()) {
            if (c.wireName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String checked(String cell, Set<String> vocabulary, String what, String name, int lineNo) {
        if (cell.isEmpty()) {
            return null;
        }
        if (!vocabulary.contains(cell)) {
            throw error(name, lineNo, "unknown " + what + " '" + cell + "'");
        }
        return cell;
    }

    private static Integer sparkPostClass(String cell, String name, int lineNo) {
        if (cell.isEmpty()) {
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            throw error(name, lineNo, "SparkPost bounce class must be a number: '" + cell + "'");
        }
        if (!SPARKPOST.contains(value)) {
            throw error(name, lineNo, "unknown SparkPost bounce class " + value);
        }
        return value;
    }

    private static IllegalArgumentException error(String name, int lineNo, String message) {
        return new IllegalArgumentException(name + ":" + lineNo + ": " + message);
    }

    private static String key(String reason, String bounceClass) {
        return reason + '|' + bounceClass;
    }

    /** Loaded on first use, so scans without --crosswalk never read it. */
    private static final class BuiltIn {
        static final CrosswalkTable TABLE = load();

        private static CrosswalkTable load() {
            try (InputStream in = CrosswalkTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
