package org.bouncekit.mta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import org.bouncekit.MessageKind;
import org.bouncekit.parse.Addresses;
import org.bouncekit.parse.HeaderBlock;
import org.bouncekit.parse.ParsedMessage;
import org.bouncekit.parse.SmtpCodes;
import org.bouncekit.parse.TextPart;
import org.bouncekit.reason.ReasonRules;

/**
 * Bounces written as prose (qmail, Exim, Gmail, Exchange 2003, Courier and many more): the error
 * section is found between a start marker and the returned message; each recipient address in it
 * starts a block of text that is that recipient's diagnostic.
 */
final class PlainTextFormat implements BounceFormat {
    private static final int MAX_BLOCK_LINES = 20;
    private static final int MAX_BLOCK_CHARS = 2000;

    private final TextMarkers markers = TextMarkers.BUILT_IN;
    /** {@code markers.originalStart} without dashes, index for index (made once, not per line). */
    private final List<String> originalStartUndashed;
    /**
     * Indexes into {@code markers.originalStart} by the marker's first char, and of the dashed markers by the
     * first char of their undashed form: a line is compared with the few that can match. Null: no index.
     */
    private final int[][] byFirstChar;
    private final int[][] dashedByUndashedFirstChar;
    private final int maxRecipients;

    PlainTextFormat(int maxRecipients) {
        this.maxRecipients = maxRecipients;
        List<String> undashed = new ArrayList<>();
        for (String mk : markers.originalStart) {
            undashed.add(mk.replace("-", "").strip());
        }
        this.originalStartUndashed = List.copyOf(undashed);
        // Marker indexes by first char (ASCII; a marker of dashes alone, or not ASCII, turns the index off).
        List<List<Integer>> byFirst = new ArrayList<>();
        List<List<Integer>> dashedByUndashedFirst = new ArrayList<>();
        for (int c = 0; c < ASCII; c++) {
            byFirst.add(new ArrayList<>());
            dashedByUndashedFirst.add(new ArrayList<>());
        }
        boolean indexable = true;
        for (int k = 0; k < markers.originalStart.size(); k++) {
            String mk = markers.originalStart.get(k);
            String u = undashed.get(k);
            if (mk.charAt(0) >= ASCII || mk.startsWith("-") && (u.isEmpty() || u.charAt(0) >= ASCII)) {
                indexable = false;
                break;
            }
            byFirst.get(mk.charAt(0)).add(k);
            if (mk.startsWith("-")) {
                dashedByUndashedFirst.get(u.charAt(0)).add(k);
            }
        }
        this.byFirstChar = indexable ? table(byFirst) : null;
        this.dashedByUndashedFirstChar = indexable ? table(dashedByUndashedFirst) : null;
    }

    private static final int ASCII = 128;

    private static int[][] table(List<List<Integer>> lists) {
        int[][] out = new int[lists.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    @Override
    public String name() {
        return "text";
    }

    /** True when the headers say the message is a bounce (sender, subject or X-Failed-Recipients). */
    boolean looksLikeBounce(ParsedMessage m) {
        return TopLevelFields.subjectIndexed(m).containsAnyMarker(markers.compiledSubjects)
                || TopLevelFields.fromIndexed(m).containsAnyMarker(markers.compiledFromMarkers)
                || m.headers().has("x-failed-recipients");
    }

    @Override
    public DecodedBounce decode(ParsedMessage m) {
        return decode(m, true);
    }

    /**
     * The prose of a message already known to be a bounce (it has a DSN part): the recipients' text
     * blocks, without demanding the signs that tell a bounce from ordinary mail; null when there are none.
     */
    List<RecipientRecord> knownBounceRecords(ParsedMessage m) {
        DecodedBounce d = decode(m, false);
        return d == null ? null : d.records();
    }

    private DecodedBounce decode(ParsedMessage m, boolean mustLookLikeBounce) {
        String body = bounceText(m);
        IndexedText indexed = bounceTextIndexed(m);
        int start = firstMarker(indexed, markers.compiledBounceStart);
        boolean headerSignal = !mustLookLikeBounce || looksLikeBounce(m);
        if (start < 0 && !headerSignal || mustLookLikeBounce && isListPost(m) && !PersonalMail.fromMailSystem(m)
                && !m.headers().has("x-failed-recipients")) {
            return null; // a list post or digest that pastes a bounce is the list's mail
        }
        String section = errorSection(body, indexed.text(), Math.max(start, 0)); // lowercase: indexes into body
        List<RecipientRecord> records = new ArrayList<>();
        Map<String, StringBuilder> blocks = blocks(section, m);
        for (String failed : m.headers().all("x-failed-recipients")) {
            for (String a : Addresses.findAll(failed, maxRecipients)) {
                blocks.putIfAbsent(a, new StringBuilder());
            }
        }
        if (blocks.isEmpty()) {
            String verp = verpRecipient(m);
            List<String> sent = verp != null ? List.of(verp) : originalRecipients(m);
            if (sent.size() > 1) {
                // Sent to several, none named: a bounce whose failed recipient cannot be told. A guess would
                // suppress a working address.
                SmtpCodes.Found codes = SmtpCodes.find(section);
                boolean explained = codes.status() != null || codes.replyCode() != null
                        || ReasonRules.builtIn().forText(section) != null;
                return explained && !isListPost(m) && !PersonalMail.sentAsOrdinaryMail(m)
                        ? new DecodedBounce(name(), kindOf(indexed, mustLookLikeBounce), List.of()) : null;
            }
            String fallback = sent.isEmpty() ? Addresses.normalize(m.originalHeaders().first("to")) : sent.get(0);
            if (fallback == null) {
                return null;
            }
            blocks.put(fallback, new StringBuilder(section));
        }
        for (Map.Entry<String, StringBuilder> e : blocks.entrySet()) {
            if (records.size() >= maxRecipients) {
                break;
            }
            String diag = e.getValue().toString().strip();
            if (diag.isEmpty()) {
                diag = section.strip();
            }
            if (diag.length() > MAX_BLOCK_CHARS) {
                diag = diag.substring(0, MAX_BLOCK_CHARS);
            }
            RecipientRecord r = new RecipientRecord(e.getKey());
            SmtpCodes.Found codes = SmtpCodes.find(diag);
            r.status(codes.status()).replyCode(codes.replyCode()).diagnostic(diag.isEmpty() ? null : diag, "body");
            records.add(r);
        }
        boolean evidence = start >= 0 || m.headers().has("x-failed-recipients");
        if (!evidence && mustLookLikeBounce) {
            // Header signals alone: demand an SMTP code, or wording that names a delivery failure,
            // next to the address, so that ordinary mail from a postmaster address is not taken
            // for a bounce.
            List<RecipientRecord> explained = new ArrayList<>(records.size());
            for (RecipientRecord r : records) {
                if (r.status() != null || r.replyCode() != null
                        || ReasonRules.builtIn().forText(r.diagnostic()) != null) {
                    explained.add(r);
                }
            }
            if (explained.isEmpty() || isListPost(m) || PersonalMail.sentAsOrdinaryMail(m)) {
                return null;
            }
            // Without a report's structure, an address the prose names but says nothing about (a contact
            // address after the explanation) is no failed recipient.
            records = explained;
        }
        // Of a known bounce only the records are used (its report gives the rest): no MTA, no kind.
        String mta = mustLookLikeBounce ? markers.signature(indexed) : null;
        return new DecodedBounce(mta == null ? name() : mta, kindOf(indexed, mustLookLikeBounce), records);
    }

    private MessageKind kindOf(IndexedText lower, boolean wanted) {
        // the [delay], [final] and [final-conditional] markers of text-bounce.txt
        return wanted && markers.saysDelayed(lower) ? MessageKind.DELAY : MessageKind.BOUNCE;
    }

    /**
     * The bounce's own text: its text/plain parts, else its HTML parts, not the returned message. Made once per
     * message: every format in {@link BounceFormats} asks for it, and building it each time was a good part of
     * a scan's work.
     */
    static String bounceText(ParsedMessage m) {
        return m.derived(BOUNCE_TEXT);
    }

    /**
     * {@link #bounceText} in lowercase, also made once per message; the same length, so an index found in it
     * is an index into {@link #bounceText} (see {@link TextMarkers#lowerSameLength}).
     */
    static String bounceTextLower(ParsedMessage m) {
        return bounceTextIndexed(m).text();
    }

    /** {@link #bounceTextLower} with its record of four-char sequences, for the formats' marker searches. */
    static IndexedText bounceTextIndexed(ParsedMessage m) {
        return m.derived(BOUNCE_TEXT_INDEXED);
    }

    private static final ParsedMessage.Derived<IndexedText> BOUNCE_TEXT_INDEXED =
            new ParsedMessage.Derived<>(m -> IndexedText.lowercased(bounceText(m)));
    private static final ParsedMessage.Derived<String> BOUNCE_TEXT =
            new ParsedMessage.Derived<>(PlainTextFormat::buildBounceText);

    private static String buildBounceText(ParsedMessage m) {
        List<String> plain = new ArrayList<>(2);
        List<String> other = new ArrayList<>(2);
        for (TextPart p : m.texts()) {
            if (!p.inAttached()) {
                (p.mimeType().equals("text/plain") ? plain : other).add(p.text());
            }
        }
        String text = joinLines(plain);
        return !text.isEmpty() ? text : joinLines(other);
    }

    /** The texts joined by newlines (none before the first non-empty one); a single text is not copied. */
    private static String joinLines(List<String> texts) {
        if (texts.size() == 1) {
            return texts.get(0);
        }
        StringBuilder sb = new StringBuilder();
        for (String t : texts) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    private static int firstMarker(IndexedText lower, List<IndexedText.Marker> list) {
        int best = -1;
        for (int k = 0; k < list.size(); k++) { // indexed: no iterator per message
            int i = lower.indexOf(list.get(k));
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    /** The text from {@code start} up to the returned message. */
    private String errorSection(String body, String lower, int start) {
        int end = body.length();
        int pos = start;
        while (pos < body.length()) {
            int nl = lower.indexOf('\n', pos);
            int lineEnd = nl < 0 ? body.length() : nl;
            if (pos > start && isOriginalStart(lower, pos, lineEnd)) {
                end = pos;
                break;
            }
            pos = lineEnd + 1;
        }
        return body.substring(start, end);
    }

    /**
     * True when the line {@code lower[from, to)}, stripped, starts the returned message. Read in place: this runs
     * for every line of the error section, and a copy of each line was most of its cost.
     */
    private boolean isOriginalStart(String lower, int from, int to) {
        int a = from;
        int b = to;
        while (a < b && Character.isWhitespace(lower.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(lower.charAt(b - 1))) {
            b--;
        }
        if (a == b) {
            return false;
        }
        // Where the line starts with its dashes and white space skipped, as a dashed marker is compared.
        int u = a;
        while (u < b && (lower.charAt(u) == '-' || Character.isWhitespace(lower.charAt(u)))) {
            u++;
        }
        char first = lower.charAt(a);
        char undashedFirst = u < b ? lower.charAt(u) : 0;
        if (byFirstChar != null && first < ASCII && undashedFirst < ASCII) {
            // Only the markers that start with the line's first char, or (dashed) its first char after dashes.
            for (int k : byFirstChar[first]) {
                if (regionStartsWith(lower, a, b, markers.originalStart.get(k))) {
                    return true;
                }
            }
            for (int k : dashedByUndashedFirstChar[undashedFirst]) {
                if (u < b && startsWithUndashed(lower, u, b, originalStartUndashed.get(k))) {
                    return true;
                }
            }
        } else {
            for (int k = 0; k < markers.originalStart.size(); k++) {
                String mk = markers.originalStart.get(k);
                if (regionStartsWith(lower, a, b, mk)
                        || mk.startsWith("-") && startsWithUndashed(lower, u, b, originalStartUndashed.get(k))) {
                    return true;
                }
            }
        }
        // The returned message's own headers, quoted inline.
        return regionStartsWith(lower, a, b, "return-path: <")
                || regionStartsWith(lower, a, b, "received: from ") && b - a > 20;
    }

    /** {@code s.substring(a, b).startsWith(prefix)}, without the copy. */
    private static boolean regionStartsWith(String s, int a, int b, String prefix) {
        return prefix.length() <= b - a && s.startsWith(prefix, a);
    }

    /**
     * {@code s.substring(a, b).replace("-", "").strip().startsWith(prefix)} without the copies, for a
     * {@code prefix} without dashes and an {@code u} past the line's leading dashes and white space: the
     * dashes inside are skipped.
     */
    private static boolean startsWithUndashed(String s, int u, int b, String prefix) {
        int i = u;
        for (int p = 0; p < prefix.length(); p++) {
            while (i < b && s.charAt(i) == '-') {
                i++;
            }
            if (i == b || s.charAt(i) != prefix.charAt(p)) {
                return false;
            }
            i++;
        }
        return true;
    }

    /** Splits the section into one block of lines per newly seen recipient address. */
    private Map<String, StringBuilder> blocks(String section, ParsedMessage m) {
        Map<String, StringBuilder> out = new LinkedHashMap<>();
        Set<String> ignore = null; // the headers' addresses, gathered when the section first names an address
        StringBuilder current = null;
        int lines = 0;
        // The lines of section.split("\n", MAX_LINES), read in place: a line is copied only when it may name an
        // address or be a dashed heading (few do); a block takes its lines from the section itself.
        int n = section.length();
        int nextAt = section.indexOf('@');
        int lineStart = 0;
        for (int lineNo = 1; ; lineNo++) {
            int nl = lineNo == MAX_LINES ? -1 : section.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? n : nl;
            if (nextAt >= 0 && nextAt < lineStart) {
                nextAt = section.indexOf('@', lineStart); // each '@' is looked for once
            }
            // Most lines have no "@": no address to find, no message-id field to rule out.
            boolean hasAt = nextAt >= 0 && nextAt < lineEnd;
            String line = hasAt || startsWithDash(section, lineStart, lineEnd)
                    ? section.substring(lineStart, lineEnd) : null;
            if (line != null && opensAnotherAddressList(line)) {
                current = null; // Sendmail's "----- The following addresses had ... -----": the block ends here
            } else {
                List<String> found = null; // made for the few lines that name a new address
                StringBuilder again = null;
                boolean noAddress = !hasAt || isMessageIdLine(line);
                for (String a : noAddress ? List.<String>of() : Addresses.findAll(line, 8)) {
                    if (ignore == null) {
                        ignore = ignoredAddresses(m);
                    }
                    if (!isIgnored(a, ignore) && !isInsideUrl(line, a)) {
                        if (!out.containsKey(a)) {
                            if (found == null) {
                                found = new ArrayList<>(2);
                            }
                            found.add(a);
                        } else if (again == null && line.strip().startsWith("<" + a + ">...")) {
                            again = out.get(a); // a transcript's "<a@b>... Deferred: ..." line belongs to that address
                        }
                    }
                }
                if (again != null && found == null) {
                    current = again;
                    lines = 0;
                }
                if (found != null && out.size() < maxRecipients) {
                    for (String a : found) {
                        StringBuilder sb = new StringBuilder();
                        out.put(a, sb);
                        current = sb;
                    }
                    lines = 0;
                }
                if (current != null && lines < MAX_BLOCK_LINES && current.length() < MAX_BLOCK_CHARS) {
                    current.append(section, lineStart, lineEnd).append('\n');
                    lines++;
                }
            }
            if (nl < 0) {
                return out;
            }
            lineStart = nl + 1;
        }
    }

    /** Lines of a section read at most (the last one holds the rest of the section). */
    private static final int MAX_LINES = 2000;

    /** True when the line {@code s[from, to)} starts with a dash after white space, as a dashed heading does. */
    private static boolean startsWithDash(String s, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i < to && s.charAt(i) == '-';
    }

    /**
     * A post distributed by a mailing list (RFC 2369 headers): a person's message that quotes an SMTP
     * error in its subject and body is not a bounce when nothing in its body starts a bounce report.
     */
    private static boolean isListPost(ParsedMessage m) {
        return m.headers().has("list-post") || m.headers().has("list-id");
    }

    /** A dashed heading that opens the next list of addresses (another outcome), not a transcript heading. */
    private static boolean opensAnotherAddressList(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i == line.length() || line.charAt(i) != '-') {
            return false; // settled without a stripped copy of every line
        }
        String t = line.strip();
        return t.startsWith("---") && t.endsWith("---")
                && TextMarkers.lowerSameLength(t).contains("following addresses");
    }

    /** A quoted Message-ID, In-Reply-To or References line: its "addresses" are message ids, not recipients. */
    private static boolean isMessageIdLine(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        if (i < line.length() && line.charAt(i) < 0x80 && "mMiIrR".indexOf(line.charAt(i)) < 0) {
            return false; // an ASCII char that starts none of the names, in any case
        }
        for (String name : MESSAGE_ID_FIELDS) {
            if (line.regionMatches(true, i, name, 0, name.length())) {
                return true;
            }
        }
        return false;
    }

    private static final String[] MESSAGE_ID_FIELDS = {"message-id:", "in-reply-to:", "references:"};

    private static boolean isInsideUrl(String line, String address) {
        int i = TextMarkers.lowerSameLength(line).indexOf(address.toLowerCase(Locale.ROOT));
        if (i <= 0) {
            return false;
        }
        int sp = line.lastIndexOf(' ', i) + 1;
        String token = line.substring(sp, i);
        return token.contains("://");
    }

    private boolean isIgnored(String address, Set<String> ignore) {
        String lower = address.toLowerCase(Locale.ROOT);
        if (ignore.contains(lower)) {
            return true;
        }
        String local = lower.substring(0, lower.lastIndexOf('@'));
        return markers.ignoredLocalParts.contains(local);
    }

    /** Addresses that are the bounce's sender or addressee (the original sender), not failed recipients. */
    private static Set<String> ignoredAddresses(ParsedMessage m) {
        Set<String> out = new HashSet<>();
        // One pass over each block, not one per field name: the result is a set, so the order does not matter.
        addAddresses(m.headers(), BOUNCE_PARTIES, out);
        addAddresses(m.originalHeaders(), ORIGINAL_PARTIES, out);
        return out;
    }

    private static final String[] BOUNCE_PARTIES = {"from", "to", "return-path", "reply-to", "sender"};
    private static final String[] ORIGINAL_PARTIES = {"from", "return-path", "sender", "reply-to"};
    /** A bit per length of a name in {@link #BOUNCE_PARTIES} or {@link #ORIGINAL_PARTIES} (all shorter than 64). */
    private static final long PARTY_NAME_LENGTHS = lengthBits(BOUNCE_PARTIES) | lengthBits(ORIGINAL_PARTIES);

    private static long lengthBits(String[] names) {
        long bits = 0;
        for (String n : names) {
            bits |= 1L << n.length();
        }
        return bits;
    }

    /** Adds the addresses (lowercase) of the fields of {@code h} named one of {@code names} (any case). */
    private static void addAddresses(HeaderBlock h, String[] names, Set<String> out) {
        List<String> fieldNames = h.names();
        for (int i = 0; i < fieldNames.size(); i++) {
            if (isOneOf(fieldNames.get(i), names)) {
                for (String a : Addresses.findAll(h.valueAt(i), 4)) {
                    out.add(a.toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    /** As {@link HeaderBlock#all} compares names: {@link String#equalsIgnoreCase}. */
    private static boolean isOneOf(String fieldName, String[] names) {
        // Names of another length are not equal in any case: most fields (Received, DKIM-Signature, X-...) are
        // passed over on their length, without a compare per name.
        int length = fieldName.length();
        if (length >= 64 || (PARTY_NAME_LENGTHS & 1L << length) == 0) {
            return false;
        }
        for (String n : names) {
            if (fieldName.equalsIgnoreCase(n)) {
                return true;
            }
        }
        return false;
    }

    /** The returned message's recipients (To and Cc), at most two: enough to tell one from several. */
    private static List<String> originalRecipients(ParsedMessage m) {
        HeaderBlock orig = m.originalHeaders();
        List<String> out = new ArrayList<>(2);
        for (String name : new String[] {"to", "cc"}) {
            for (String v : orig.all(name)) {
                for (String a : Addresses.findAll(v, 2)) {
                    if (out.size() < 2 && !out.contains(a)) {
                        out.add(a);
                    }
                }
            }
        }
        return out;
    }

    /** The recipient a VERP return path encodes in the bounce's To, or null. */
    static String verpRecipient(ParsedMessage m) {
        for (String name : new String[] {"to", "delivered-to", "x-original-to"}) {
            String v = m.headers().first(name);
            String addr = Addresses.normalize(v);
            String r = Addresses.fromVerp(addr);
            if (r != null) {
                return r;
            }
        }
        return null;
    }
}
