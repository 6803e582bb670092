package org.bouncekit.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.io.MaxNestingDepthLimitException;
import org.apache.james.mime4j.io.MaxPartCountLimitException;
import org.apache.james.mime4j.stream.EntityState;
import org.bouncekit.parse.ContentFields.Descriptor;

/**
 * A streaming MIME reader over a message held in memory: the events of mime4j 0.8.15's {@code MimeTokenStream}
 * (recursing into multiparts and message/rfc822, lenient, with the header field rules of mime4j's field builder),
 * at a fraction of the cost. mime4j copies every byte through a chain of buffers (one per nesting level), a line
 * buffer and a field builder; here every level reads the same array and only positions move.
 *
 * <p>Behaviour is mime4j's, edge cases included: where mime4j looks for a boundary only inside its 4 KiB read-ahead
 * window (a boundary line cut by the window's end counts as one; a boundary string that starts the window counts
 * even in mid-line; a short window at the start of a part makes it throw), this reader keeps the same windows and
 * gives the same answers. Results can differ only in corners that no real mail reaches: a boundary longer than
 * 2,048 characters (mime4j's window then depends on buffers recycled from earlier messages of the same thread), a
 * boundary holding a character whose low byte is 10 (mime4j's search can then skip a line start) and the bound on
 * decoded bytes below.
 *
 * <p>Limits, enforced where mime4j enforces them and reported with mime4j's exceptions: bytes per header field
 * ({@code maxHeaderLen}), fields per entity and in total, total header characters, entities per message and nesting
 * depth. The work is linear in the input times the nesting depth (the boundary search included, whatever the
 * boundary and the lines look like); memory is the input plus the decoded bytes of attached messages in base64 or
 * quoted-printable, at most four times the input and 1 MiB (a limit of our own: mime4j decoded them as it read them).
 */
final class MimeReader {
    static final int BUFFER_SIZE = 4096;
    private static final int SP = ' ';
    private static final int HT = '\t';

    private final int maxHeaderLen;
    private final int maxHeaderCount;
    private final int maxTotalHeaderCount;
    private final long maxTotalHeaderLen;
    private final int maxDepth;
    private final int maxParts;

    private final List<Entity> entities = new ArrayList<>();
    /** For unfolding field values ({@link #fieldValue()}, which only tests ask for): at most one field's bytes. */
    private byte[] scratch = NO_BYTES;
    private static final byte[] NO_BYTES = {};
    private Entity current;
    private EntityState state;
    private int partCount;
    private long decodedLimit;
    private long decodedBudget;
    private int totalHeaderCount;
    private long totalHeaderLen;

    MimeReader(int maxHeaderLen, int maxHeaderCount, int maxTotalHeaderCount, long maxTotalHeaderLen, int maxDepth,
               int maxParts) {
        this.maxHeaderLen = maxHeaderLen;
        this.maxHeaderCount = maxHeaderCount;
        this.maxTotalHeaderCount = maxTotalHeaderCount;
        this.maxTotalHeaderLen = maxTotalHeaderLen;
        this.maxDepth = maxDepth;
        this.maxParts = maxParts;
    }

    /** Thrown when the attached messages' decoded bytes exceed what the reader keeps for them. */
    static final class DecodedSizeLimitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DecodedSizeLimitException(String message) {
            super(message);
        }
    }

    /** Starts reading {@code message}; the state is then {@link EntityState#T_START_MESSAGE}. */
    void parse(byte[] message) {
        decodedLimit = 4L * message.length + (1 << 20);
        decodedBudget = decodedLimit;
        Bytes u = new Bytes(message, message.length);
        LineBuffer in = new LineBuffer(u, 0, new ArraySource(u, 0));
        current = new Entity(in, EntityState.T_START_MESSAGE, EntityState.T_END_MESSAGE, new ContentFields(null));
        entities.clear();
        entities.add(current);
        partCount = 0;
        totalHeaderCount = 0;
        totalHeaderLen = 0;
        state = current.state;
    }

    EntityState state() {
        return state;
    }

    /** Advances to the next event, as {@code MimeTokenStream.next()} does. */
    EntityState next() throws MimeException {
        if (state == EntityState.T_END_OF_STREAM || current == null) {
            throw new IllegalStateException("No more tokens are available.");
        }
        while (current != null) {
            Entity child = current.advance();
            if (child != null) {
                checkEntityLimits();
                entities.add(child);
                current = child;
            }
            state = current.state;
            if (state != EntityState.T_END_OF_STREAM) {
                if (state == EntityState.T_FIELD) {
                    checkTotalHeaderLimits();
                }
                return state;
            }
            entities.remove(entities.size() - 1);
            current = entities.isEmpty() ? null : entities.get(entities.size() - 1);
        }
        state = EntityState.T_END_OF_STREAM;
        return state;
    }

    private void checkEntityLimits() throws MimeException {
        if (maxParts > 0 && partCount >= maxParts) {
            throw new MaxPartCountLimitException("Maximum part count limit (" + maxParts + ") exceeded");
        }
        partCount++;
        if (maxDepth > 0 && entities.size() >= maxDepth) {
            throw new MaxNestingDepthLimitException("Maximum nesting depth limit (" + maxDepth + ") exceeded");
        }
    }

    private void checkTotalHeaderLimits() throws MimeException {
        totalHeaderCount++;
        if (maxTotalHeaderCount > 0 && totalHeaderCount > maxTotalHeaderCount) {
            throw new MaxHeaderLimitException("Maximum total header limit (" + maxTotalHeaderCount + ") exceeded");
        }
        if (maxTotalHeaderLen > 0) {
            // mime4j counts a field it holds as name and body strings: their lengths plus 4
            totalHeaderLen += current.fieldName.length() + current.fieldBodyLength() + 4;
            if (totalHeaderLen > maxTotalHeaderLen) {
                throw new MaxHeaderLengthLimitException("Maximum total header length limit (" + maxTotalHeaderLen
                        + ") exceeded");
            }
        }
    }

    /** The current field's lowercase name (state {@link EntityState#T_FIELD}). */
    String fieldName() {
        return current.fieldName;
    }

    /** The current field's body: after the colon and one optional white space, folding kept, CRs removed. */
    String fieldBody() {
        return current.fieldBody();
    }

    /** The current field's body unfolded (line breaks removed) and trimmed, as {@link MimeParser#unfold} makes it. */
    String fieldValue() {
        return current.fieldValue();
    }

    /**
     * Adds the current field to {@code block}, its value (unfolded and its encoded-words decoded, as
     * {@link MimeParser#decodeUnfolded} makes it) to be made from the message's bytes when first asked for.
     */
    void addFieldTo(HeaderBlock block) {
        Entity e = current;
        block.addLater(e.fieldName, e.in.u.a, e.bodyFrom, e.bodyTo);
    }

    /** The value of the field body {@code a[from, to)}: what {@link #addFieldTo} promised. */
    static String fieldValue(byte[] a, int from, int to) {
        int kinds = ByteScan.kinds(a, from, to);
        return MimeParser.decodeUnfolded(unfolded(a, from, to, (kinds & ByteScan.NON_ASCII) == 0,
                (kinds & ByteScan.CR) != 0, (kinds & (ByteScan.CR | ByteScan.LF)) != 0, null));
    }

    /**
     * {@code MimeParser.unfold} of the body {@code b[from, to)}: made straight from the bytes when they are ASCII
     * (one string, no intermediate copy), else from the decoded body.
     */
    static String unfolded(byte[] b, int from, int to, boolean ascii, boolean cr, boolean breaks, byte[] scratch) {
        if (!ascii) {
            return MimeParser.unfold(body(b, from, to, false, cr));
        }
        while (from < to && b[from] <= ' ') { // what String.trim() removes (CR and LF among them)
            from++;
        }
        while (to > from && b[to - 1] <= ' ') {
            to--;
        }
        if (!breaks) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        byte[] out = scratch != null && scratch.length >= to - from ? scratch : new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != '\r' && c != '\n') {
                out[n++] = c;
            }
        }
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** Lowercase type/subtype of the current entity (states T_START_MULTIPART, T_PREAMBLE, T_EPILOGUE, T_BODY). */
    String mimeType() {
        return current.body.mimeType();
    }

    /** The charset parameter, "us-ascii" for text without one, else null. */
    String charset() {
        return current.body.charset();
    }

    /** Lowercase Content-Transfer-Encoding, "7bit" when absent. */
    String transferEncoding() {
        return current.body.transferEncoding();
    }

    /** The boundary of the current multipart, or null. */
    String boundary() {
        return current.body.boundary();
    }

    /** The current preamble, epilogue or body as it stands (no transfer decoding), read lazily. */
    InputStream contentStream() {
        return current.contentStream();
    }

    /**
     * Reads at most {@code max} bytes of the current preamble, epilogue or body as {@link #contentStream()} would
     * give them, without copying: they are {@code [contentOffset(), contentOffset() + n)} of {@link #contentArray()}.
     */
    int readContent(int max) {
        return current.readContent(max);
    }

    byte[] contentArray() {
        return current.contentArray;
    }

    int contentOffset() {
        return current.contentOffset;
    }

    /** The current body with its transfer encoding (base64, quoted-printable) decoded. */
    InputStream decodedContentStream() {
        return decodedStream(current.contentStream(), current.body.transferEncoding());
    }

    private static InputStream decodedStream(InputStream in, String transferEncoding) {
        if ("base64".equalsIgnoreCase(transferEncoding)) {
            return new Base64InputStream(in, DecodeMonitor.SILENT);
        }
        if ("quoted-printable".equalsIgnoreCase(transferEncoding)) {
            return new QuotedPrintableDecoder(in);
        }
        return in;
    }

    // ---- entities: a message or body part, as mime4j's MimeEntity walks it ----

    /** One message or body part: its header fields, then its body, its parts, or the message it holds. */
    final class Entity {
        EntityState state;
        private final EntityState endState;
        private final LineBuffer in;
        private final ContentFields fields;
        Descriptor body;
        /** The parts of a multipart, one boundary stream per part (mime4j's currentMimePartStream). */
        private BoundaryStream parts;
        private BoundaryPattern pattern;
        /** What a reader of the preamble, epilogue or body reads (mime4j's dataStream), and whether it did. */
        private Source data;
        boolean dataEof;
        boolean dataUsed;
        private int lineCount;
        private boolean endOfHeader;
        private int headerCount;
        /** The line read ahead: the first line of the next field (mime4j's linebuf). */
        private int pendingStart;
        private int pendingLen;
        /** The raw field being built: consecutive lines, so one range. */
        private int fieldStart;
        private int fieldLen;
        String fieldName;
        /** The field body's bytes {@code [bodyFrom, bodyTo)}; ASCII or not; how many CRs; its string once made. */
        private int bodyFrom;
        private int bodyTo;
        private boolean bodyAscii;
        private int bodyCrs;
        private boolean bodyBreaks;
        private String fieldBody;

        Entity(LineBuffer in, EntityState startState, EntityState endState, ContentFields fields) {
            this.in = in;
            this.state = startState;
            this.endState = endState;
            this.fields = fields;
            this.data = in;
        }

        Entity advance() throws MimeException {
            switch (state) {
                case T_START_MESSAGE:
                case T_START_BODYPART:
                    state = EntityState.T_START_HEADER;
                    break;
                case T_START_HEADER:
                    fields.reset();
                    // fall through
                case T_FIELD:
                    state = nextField() ? EntityState.T_FIELD : EntityState.T_END_HEADER;
                    break;
                case T_END_HEADER:
                    body = fields.build();
                    if (body.mimeType().startsWith("multipart/")) {
                        state = EntityState.T_START_MULTIPART;
                        clearPartStream();
                    } else if (body.mimeType().equalsIgnoreCase("message/rfc822")) {
                        state = EntityState.T_BODY;
                        return nextMessage();
                    } else {
                        state = EntityState.T_BODY;
                    }
                    break;
                case T_START_MULTIPART:
                    if (dataUsed) {
                        advanceToBoundary();
                        state = EntityState.T_END_MULTIPART;
                        break;
                    }
                    createPartStream();
                    state = EntityState.T_PREAMBLE;
                    if (!parts.isEmptyStream()) {
                        break;
                    }
                    // fall through
                case T_PREAMBLE: {
                    advanceToBoundary();
                    if (!(parts.eof() && !parts.isLastPart()) && !parts.isLastPart()) {
                        clearPartStream();
                        createPartStream();
                        return child(EntityState.T_START_BODYPART, EntityState.T_END_BODYPART, parts);
                    }
                    boolean empty = parts.isFullyConsumed();
                    clearPartStream();
                    state = EntityState.T_EPILOGUE;
                    if (!empty) {
                        break;
                    }
                }
                    // fall through
                case T_EPILOGUE:
                    state = EntityState.T_END_MULTIPART;
                    break;
                case T_BODY:
                case T_END_MULTIPART:
                    state = endState;
                    break;
                default:
                    if (state == endState) {
                        state = EntityState.T_END_OF_STREAM;
                        break;
                    }
                    throw new IllegalStateException("Invalid state: " + state);
            }
            return null;
        }

        private void clearPartStream() {
            parts = null;
            data = in;
            dataEof = false;
            dataUsed = false;
        }

        private void createPartStream() throws MimeException {
            String boundary = body.boundary();
            if (boundary == null) {
                throw new MimeException("Multipart body does not have a valid boundary");
            }
            if (pattern == null || !pattern.boundary.equals(boundary)) {
                pattern = new BoundaryPattern(boundary);
            }
            parts = new BoundaryStream(in, pattern);
            data = parts;
            dataEof = false;
            dataUsed = false;
        }

        /** Reads what is left of the preamble or part (mime4j reads past it, unread). */
        private void advanceToBoundary() {
            if (!dataEof) {
                while (data.read(BUFFER_SIZE) != -1) {
                    // skipped unread
                }
                dataEof = true;
                dataUsed = true;
            }
        }

        private Entity nextMessage() {
            Source src = parts != null ? parts : in;
            String te = body.transferEncoding();
            if ("base64".equalsIgnoreCase(te)) {
                src = new DecodedSource(new Base64InputStream(new SourceStream(src, null), DecodeMonitor.SILENT));
            } else if ("quoted-printable".equalsIgnoreCase(te)) {
                src = new DecodedSource(new QuotedPrintableDecoder(new SourceStream(src, null)));
            }
            return child(EntityState.T_START_MESSAGE, EntityState.T_END_MESSAGE, src);
        }

        private Entity child(EntityState startState, EntityState endState, Source src) {
            LineBuffer childIn = new LineBuffer(src.bytes(), src.position(), src);
            return new Entity(childIn, startState, endState, fields.newChild());
        }

        private byte[] contentArray;
        private int contentOffset;

        int readContent(int max) {
            contentStream(); // checks the state
            int total = 0;
            int first = -1;
            while (total < max) {
                int n = data.read(max - total);
                dataUsed = true;
                dataEof = n == -1;
                if (n == -1) {
                    break;
                }
                if (first == -1 && n > 0) {
                    first = data.start;
                }
                total += n;
            }
            contentArray = data.bytes().a;
            contentOffset = first == -1 ? 0 : first;
            return total;
        }

        InputStream contentStream() {
            switch (state) {
                case T_START_MULTIPART:
                case T_PREAMBLE:
                case T_EPILOGUE:
                case T_BODY:
                    return new SourceStream(data, this);
                default:
                    throw new IllegalStateException("Invalid state: " + state);
            }
        }

        // ---- header fields: mime4j's AbstractEntity.nextField/readRawField with our field builder's rules ----

        private boolean nextField() throws MimeException {
            while (true) {
                if (endOfHeader) {
                    return false;
                }
                if (maxHeaderCount > 0 && headerCount >= maxHeaderCount) {
                    throw new MaxHeaderLimitException("Maximum header limit (" + maxHeaderCount + ") exceeded");
                }
                headerCount++;
                fieldLen = 0;
                readRawField();
                if (buildField()) {
                    if (fieldName.equals("content-type")) {
                        if (fields.wantsContentType()) {
                            // a plain ASCII value is parsed where it lies, without making its string
                            byte[] a = in.u.a;
                            fields.contentType(ContentFields.isSimple(a, bodyFrom, bodyTo)
                                    ? ContentFields.parseSimple(a, bodyFrom, bodyTo)
                                    : ContentFields.parseWithMime4j(fieldBody()));
                        }
                    } else if (fieldName.equals("content-transfer-encoding")) {
                        fields.addField(fieldName, fieldBody());
                    }
                    return true;
                }
                // a malformed line is skipped (lenient parsing)
            }
        }

        /** Reads one field: a line and the lines after it that start with white space. */
        private void readRawField() throws MaxHeaderLengthLimitException {
            while (true) {
                if (pendingLen > 0) {
                    append(pendingStart, pendingLen);
                }
                pendingLen = 0;
                int n = in.readLine();
                if (n == -1) {
                    endOfHeader = true;
                    break;
                }
                pendingStart = in.start;
                pendingLen = n;
                byte[] a = in.u.a;
                int len = n;
                if (len > 0 && a[pendingStart + len - 1] == '\n') {
                    len--;
                }
                if (len > 0 && a[pendingStart + len - 1] == '\r') {
                    len--;
                }
                if (len == 0) {
                    endOfHeader = true;
                    break;
                }
                lineCount++;
                if (lineCount > 1) {
                    int ch = a[pendingStart];
                    if (ch != SP && ch != HT) {
                        break;
                    }
                }
            }
        }

        private void append(int start, int len) throws MaxHeaderLengthLimitException {
            if (maxHeaderLen > 0 && fieldLen + len >= maxHeaderLen) {
                throw new MaxHeaderLengthLimitException("Maximum header length limit (" + maxHeaderLen + ") exceeded");
            }
            if (fieldLen == 0) {
                fieldStart = start;
            }
            fieldLen += len;
        }

        /**
         * The field's name and body, or false for a malformed line: the name is what precedes the first colon,
         * trimmed, printable ASCII without spaces (kept in lowercase); the body is the rest after one optional
         * white space, ASCII as it is and anything else as UTF-8, CRs removed.
         */
        private boolean buildField() {
            byte[] b = in.u.a;
            int s = fieldStart;
            int len = fieldStart + fieldLen;
            if (fieldLen == 0) {
                return false;
            }
            if (len > s && b[len - 1] == '\n') {
                len--;
            }
            if (len > s && b[len - 1] == '\r') {
                len--;
            }
            int colon = ByteScan.indexOf(b, (byte) ':', s, len);
            if (colon < 0) {
                return false;
            }
            int start = s;
            while (start < colon && isWhitespace(b[start])) {
                start++;
            }
            int end = colon;
            while (end > start && isWhitespace(b[end - 1])) {
                end--;
            }
            String name = FieldNames.lowercase(b, start, end);
            if (name == null) {
                return false;
            }
            fieldName = name;
            int off = colon + 1;
            if (len > off + 1 && isWhitespace(b[off])) {
                off++;
            }
            bodyFrom = off;
            bodyTo = len;
            fieldBody = null;
            int kinds = ByteScan.kinds(b, off, len);
            int crs = 0;
            if ((kinds & ByteScan.CR) != 0) {
                for (int i = off; i < len; i++) {
                    crs += b[i] == '\r' ? 1 : 0;
                }
            }
            bodyAscii = (kinds & ByteScan.NON_ASCII) == 0;
            bodyCrs = crs;
            bodyBreaks = (kinds & (ByteScan.CR | ByteScan.LF)) != 0;
            return true;
        }

        String fieldBody() {
            if (fieldBody == null) {
                fieldBody = body(in.u.a, bodyFrom, bodyTo, bodyAscii, bodyCrs > 0);
            }
            return fieldBody;
        }

        /** The body's length in chars (what mime4j counts towards the total header length). */
        int fieldBodyLength() {
            return bodyAscii ? bodyTo - bodyFrom - bodyCrs : fieldBody().length();
        }

        /** Unfolded and trimmed straight from the bytes when they are ASCII: one string, no intermediate copy. */
        String fieldValue() {
            if (bodyAscii && bodyBreaks && scratch.length < bodyTo - bodyFrom) {
                scratch = new byte[Math.max(bodyTo - bodyFrom, scratch.length * 2)];
            }
            return unfolded(in.u.a, bodyFrom, bodyTo, bodyAscii, bodyCrs > 0, bodyBreaks, scratch);
        }
    }

    private static String body(byte[] b, int from, int to, boolean ascii, boolean cr) {
        String body = ascii ? new String(b, from, to - from, StandardCharsets.ISO_8859_1)
                : new String(b, from, to - from, StandardCharsets.UTF_8);
        // mime4j refuses a CR that does not start a line break (header injection); without CRs the body reads the same
        return cr ? body.replace("\r", "") : body;
    }

    /** mime4j's white space: space, tab, CR, LF. */
    static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    // ---- the data: one array per stream of bytes (the message, or a decoded attached message) ----

    /** Bytes that readers address by position; a decoded attached message grows as it is decoded. */
    static final class Bytes {
        byte[] a;
        int count;

        Bytes(byte[] a, int count) {
            this.a = a;
            this.count = count;
        }
    }

    /**
     * Something bytes are read from. Every source hands out the next bytes of its {@link Bytes}: the bytes of one
     * read are at {@code [start, start + n)}, right after those of the previous read.
     */
    abstract static class Source {
        int start;

        /** Reads at most {@code len} bytes; -1 at the end, 0 only when {@code len} is 0. */
        abstract int read(int len);

        /** Where the next read's bytes start. */
        abstract int position();

        abstract Bytes bytes();
    }

    /** The message array, read as a {@code ByteArrayInputStream} reads it. */
    static final class ArraySource extends Source {
        private final Bytes u;
        private int pos;

        ArraySource(Bytes u, int pos) {
            this.u = u;
            this.pos = pos;
        }

        @Override
        int read(int len) {
            if (pos >= u.count) {
                return -1;
            }
            int n = Math.min(len, u.count - pos);
            if (n <= 0) {
                return 0;
            }
            start = pos;
            pos += n;
            return n;
        }

        @Override
        int position() {
            return pos;
        }

        @Override
        Bytes bytes() {
            return u;
        }
    }

    /**
     * Bytes decoded (base64, quoted-printable) from another source, appended to an array of their own. mime4j
     * decoded them as it went; here an attached message is kept whole while it is read, so all of them together
     * may hold at most {@link #decodedBudget} bytes (four times the message and 1 MiB: only attached messages
     * encoded inside encoded attached messages, over and over, reach that).
     */
    final class DecodedSource extends Source {
        private final Bytes u = new Bytes(new byte[BUFFER_SIZE], 0);
        private final InputStream decoder;

        DecodedSource(InputStream decoder) {
            this.decoder = decoder;
        }

        @Override
        int read(int len) {
            if (u.a.length - u.count < len) {
                u.a = java.util.Arrays.copyOf(u.a, (int) Math.min(Integer.MAX_VALUE - 8,
                        Math.max((long) u.count + len, u.a.length * 2L)));
            }
            int n;
            try {
                n = decoder.read(u.a, u.count, len);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (n > 0 && (decodedBudget -= n) < 0) {
                throw new DecodedSizeLimitException("Attached messages decode to more than " + decodedLimit
                        + " bytes");
            }
            if (n > 0) {
                start = u.count;
                u.count += n;
            }
            return n;
        }

        @Override
        int position() {
            return u.count;
        }

        @Override
        Bytes bytes() {
            return u;
        }
    }

    /** A source read as an InputStream (what a decoder or a reader of the body sees): copies only what is read. */
    static final class SourceStream extends InputStream {
        private final Source src;
        private final Entity owner;

        SourceStream(Source src, Entity owner) {
            this.src = src;
            this.owner = owner;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = src.read(len);
            if (n > 0) {
                System.arraycopy(src.bytes().a, src.start, b, off, n);
            }
            if (owner != null) {
                owner.dataEof = n == -1;
                owner.dataUsed = true;
            }
            return n;
        }
    }

    /**
     * mime4j's {@code BufferedLineReaderInputStream}: a read-ahead window {@code [pos, end)} of at most
     * {@code capacity} bytes from {@code origin} (where mime4j's buffer starts after it moved the unread bytes to
     * its front). The window decides what a boundary search sees.
     */
    static final class LineBuffer extends Source {
        final Bytes u;
        final Source src;
        int origin;
        int pos;
        int end;
        int capacity = BUFFER_SIZE;

        LineBuffer(Bytes u, int at, Source src) {
            this.u = u;
            this.origin = at;
            this.pos = at;
            this.end = at;
            this.src = src;
        }

        void ensureCapacity(int n) {
            if (n > capacity) {
                capacity = n;
            }
        }

        boolean hasBufferedData() {
            return end > pos;
        }

        /** Moves the unread bytes to the front and reads what fits behind them; -1 at the end of the source. */
        int fill() {
            if (pos > origin) {
                origin = pos;
            }
            int n = src.read(capacity - (end - origin));
            if (n == -1) {
                return -1;
            }
            end += n;
            return n;
        }

        @Override
        int read(int len) {
            while (pos == end) {
                if (fill() == -1) {
                    return -1;
                }
            }
            int n = Math.min(end - pos, len);
            start = pos;
            pos += n;
            return n;
        }

        /** The next line, '\n' included, starting at {@code start}: its length, or -1 at the end. */
        int readLine() {
            int from = pos;
            int total = 0;
            int bytesRead = 0;
            boolean found = false;
            while (!found) {
                if (pos == end) {
                    bytesRead = fill();
                    if (bytesRead == -1) {
                        break;
                    }
                }
                int e = end;
                int i = ByteScan.indexOf(u.a, (byte) '\n', pos, e);
                int chunk;
                if (i >= 0) {
                    found = true;
                    chunk = i + 1 - pos;
                } else {
                    chunk = e - pos;
                }
                pos += chunk;
                total += chunk;
            }
            start = from;
            return total == 0 && bytesRead == -1 ? -1 : total;
        }

        int skip(int n) {
            int k = Math.min(n, end - pos);
            pos += k;
            return k;
        }

        @Override
        int position() {
            return pos;
        }

        /** mime4j's byteAt(): a position outside the window is an error there. */
        int byteAt(int i) {
            if (i < pos || i > end) {
                throw new IndexOutOfBoundsException("looking for " + (i - origin) + " in " + (pos - origin) + "/"
                        + (end - origin));
            }
            return u.a[i] & 0xff;
        }

        @Override
        Bytes bytes() {
            return u;
        }
    }

    /** A multipart's boundary as bytes ("--" and the boundary, as mime4j casts its chars), ready for searching. */
    static final class BoundaryPattern {
        final String boundary;
        final byte[] bytes;
        /** '\n' and the bytes: what a boundary line looks like after the line before it. */
        final byte[] afterNewline;
        /** Horspool's shift per byte value, at most 255 (a shorter shift than possible is still safe). */
        final byte[] shift = new byte[256];

        BoundaryPattern(String boundary) {
            this.boundary = boundary;
            bytes = new byte[boundary.length() + 2];
            bytes[0] = '-';
            bytes[1] = '-';
            for (int i = 0; i < boundary.length(); i++) {
                bytes[i + 2] = (byte) boundary.charAt(i);
            }
            afterNewline = new byte[bytes.length + 1];
            afterNewline[0] = '\n';
            System.arraycopy(bytes, 0, afterNewline, 1, bytes.length);
            int qm = afterNewline.length;
            java.util.Arrays.fill(shift, (byte) Math.min(qm, 255));
            for (int k = 0; k < qm - 1; k++) {
                shift[afterNewline[k] & 0xff] = (byte) Math.min(qm - 1 - k, 255);
            }
        }
    }

    /**
     * mime4j's {@code MimeBoundaryInputStream} (lenient): the bytes of a buffer up to the next line starting with
     * "--" and the boundary, followed by white space, "--" or the end of the window; a boundary string at the start
     * of the window counts wherever it is. Bytes near the window's end are held back until the next read shows
     * whether they start a boundary.
     */
    static final class BoundaryStream extends Source {
        private final LineBuffer buf;
        private final BoundaryPattern pattern;
        private final byte[] boundary;
        private boolean eof;
        private int limit = -1;
        private boolean atBoundary;
        private int boundaryLen;
        private boolean lastPart;
        private boolean completed;
        private int initialLength = -1;

        BoundaryStream(LineBuffer buf, BoundaryPattern pattern) {
            buf.ensureCapacity(Math.max(BUFFER_SIZE, 2 * (pattern.bytes.length - 2)));
            this.buf = buf;
            this.pattern = pattern;
            this.boundary = pattern.bytes;
            fillBuffer();
        }

        private boolean readAllowed() {
            if (completed) {
                return false;
            }
            if ((eof || atBoundary) && !hasData()) {
                skipBoundary();
                return false;
            }
            return true;
        }

        @Override
        int read(int len) {
            while (true) {
                if (!readAllowed()) {
                    return -1;
                }
                if (hasData()) {
                    int chunk = Math.min(len, limit - buf.pos);
                    int n = buf.read(chunk);
                    start = buf.start;
                    return n;
                }
                fillBuffer();
            }
        }

        @Override
        Bytes bytes() {
            return buf.u;
        }

        @Override
        int position() {
            return buf.pos;
        }

        private boolean hasData() {
            return limit > buf.pos && limit <= buf.end;
        }

        private int fillBuffer() {
            if (eof) {
                return -1;
            }
            int bytesRead;
            if (!hasData()) {
                bytesRead = buf.fill();
                if (bytesRead == -1) {
                    eof = true;
                }
            } else {
                bytesRead = 0;
            }
            int i = findBoundary();
            if (i != -1) {
                limit = i;
                atBoundary = true;
                calculateBoundaryLen();
            } else if (eof) {
                limit = buf.end;
            } else {
                int k = buf.end - (boundary.length + 3);
                if (k >= buf.origin && buf.byteAt(k) == '\r') {
                    limit = k;
                } else {
                    limit = buf.end - (boundary.length + 2);
                }
            }
            return bytesRead;
        }

        /**
         * The first boundary in the window: at the window's start or after a '\n', and followed by white space,
         * "--" or the end of the window. mime4j tries every occurrence and skips past a rejected one; a boundary
         * holds no '\n' (unless a character's low byte is 10, which only hostile input has), so no line start is
         * skipped that way and trying the window's start and each line start finds the same one.
         */
        private int findBoundary() {
            byte[] a = buf.u.a;
            byte[] b = boundary;
            int m = b.length;
            int p = buf.pos;
            int e = buf.end;
            if (e - p >= m && a[p] == b[0] && matches(a, p, b) && followedRight(a, p + m, e)) {
                return p; // the window's start counts wherever it is
            }
            // "\n--boundary" by Horspool's skip search (most bytes are never looked at), but only for as many
            // comparisons as a plain scan would make: past that, hostile text gets the linear scan.
            byte[] q = pattern.afterNewline;
            byte[] shift = pattern.shift;
            int qm = q.length;
            int last = e - qm;
            long budget = 2L * (e - p) + 64;
            int j = p;
            while (j <= last) {
                int k = qm - 1;
                while (k >= 0 && a[j + k] == q[k]) {
                    k--;
                }
                budget -= qm - k;
                if (k < 0) {
                    if (followedRight(a, j + qm, e)) {
                        return j + 1;
                    }
                    j++;
                } else {
                    j += shift[a[j + qm - 1] & 0xff] & 0xff;
                }
                if (budget < 0) {
                    return scanLines(j, last, e);
                }
            }
            return -1;
        }

        /** The first "\n--boundary" at or after {@code j} that is followed right, by a plain scan of line starts. */
        private int scanLines(int j, int last, int e) {
            byte[] a = buf.u.a;
            byte[] b = boundary;
            for (int x = j; x <= last; x++) {
                if (a[x] == '\n' && a[x + 1] == b[0] && matches(a, x + 1, b) && followedRight(a, x + 1 + b.length, e)) {
                    return x + 1;
                }
            }
            return -1;
        }

        private static boolean matches(byte[] a, int at, byte[] b) {
            for (int k = 1; k < b.length; k++) {
                if (a[at + k] != b[k]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean followedRight(byte[] a, int after, int end) {
            int remaining = end - after;
            if (remaining <= 0) {
                return true;
            }
            int c = a[after] & 0xff;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                return true;
            }
            return c == '-' && remaining > 1 && a[after + 1] == '-';
        }

        private void calculateBoundaryLen() {
            boundaryLen = boundary.length;
            int len = limit - buf.pos;
            if (len >= 0 && initialLength == -1) {
                initialLength = len;
            }
            if (len > 0 && buf.byteAt(limit - 1) == '\n') {
                boundaryLen++;
                limit--;
            }
            if (len > 1 && buf.byteAt(limit - 1) == '\r') {
                boundaryLen++;
                limit--;
            }
        }

        private void skipBoundary() {
            if (completed) {
                return;
            }
            completed = true;
            buf.skip(boundaryLen);
            boolean checkForLastPart = true;
            while (true) {
                if (buf.end - buf.pos > 1) {
                    int ch1 = buf.byteAt(buf.pos);
                    int ch2 = buf.byteAt(buf.pos + 1);
                    if (checkForLastPart && ch1 == '-' && ch2 == '-') {
                        lastPart = true;
                        buf.skip(2);
                        checkForLastPart = false;
                        continue;
                    }
                    if (ch1 == '\r' && ch2 == '\n') {
                        buf.skip(2);
                        break;
                    } else if (ch1 == '\n') {
                        buf.skip(1);
                        break;
                    } else {
                        buf.skip(1);
                    }
                } else {
                    if (eof) {
                        break;
                    }
                    fillBuffer();
                }
            }
        }

        boolean isEmptyStream() {
            return initialLength == 0;
        }

        boolean isFullyConsumed() {
            return completed && !buf.hasBufferedData();
        }

        boolean isLastPart() {
            return lastPart;
        }

        boolean eof() {
            return eof && !buf.hasBufferedData();
        }
    }

    /**
     * Field names as lowercase strings, the few hundred seen again and again (Received, Content-Type, ...) shared
     * rather than made anew for every field. Shared by all threads without locks: a slot holds a complete entry
     * or an older one, and a lost update only costs a string. A name is checked, hashed and compared eight bytes
     * at a time: every header field of every message passes here.
     */
    static final class FieldNames {
        private static final int SLOT_BITS = 10;
        private static final int SLOTS = 1 << SLOT_BITS;
        private static final int MAX_CACHED = 40;
        private static final long ONES = 0x0101010101010101L;
        private static final long HIGHS = 0x8080808080808080L;
        /** Each slot: an entry of final fields, so never half a one. */
        private static final Entry[] CACHE = new Entry[SLOTS];

        /**
         * A name, its length and its words (see {@link #lowercase(byte[], int, int)}): the first and last in the
         * entry itself, so that a look-up of a name of up to 16 bytes reads one object, the others apart.
         */
        private record Entry(long first, long last, int length, long[] middle, String name) {
            static Entry of(String name) {
                long[] words = words(name);
                return new Entry(words[0], words[words.length - 1], name.length(),
                        words.length > 2 ? Arrays.copyOfRange(words, 1, words.length - 1) : NO_WORDS, name);
            }
        }

        private static final long[] NO_WORDS = {};

        private FieldNames() {
        }

        /**
         * The name {@code b[start, end)} in lowercase, or null when it is not a field name: a byte outside
         * printable ASCII (33 to 126).
         */
        static String lowercase(byte[] b, int start, int end) {
            int len = end - start;
            if (len == 0 || len > MAX_CACHED || start + 8 > b.length) {
                return checkedName(b, start, end);
            }
            // the words: 8 bytes from start on, the last one ending at end (overlapping the one before it);
            // a name shorter than 8 is one word, its bytes past the name zero
            int count = len < 8 ? 1 : (len + 7) >>> 3;
            long lanes = len < 8 ? (1L << (len << 3)) - 1 : -1L;
            long first = ByteScan.longAt(b, start) & lanes;
            long last = len <= 8 ? first : ByteScan.longAt(b, end - 8);
            if (!printable(first, lanes) || len > 8 && !printable(last, -1L)) {
                return null;
            }
            first = lowercase(first);
            last = lowercase(last);
            long h = (first * 0x9E3779B97F4A7C15L ^ last) * 0xC2B2AE3D27D4EB4FL + len;
            int slot = (int) (h >>> (64 - SLOT_BITS));
            Entry entry = CACHE[slot];
            boolean same = entry != null && entry.first == first && entry.last == last && entry.length == len;
            for (int k = 1; k < count - 1; k++) {
                long w = ByteScan.longAt(b, start + 8 * k);
                if (!printable(w, -1L)) {
                    return null;
                }
                same = same && entry.middle[k - 1] == lowercase(w);
            }
            if (same) {
                return entry.name;
            }
            String name = checkedName(b, start, end); // printable, checked above
            CACHE[slot] = Entry.of(name);
            return name;
        }

        /** True when the bytes of {@code w} in {@code lanes} are printable ASCII (the others are zero). */
        private static boolean printable(long w, long lanes) {
            if ((w & HIGHS) != 0) {
                return false;
            }
            // with no byte of 0x80 or more nothing carries: a byte plus 95 reaches 0x80 from 33 on, plus 1 at 127
            long below33 = ~(w + 0x5F * ONES) & lanes & HIGHS;
            long del = (w + ONES) & HIGHS;
            return (below33 | del) == 0;
        }

        /** The ASCII bytes of {@code w} in lowercase: 0x20 added to those from 'A' to 'Z'. */
        private static long lowercase(long w) {
            long upper = (w + 0x3F * ONES) & ~(w + 0x25 * ONES) & HIGHS;
            return w | (upper >>> 2);
        }

        /** The words of a lowercase name as {@link #lowercase(byte[], int, int)} reads them from the message. */
        private static long[] words(String name) {
            byte[] lower = name.getBytes(StandardCharsets.ISO_8859_1);
            int len = lower.length;
            if (len < 8) {
                byte[] padded = java.util.Arrays.copyOf(lower, 8);
                return new long[] {ByteScan.longAt(padded, 0)};
            }
            long[] words = new long[(len + 7) >>> 3];
            for (int k = 0; k < words.length - 1; k++) {
                words[k] = ByteScan.longAt(lower, 8 * k);
            }
            words[words.length - 1] = ByteScan.longAt(lower, len - 8);
            return words;
        }

        /** The name in lowercase, or null when a byte is not printable ASCII. */
        private static String checkedName(byte[] b, int start, int end) {
            boolean upper = false;
            for (int i = start; i < end; i++) {
                byte c = b[i];
                if (c < 33 || c > 126) {
                    return null;
                }
                upper |= c >= 'A' && c <= 'Z';
            }
            if (!upper) {
                return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
            }
            byte[] lower = java.util.Arrays.copyOfRange(b, start, end);
            for (int k = 0; k < lower.length; k++) {
                if (lower[k] >= 'A' && lower[k] <= 'Z') {
                    lower[k] += 32;
                }
            }
            return new String(lower, StandardCharsets.ISO_8859_1);
        }
    }
}
