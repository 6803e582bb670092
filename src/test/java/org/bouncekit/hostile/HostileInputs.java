package org.bouncekit.hostile;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Random;

/**
 * Hostile and broken messages, generated in memory so that nothing large is committed. Every builder is
 * deterministic (fixed seeds), so a failure reproduces. Shared by the hostile suite and the fuzz tests.
 */
final class HostileInputs {
    static final String REPORTING_MTA = "Reporting-MTA: dns; mx.bounce.example.net\n"
            + "Arrival-Date: Tue, 12 Mar 2024 10:15:01 +0100\n";
    static final String RETURNED = "From: Sender <sender@example.org>\n"
            + "To: Alice <alice@example.com>\n"
            + "Subject: Spring offers\n"
            + "Message-ID: <orig-1@example.org>\n"
            + "\n"
            + "Hello Alice.\n";

    private HostileInputs() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(UTF_8);
    }

    static byte[] latin1(String s) {
        return s.getBytes(ISO_8859_1);
    }

    /** The headers of a bounce from the mailer daemon, without the Content-Type line. */
    static String bounceHeaders() {
        return "From: Mail Delivery System <MAILER-DAEMON@mx.bounce.example.net>\n"
                + "To: sender@example.org\n"
                + "Subject: Undelivered Mail Returned to Sender\n"
                + "Message-ID: <dsn-1@mx.bounce.example.net>\n"
                + "Date: Tue, 12 Mar 2024 10:15:03 +0100\n"
                + "MIME-Version: 1.0\n";
    }

    /** One DSN recipient group. */
    static String group(String recipient, String status, String diagnostic) {
        return "Final-Recipient: rfc822; " + recipient + "\n"
                + "Action: failed\n"
                + "Status: " + status + "\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\n";
    }

    /** A multipart/report DSN with a prose part, a delivery-status part and a returned message. */
    static String dsn(String boundary, String prose, String deliveryStatus, String returned) {
        return bounceHeaders()
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"\n"
                + "\n"
                + "This is a MIME-encapsulated message.\n"
                + "\n--" + boundary + "\n"
                + "Content-Type: text/plain; charset=us-ascii\n"
                + "\n"
                + prose + "\n"
                + "\n--" + boundary + "\n"
                + "Content-Type: message/delivery-status\n"
                + "\n"
                + deliveryStatus + "\n"
                + "\n--" + boundary + "\n"
                + "Content-Type: message/rfc822\n"
                + "\n"
                + returned + "\n"
                + "\n--" + boundary + "--\n";
    }

    /** An ordinary one-recipient DSN whose delivery-status holds {@code groups}. */
    static String dsnWith(String groups) {
        return dsn("b0undary", "Your message could not be delivered.", REPORTING_MTA + "\n" + groups, RETURNED);
    }

    /** A DSN for alice@example.com with the given status and diagnostic. */
    static String dsnFor(String status, String diagnostic) {
        return dsnWith(group("alice@example.com", status, diagnostic));
    }

    static String nestedReusingParentBoundary() {
        String b = "same";
        String inner = "Content-Type: multipart/mixed; boundary=\"" + b + "\"\n\n"
                + "--" + b + "\nContent-Type: text/plain\n\ninner text\n"
                + "--" + b + "--\n";
        String returned = "From: sender@example.org\nTo: alice@example.com\nSubject: hi\nMIME-Version: 1.0\n" + inner;
        return bounceHeaders() + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + b + "\"\n\n"
                + "--" + b + "\nContent-Type: text/plain\n\nDelivery failed.\n"
                + "--" + b + "\nContent-Type: message/delivery-status\n\n" + REPORTING_MTA + "\n"
                + group("alice@example.com", "5.1.1", "550 5.1.1 user unknown") + "\n"
                + "--" + b + "\nContent-Type: message/rfc822\n\n" + returned
                + "--" + b + "\nContent-Type: multipart/mixed; boundary=\"" + b + "\"\n\n"
                + "--" + b + "\nContent-Type: multipart/mixed; boundary=\"" + b + "\"\n\n"
                + "--" + b + "--\n";
    }

    static String unterminatedBoundary() {
        String full = dsnFor("5.1.1", "550 5.1.1 user unknown");
        // Cut inside the returned message: no closing delimiter, no final newline.
        return full.substring(0, full.indexOf("Subject: Spring") + 12);
    }

    static String boundaryNeverPresent() {
        return bounceHeaders() + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"nowhere\"\n\n"
                + "The following address failed:\n\n  alice@example.com\n    550 5.1.1 user unknown\n\n"
                + REPORTING_MTA + "\n" + group("alice@example.com", "5.1.1", "550 5.1.1 user unknown");
    }

    static String manyParts(int parts) {
        StringBuilder sb = new StringBuilder(bounceHeaders()).append("Content-Type: multipart/mixed; boundary=\"p\"\n\n");
        for (int i = 0; i < parts; i++) {
            sb.append("--p\nContent-Type: text/plain\n\npart ").append(i).append('\n');
        }
        return sb.append("--p--\n").toString();
    }

    static String nestedMultiparts(int depth) {
        StringBuilder head = new StringBuilder(bounceHeaders());
        StringBuilder tail = new StringBuilder();
        head.append("Content-Type: multipart/mixed; boundary=\"n0\"\n\n");
        for (int i = 0; i < depth; i++) {
            head.append("--n").append(i).append("\nContent-Type: multipart/mixed; boundary=\"n").append(i + 1).append("\"\n\n");
            tail.insert(0, "--n" + i + "--\n");
        }
        head.append("--n").append(depth).append("\nContent-Type: text/plain\n\n550 5.1.1 alice@example.com: user unknown\n")
                .append("--n").append(depth).append("--\n");
        return head.append(tail).toString();
    }

    static String nestedMessages(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append("From: MAILER-DAEMON@hop").append(i).append(".example.net\nSubject: Returned mail ").append(i)
                    .append("\nMIME-Version: 1.0\nContent-Type: message/rfc822\n\n");
        }
        return sb.append(RETURNED).toString();
    }

    static String longHeaderLine(int bytes) {
        return bounceHeaders().replace("Subject: Undelivered Mail Returned to Sender",
                "Subject: Undelivered " + "x".repeat(bytes))
                + "Content-Type: text/plain\n\n550 5.1.1 <alice@example.com>: user unknown\n";
    }

    static String manyHeaderLines(int lines) {
        StringBuilder sb = new StringBuilder(bounceHeaders());
        for (int i = 0; i < lines; i++) {
            sb.append("X-Trace-").append(i).append(": hop ").append(i).append('\n');
        }
        return sb.append("Content-Type: text/plain\n\n550 5.1.1 <alice@example.com>: user unknown\n").toString();
    }

    static String manyFoldedLines(int lines) {
        StringBuilder sb = new StringBuilder(bounceHeaders()).append("X-Folded: start\n");
        for (int i = 0; i < lines; i++) {
            sb.append(" continued ").append(i).append('\n');
        }
        return sb.append("Content-Type: text/plain\n\n550 5.1.1 <alice@example.com>: user unknown\n").toString();
    }

    /** Headers and delivery status of a DSN whose returned message carries a base64 attachment of {@code bytes}. */
    static String[] bigAttachmentFrame() {
        String head = bounceHeaders()
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"outer\"\n\n"
                + "--outer\nContent-Type: text/plain\n\nYour message was too big.\n"
                + "--outer\nContent-Type: message/delivery-status\n\n" + REPORTING_MTA + "\n"
                + group("alice@example.com", "5.3.4", "552 5.3.4 message size exceeds fixed limit") + "\n"
                + "--outer\nContent-Type: message/rfc822\n\n"
                + "From: sender@example.org\nTo: alice@example.com\nSubject: big\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"inner\"\n\n"
                + "--inner\nContent-Type: text/plain\n\nsee attachment\n"
                + "--inner\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n";
        String tail = "\n--inner--\n\n--outer--\n";
        return new String[] {head, tail};
    }

    /** A stream of a DSN with a base64 attachment of {@code rawBytes} bytes, generated as it is read. */
    static InputStream bigAttachmentStream(long rawBytes) {
        String[] frame = bigAttachmentFrame();
        return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(utf8(frame[0])),
                new Base64Lines(rawBytes)), new ByteArrayInputStream(utf8(frame[1])));
    }

    static byte[] bigAttachment(long rawBytes) {
        try (InputStream in = bigAttachmentStream(rawBytes)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String invalidBase64() {
        return bounceHeaders() + "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n"
                + "NTUwIDUuMS4xIDxhbGljZUBleGFtcGxlLmNvbT46IHVzZXIgdW5rbm93bgo=!!!*&^%$#@\n"
                + "====\n=A=B=C\nNTUw\u00e9\u00e8IDUu===MS4x\nnot base64 at all\n";
    }

    static String invalidQuotedPrintable() {
        return bounceHeaders() + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "550 5.1.1 <alice@example.com>: user =ZZunknown =\n=4\n=\n=3D=3=\n" + "=".repeat(5000) + "\n=C3=\n";
    }

    static String unknownCharsets() {
        return dsn("cs", "Delivery failed =?x-no-such-charset?B?w6k=?= =?utf-8?Q?=ZZ?= =??=",
                REPORTING_MTA + "\n" + group("alice@example.com", "5.1.1", "550 5.1.1 user unknown"), RETURNED)
                .replace("text/plain; charset=us-ascii", "text/plain; charset=x-no-such-charset")
                .replace("Subject: Undelivered Mail Returned to Sender",
                        "Subject: =?x-bogus?B?SGVsbG8=?= =?utf-8?B?!!!?= =?../../etc/passwd?Q?x?= =?UTF-7?Q?+AGE-?=");
    }

    static String invalidCharsetNames() {
        return bounceHeaders() + "Content-Type: multipart/mixed; boundary=\"c\"\n\n"
                + "--c\nContent-Type: text/plain; charset=\"utf-8\u0000evil\"\n\n550 5.1.1 <alice@example.com> unknown\n"
                + "--c\nContent-Type: text/plain; charset=\"\"\n\nempty\n"
                + "--c\nContent-Type: text/plain; charset=\"=?\"\n\nodd\n"
                + "--c\nContent-Type: text/plain; charset=\"ISO-8859-1\\\"; x\"\n\nodd\n"
                + "--c\nContent-Type: text/plain; charset*=utf-8''%FF%FE\n\nrfc 2231\n"
                + "--c--\n";
    }

    static String longCharsetName(int length) {
        String name = "x".repeat(length);
        return bounceHeaders().replace("Subject: Undelivered Mail Returned to Sender",
                "Subject: =?" + name + "?Q?hello?=")
                + "Content-Type: text/plain; charset=\"" + name + "\"\n\n550 5.1.1 <alice@example.com>: user unknown\n";
    }

    static byte[] nulBytes() {
        byte[] dsn = utf8(dsnFor("5.1.1", "550 5.1.1 user\0 unknown\0\0"));
        byte[] out = new byte[dsn.length + 4096];
        System.arraycopy(dsn, 0, out, 0, dsn.length);
        return out; // 4 KB of NULs after the message
    }

    static byte[] binaryGarbage(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] garbageAfterHeaders(int length) {
        byte[] head = utf8(bounceHeaders() + "Content-Type: text/plain\n\n");
        byte[] junk = binaryGarbage(length, 7);
        byte[] out = new byte[head.length + junk.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(junk, 0, out, head.length, junk.length);
        return out;
    }

    static String mixedLineEndings() {
        String lf = dsnFor("5.1.1", "550 5.1.1 <alice@example.com>: user unknown");
        String[] eols = {"\r\n", "\n", "\r\n", "\r"};
        StringBuilder sb = new StringBuilder();
        String[] lines = lf.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            sb.append(lines[i]);
            if (i < lines.length - 1) {
                sb.append(eols[i % eols.length]);
            }
        }
        return sb.toString();
    }

    static String manyRecipients(int count, boolean withDiagnostics) {
        StringBuilder groups = new StringBuilder();
        StringBuilder prose = new StringBuilder("Delivery to the following recipients failed:\n\n");
        for (int i = 0; i < count; i++) {
            String a = "user" + i + "@example.com";
            if (withDiagnostics) {
                groups.append(group(a, "5.1.1", "550 5.1.1 user unknown")).append('\n');
            } else {
                groups.append("Final-Recipient: rfc822; ").append(a).append("\nAction: failed\nStatus: 5.0.0\n\n");
            }
            prose.append("  ").append(a).append("\n");
        }
        return dsn("many", prose.toString(), REPORTING_MTA + "\n" + groups, RETURNED);
    }

    static String malformedStatusFields() {
        String ds = REPORTING_MTA + "Reporting-MTA: dns; second.example.net\n\n"
                + "Final-Recipient:\nAction:\nStatus:\n\n"
                + "Final-Recipient: rfc822;\nAction: failed\n\n"
                + "Final-Recipient: rfc822; alice@example.com\nFinal-Recipient: rfc822; bob@example.com\n"
                + "Action: failed\nAction: delayed\nStatus: 5.1.1\nStatus: 4.4.1\n"
                + "Diagnostic-Code: smtp; 550 one\nDiagnostic-Code: smtp; 451 two\n\n"
                + "Action: failed\nStatus: 5.1.1\n\n"
                + "no colon at all here\n: empty name\n" + "n".repeat(5000) + ": long name\n"
                + "Final-Recipient rfc822 carol@example.com\n"
                + "Final-Recipient: rfc822; dave@example.com\nStatus: 5.1.1 (extra) 5.2.2\nAction: FAILED (permanent)\n"
                + "Diagnostic-Code: smtp; 550\n" + " folded\n".repeat(20000) + "\n"
                + "\n".repeat(50000)
                + "Final-Recipient: rfc822; erin@example.com\n";
        return dsn("mal", "Delivery failed.", ds, RETURNED);
    }

    static String missingStatusFields() {
        return dsn("miss", "Delivery failed.", "\n\n", RETURNED);
    }

    static String blankLineFlood(int lines) {
        return dsn("blank", "Delivery failed.", REPORTING_MTA + "\n".repeat(lines)
                + group("alice@example.com", "5.1.1", "550 5.1.1 user unknown") + "\n".repeat(lines), RETURNED);
    }

    /** Diagnostic text with CSI, OSC (title and hyperlink), 8-bit CSI, bidi override, backspaces and CR. */
    static final String ESCAPES = "550 5.1.1 \u001b[2J\u001b[H\u001b]0;owned\u0007\u001b]8;;http://evil.example/\u001b\\click"
            + "\u001b]8;;\u001b\\ \u009b31m red \u202eevil\u202c \b\b\bover \rCR \u0000nul \u007fdel \u0085nel \u001bcreset"
            + " \u001bP dcs unterminated";

    static String terminalEscapes() {
        return dsn("esc", "Delivery failed: " + ESCAPES, REPORTING_MTA + "\n"
                + group("alice@example.com", "5.1.1", ESCAPES), RETURNED)
                .replace("Subject: Undelivered Mail Returned to Sender", "Subject: =?utf-8?Q?=1B]0;title=07_=1B[31m?=");
    }

    static String formulaDiagnostics() {
        StringBuilder groups = new StringBuilder();
        String[] starts = {"=HYPERLINK(\"http://attacker.example\",\"click\")", "+SUM(1,2)", "-2+3", "@SUM(A1)",
            "\t=1+1", "\r=1+1"};
        for (int i = 0; i < starts.length; i++) {
            groups.append("Final-Recipient: rfc822; user").append(i).append("@example.com\nAction: failed\nStatus: 5.1.1\n")
                    .append("Diagnostic-Code: ").append(starts[i]).append("\n\n");
        }
        return dsn("formula", "Delivery failed.", REPORTING_MTA + "\n" + groups, RETURNED);
    }

    static String longAddresses(int length) {
        String longLocal = "a".repeat(length) + "@example.com";
        String longDomain = "bob@" + "d".repeat(length) + ".example.com";
        return dsnWith(group(longLocal, "5.1.1", "550 5.1.1 " + longLocal + " unknown") + "\n"
                + group(longDomain, "5.1.2", "550 5.1.2 host not found") + "\n"
                + group("carol@example.com", "5.1.1", "550 5.1.1 <" + "<".repeat(length) + " unknown"));
    }

    static String oddAddresses() {
        return dsnWith(group("\"john doe\"@example.com", "5.1.1", "550 5.1.1 \"john doe\"@example.com unknown") + "\n"
                + group("john(comment)@example.com", "5.1.1", "550 5.1.1 unknown") + "\n"
                + group("<alice@b\u00fccher.example>", "5.1.1", "550 5.1.1 unknown") + "\n"
                + "Final-Recipient: utf-8; \u00fc\u00f1\u00ee@\u4f8b\u3048.jp\nAction: failed\nStatus: 5.1.1\n\n"
                + group("\"a\\\"b@c\"@example.com", "5.1.1", "550 unknown") + "\n"
                + group("x@[192.0.2.1]", "5.1.1", "550 unknown") + "\n"
                + group("\u0130STANBUL@example.com", "5.1.1", "550 5.1.1 \u0130\u0130\u0130 unknown \u0130 <\u0130@example.com>"));
    }

    /** A DSN returning a DSN returning a DSN returning the original message. */
    static String bounceOfBounceOfBounce() {
        String innermost = dsn("lvl3", "Delivery failed.", REPORTING_MTA + "\n"
                + group("alice@example.com", "5.1.1", "550 5.1.1 user unknown"), RETURNED);
        String middle = dsn("lvl2", "Delivery failed.", REPORTING_MTA + "\n"
                + group("sender@example.org", "5.2.2", "552 5.2.2 mailbox full"), innermost);
        return dsn("lvl1", "Delivery failed.", REPORTING_MTA + "\n"
                + group("postmaster@example.org", "5.7.1", "550 5.7.1 rejected"), middle);
    }

    /** A prose bounce with U+0130 (lowercases to two chars) before its markers. */
    static String dottedCapitalI(int count) {
        return "From: postmaster@mx.bounce.example.net\nTo: sender@example.org\nSubject: failure notice\n"
                + "Content-Type: text/plain; charset=utf-8\n\n" + "\u0130".repeat(count)
                + "\nYour message could not be delivered to the following address:\n\n"
                + "<alice@example.com>: 550 5.1.1 user unknown\n";
    }

    /** U+0130 (by an encoded-word) in a Content-Type parameter before report-type. */
    static String dottedCapitalIInContentType(int count) {
        return dsnFor("5.1.1", "550 5.1.1 user unknown").replace("multipart/report; report-type=",
                "multipart/report; x-note=\"=?utf-8?Q?" + "=C4=B0".repeat(count) + "?=\"; report-type=");
    }

    static String htmlAmpersands(int count) {
        return bounceHeaders() + "Content-Type: text/html\n\n<p>550 5.1.1 alice@example.com unknown</p>"
                + "&".repeat(count) + ";\n";
    }

    static String encodedWordFlood(int count) {
        return bounceHeaders().replace("Subject: Undelivered Mail Returned to Sender", "Subject: " + "=?".repeat(count))
                + "Content-Type: text/plain\n\n550 5.1.1 <alice@example.com>: user unknown\n";
    }

    static String proseLines(int count) {
        return bounceHeaders() + "Content-Type: text/plain\n\nThe following address failed:\n\n"
                + "x\n".repeat(count) + "alice@example.com\n";
    }

    static String bracketsAndAts() {
        return bounceHeaders() + "Content-Type: text/plain\n\nThe following address failed:\n\n550 5.1.1 "
                + "<".repeat(100_000) + "@".repeat(100_000) + " \"@\"@ ".repeat(10_000) + "\n";
    }

    /** Raw base64 of deterministic bytes, 76 characters a line, produced as it is read. */
    private static final class Base64Lines extends InputStream {
        private static final byte[] ALPHABET = utf8("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
        private final long total;
        private long produced;

        Base64Lines(long rawBytes) {
            long chars = (rawBytes + 2) / 3 * 4;
            this.total = chars + chars / 76;
        }

        @Override
        public int read() {
            if (produced >= total) {
                return -1;
            }
            long i = produced++;
            return i % 77 == 76 ? '\n' : ALPHABET[(int) ((i * 31 + (i >>> 7)) & 63)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (produced >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - produced);
            for (int k = 0; k < n; k++) {
                b[off + k] = (byte) read();
            }
            return n;
        }
    }
}
