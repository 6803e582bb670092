package org.bouncekit;

import java.nio.charset.StandardCharsets;

/** Builds small, realistic bounce messages for tests. */
public final class TestMessages {
    private TestMessages() {
    }

    /** A Postfix-style RFC 3464 DSN for one recipient. */
    public static byte[] dsn(String recipient, String action, String status, String diagnostic, String remoteMta) {
        String s = "Return-Path: <>\n"
                + "Date: Tue, 3 Nov 2026 10:00:00 +0100\n"
                + "From: MAILER-DAEMON@mail.sender.example (Mail Delivery System)\n"
                + "Subject: Undelivered Mail Returned to Sender\n"
                + "To: news@sender.example\n"
                + "Message-Id: <20261103090000.ABC123@mail.sender.example>\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B1\"\n"
                + "\n"
                + "--B1\n"
                + "Content-Type: text/plain; charset=us-ascii\n"
                + "\n"
                + "This is the mail system at host mail.sender.example.\n"
                + "\n"
                + "<" + recipient + ">: host " + remoteMta + " said: " + diagnostic + "\n"
                + "\n"
                + "--B1\n"
                + "Content-Type: message/delivery-status\n"
                + "\n"
                + "Reporting-MTA: dns; mail.sender.example\n"
                + "\n"
                + "Final-Recipient: rfc822; " + recipient + "\n"
                + "Original-Recipient: rfc822;" + recipient + "\n"
                + "Action: " + action + "\n"
                + "Status: " + status + "\n"
                + "Remote-MTA: dns; " + remoteMta + "\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\n"
                + "\n"
                + "--B1\n"
                + "Content-Type: text/rfc822-headers\n"
                + "\n"
                + "From: news@sender.example\n"
                + "To: " + recipient + "\n"
                + "Subject: November news\n"
                + "Message-ID: <news-42@sender.example>\n"
                + "X-Campaign-Id: nov-2026\n"
                + "\n"
                + "--B1--\n";
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
