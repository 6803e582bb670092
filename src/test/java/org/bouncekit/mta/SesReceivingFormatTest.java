package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.bouncekit.BounceClassifier;
import org.bouncekit.BounceReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SesReceivingFormatTest {
    private static BounceReport classify(String reportingMta, String status, String diagnostic) {
        String msg = "From: postmaster@shop.example.net\nSubject: Delivery Status Notification (Failure)\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"S\"\n\n"
                + "--S\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; " + reportingMta + "\n\n"
                + "Final-Recipient: rfc822; ola@shop.example.net\nAction: failed\nStatus: " + status + "\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\n\n--S--\n";
        return BounceClassifier.create().classify(msg.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "inbound-smtp.eu-west-1.amazonaws.com|5.1.1|550 5.1.1 Mailbox does not exist|ses-receiving|filtered|fix-sender",
            "inbound-smtp.eu-west-1.amazonaws.com|5.2.2|552 5.2.2 Mailbox full|ses-receiving|mailboxfull|retry",
            "mx.shop.example.net|5.1.1|550 5.1.1 Mailbox does not exist|rfc3464|userunknown|suppress"})
    void receiptRuleBouncesAreTheOwnersFilter(String reportingMta, String status, String diagnostic, String mta,
                                              String reason, String decision) {
        BounceReport r = classify(reportingMta, status, diagnostic);
        assertEquals(mta, r.mta());
        assertEquals(reason, r.verdicts().get(0).reason().wireName());
        assertEquals(decision, r.verdicts().get(0).decision().wireName());
    }
}
