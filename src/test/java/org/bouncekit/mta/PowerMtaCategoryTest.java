package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.bouncekit.BounceClassifier;
import org.bouncekit.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PowerMtaCategoryTest {
    private static Verdict classify(String category, String status, String diagnostic) {
        String msg = "From: MAILER-DAEMON@mta1.sender.example\nSubject: Delivery report\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"P\"\n\n"
                + "--P\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mta1.sender.example\n"
                + "X-PowerMTA-VirtualMTA: pool-a\n\nAction: failed\nFinal-Recipient: rfc822;lena@example.net\n"
                + "Status: " + status + "\nRemote-MTA: dns;mx.example.net\nDiagnostic-Code: smtp;" + diagnostic + "\n"
                + "X-PowerMTA-BounceCategory: " + category + "\n\n--P--\n";
        return BounceClassifier.create().classify(msg.getBytes(StandardCharsets.UTF_8)).verdicts().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bad-mailbox|5.2.1|550 5.2.1 <lena@example.net>... User Unknown|userunknown|suppress",
            "quota-issues|5.2.2|552 5.2.2 over quota|mailboxfull|retry",
            "spam-related|5.7.1|554 5.7.1 rejected|spamdetected|fix-sender",
            "other|5.1.1|550 5.1.1 User unknown|userunknown|suppress"})
    void vendorCategoryNamesTheReason(String category, String status, String diagnostic, String reason, String decision) {
        Verdict v = classify(category, status, diagnostic);
        assertEquals(reason, v.reason().wireName());
        assertEquals(decision, v.decision().wireName());
        if (!category.equals("other")) {
            assertEquals("powermta.category." + category, v.evidence().get(0).rule());
        }
    }
}
