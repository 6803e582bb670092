package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncekit.BounceClassifier;
import org.bouncekit.BounceReport;
import org.junit.jupiter.api.Test;

class InlineReportFormatTest {
    @Test
    void reportPastedIntoAPlainTextNoticeIsRead() {
        String msg = "From: MAILER-DAEMON@isp.example.net\nTo: shop@sender.example\n"
                + "Subject: Undelivered Mail Returned to Sender\nContent-Type: text/plain; charset=us-ascii\n\n"
                + "The message returned below could not be delivered.\nFor assistance contact <help@isp.example.net>\n\n"
                + "----------\nFrom MAILER-DAEMON  Tue Nov  3 10:00:00 2026\nReturn-Path: <>\n"
                + "From: MAILER-DAEMON@relay.isp.example.net (Mail Delivery System)\nSubject: Undelivered Mail\n"
                + "Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"R1\"\n\n"
                + "--R1\nContent-Type: text/plain\n\nI'm sorry to have to inform you.\n\n"
                + "--R1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; relay.isp.example.net\n\n"
                + "Final-Recipient: rfc822; mia@example.org\nAction: failed\nStatus: 4.0.0\n"
                + "Diagnostic-Code: smtp; 421 Service not available, try again later\n\n--R1--\n";
        BounceReport r = BounceClassifier.create().classify(msg.getBytes(StandardCharsets.UTF_8));
        assertEquals("inline-report", r.mta());
        assertEquals(List.of("mia@example.org"), r.verdicts().stream().map(v -> v.recipient()).toList());
        assertEquals("4.0.0", r.verdicts().get(0).status());
        assertEquals(421, r.verdicts().get(0).replyCode());
    }

    @Test
    void headerBlockStartsAfterTheSeparatorLine() {
        String text = "notice\n\nFrom MAILER-DAEMON x\nReturn-Path: <>\nSubject: y\nContent-Type: multipart/report;\n";
        int at = text.indexOf("Content-Type");
        assertEquals(text.indexOf("Return-Path"), InlineReportFormat.headerBlockStart(text, at));
    }
}
