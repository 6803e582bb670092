package org.bouncekit.output;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncekit.BounceClass;
import org.bouncekit.BounceReport;
import org.bouncekit.Decision;
import org.bouncekit.Evidence;
import org.bouncekit.MessageKind;
import org.bouncekit.OriginalMessage;
import org.bouncekit.Reason;
import org.bouncekit.Verdict;

/** Hand-built reports covering every kind, for the output tests and their golden files. */
final class SampleReports {
    /** One message as a writer receives it. */
    record Item(String source, int index, BounceReport report) {
    }

    static final String MBOX = "samples/bounces.mbox";
    static final String CAMPAIGN_HEADER = "X-Campaign-Id";

    /** ESC, OSC 8 hyperlink, CR overwrite, SGR colour, RLO, line separator, NUL: all in one diagnostic. */
    static final String HOSTILE_DIAGNOSTIC = "550 user unknown\r\u001b]8;;http://evil.example/\u0007click here"
            + "\u001b]8;;\u0007 \u001b[31mRED\u001b[0m \u202Etxt.exe\u2028next line\u0000\u001b[2J";

    private SampleReports() {
    }

    /** Renders {@code items} in {@code format} as the CLI would, closing the writer. */
    static String render(OutputFormat format, OutputOptions options, List<Item> items) {
        StringWriter out = new StringWriter();
        try (ResultWriter writer = ResultWriters.create(format, out, options)) {
            for (Item item : items) {
                writer.write(item.source(), item.index(), item.report());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Realistic reports, tricky for CSV (quotes, commas, newlines, a leading minus) but without escapes. */
    static List<Item> benign() {
        List<Item> items = new ArrayList<>();
        items.add(new Item(MBOX, 0, userUnknown()));
        items.add(new Item(MBOX, 1, twoRecipients()));
        items.add(new Item(MBOX, 2, delay()));
        items.add(new Item(MBOX, 3, autoReply()));
        items.add(new Item(MBOX, 4, feedback()));
        items.add(new Item(MBOX, 5, notBounce()));
        items.add(new Item(MBOX, 6, truncatedJapanese()));
        items.add(new Item("Maildir/cur/1700000000.M1P2.host:2,S", 0,
                BounceReport.unreadable("MIME part limit reached: more than 500 parts")));
        return items;
    }

    /** {@link #benign()} plus one report full of terminal escapes and invisible characters. */
    static List<Item> all() {
        List<Item> items = benign();
        items.add(new Item("hostile/\u001b[2Jevil.eml", 0, hostile()));
        return items;
    }

    static BounceReport userUnknown() {
        OriginalMessage original = new OriginalMessage("<campaign-42.1@sender.example>", "news@sender.example",
                "alice@example.com", "Your March newsletter", Map.of(CAMPAIGN_HEADER, "spring-2025"));
        Verdict v = new Verdict("alice@example.com", "alice@example.com", "alice@example.com", "failed", "5.1.1",
                false, 550, false, BounceClass.PERMANENT, Reason.USERUNKNOWN, Decision.SUPPRESS,
                "host mx.example.com[192.0.2.25] said: 550 5.1.1 <alice@example.com>: Recipient address rejected:"
                        + " User unknown in virtual mailbox table (in reply to RCPT TO command)",
                "mx.example.com", "RCPT", "Remove the address from your list: the mailbox does not exist.",
                List.of(new Evidence("status.5.1.1", "5.1.1", "Status"),
                        new Evidence("userunknown.phrase", "User unknown", "Diagnostic-Code")));
        return new BounceReport(MessageKind.BOUNCE, "<20250301101500.4F2A1@mx.sender.example>", "postfix",
                "Undelivered Mail Returned to Sender", original, List.of(v), null, false);
    }

    static BounceReport twoRecipients() {
        OriginalMessage original = new OriginalMessage("<campaign-42.2@sender.example>", null, null, null,
                Map.of(CAMPAIGN_HEADER, "spring-2025, \"B\" list"));
        Verdict full = new Verdict("bob@example.org", null, "bob@example.org", "failed", "4.2.2", true, 452,
                false, BounceClass.TRANSIENT, Reason.MAILBOXFULL, Decision.RETRY,
                "-ERR mailbox over quota, \"bob\" has 0 bytes free", "mail.example.org", "DATA",
                "Try again later; the recipient must make room.",
                List.of(new Evidence("mailboxfull.phrase", "over quota", "body"),
                        new Evidence("status.inferred", "452", "reply code", "no enhanced status: 4.2.2 from 452")));
        Verdict blocked = new Verdict("carol@example.org", null, "carol@example.org", "failed", "5.7.1", false, 554,
                false, BounceClass.PERMANENT, Reason.BLOCKED, Decision.FIX_SENDER,
                "554-5.7.1 Service unavailable; Client host [198.51.100.7] blocked\n"
                        + "554 5.7.1 using zen.spamhaus.org",
                "mail.example.org", "RCPT", "Check the sending IP against the blocklist named and request delisting.",
                List.of(new Evidence("status.5.7.1", "5.7.1", "body"),
                        new Evidence("blocked.phrase", "Client host [198.51.100.7] blocked", "body",
                                "5.7.1 alone would say policy; the text names a blocklist")));
        return new BounceReport(MessageKind.BOUNCE, "<qmail-1234@mail.example.org>", "qmail",
                "failure notice", original, List.of(full, blocked), null, false);
    }

    static BounceReport delay() {
        Verdict v = new Verdict("dave@example.net", "dave@example.net", "dave@example.net", "delayed", "4.4.1",
                false, null, false, BounceClass.TRANSIENT, Reason.NETWORKERROR, Decision.RETRY,
                "connect to mx.example.net[203.0.113.5]:25: Connection timed out", "mx.example.net", null,
                "Nothing to do yet: the server keeps trying.",
                List.of(new Evidence("action.delayed", "delayed", "Action")));
        return new BounceReport(MessageKind.DELAY, "<delay-1@mx.sender.example>", "rfc3464",
                "Delayed Mail (still being retried)", OriginalMessage.UNKNOWN, List.of(v), null, false);
    }

    static BounceReport autoReply() {
        Verdict v = new Verdict("erin@example.com", null, null, null, null, false, null, false,
                BounceClass.INFORMATIONAL, Reason.VACATION, Decision.NONE, null, null, null,
                "Nothing to do: an automatic reply.",
                List.of(new Evidence("autoreply.header", "auto-replied", "Auto-Submitted")));
        return new BounceReport(MessageKind.AUTOREPLY, "<ooo-77@example.com>", "rfc3834",
                "Out of office: Re: Your March newsletter", OriginalMessage.UNKNOWN, List.of(v), null, false);
    }

    static BounceReport feedback() {
        Verdict v = new Verdict("frank@example.com", "frank@example.com", null, null, null, false, null, false,
                BounceClass.INFORMATIONAL, Reason.FEEDBACK, Decision.UNSUBSCRIBE, null, null, null,
                "Stop mailing this recipient: they reported the message as abuse.",
                List.of(new Evidence("feedback.arf", "abuse", "Feedback-Type")));
        OriginalMessage original = new OriginalMessage("<campaign-42.9@sender.example>", "news@sender.example",
                null, "Your March newsletter", Map.of());
        return new BounceReport(MessageKind.FEEDBACK, "<arf-5@fbl.example.com>", "arf",
                "Abuse report", original, List.of(v), null, false);
    }

    static BounceReport notBounce() {
        return new BounceReport(MessageKind.NOT_BOUNCE, "<lunch@example.com>", null, "Re: lunch on Friday?",
                OriginalMessage.UNKNOWN, List.of(), null, false);
    }

    static BounceReport truncatedJapanese() {
        Verdict v = new Verdict("user@bücher.example", null, "user@bücher.example", "failed", "5.1.1", true, 550,
                false, BounceClass.PERMANENT, Reason.USERUNKNOWN, Decision.SUPPRESS,
                "550 ユーザが存在しません (user does not exist)", null, null,
                "Remove the address from your list: the mailbox does not exist.",
                List.of(new Evidence("userunknown.phrase.ja", "ユーザが存在しません", "body")));
        return new BounceReport(MessageKind.BOUNCE, null, "exim", "配信不能のお知らせ", OriginalMessage.UNKNOWN,
                List.of(v), null, true);
    }

    static BounceReport hostile() {
        Verdict v = new Verdict("mallory@example.com\u001b[2J", null, null, "failed", "5.1.1\u001b[1m", false, 550,
                false, BounceClass.PERMANENT, Reason.USERUNKNOWN, Decision.SUPPRESS, HOSTILE_DIAGNOSTIC,
                "mx\u0000.evil.example\r\u001b[A", "RCPT\u009b2J", null,
                List.of(new Evidence("userunknown.phrase", "\u001b]0;pwned\u0007user unknown", "Diagnostic-Code",
                        "note with \u202Ereversed\u202C text")));
        OriginalMessage original = new OriginalMessage("<x@evil.example>\u001b[8m", null, null,
                "subject\u2029\u001bc", Map.of(CAMPAIGN_HEADER, "id\u001b[5m"));
        return new BounceReport(MessageKind.BOUNCE, "<hostile\u0007@evil.example>", "postfix",
                "\u001b]2;new title\u001b\\Undelivered", original, List.of(v), null, false);
    }
}
