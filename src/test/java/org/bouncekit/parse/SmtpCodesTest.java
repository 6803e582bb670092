package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reply codes and enhanced status codes found in free text. */
class SmtpCodesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            550 5.1.1 <a@example.org>: User unknown      | 550 | 5.1.1
            host said: 452-4.2.2 The mailbox is full      | 452 | 4.2.2
            250 2.0.0 Ok: queued as 4Yb7Kq                | 250 | 2.0.0
            Digest, Vol 212, Issue 4                      | -   | -
            see page 230 of the manual                    | -   | -
            codes 550-599 are permanent                   | -   | -
            Remote server replied: 554                    | 554 | -
            221 2.0.0 Bye                                 | 221 | 2.0.0
            status 5.7.26 unauthenticated                 | -   | 5.7.26
            """)
    void findsTheFirstReply(String text, Integer reply, String status) {
        SmtpCodes.Found found = SmtpCodes.find(text);
        assertEquals(reply, found.replyCode(), "reply code");
        assertEquals(status, found.status(), "status");
    }
}
