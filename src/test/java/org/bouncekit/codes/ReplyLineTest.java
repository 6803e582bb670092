package org.bouncekit.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyLineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "552-5.2.2 The email account that you tried to reach is over quota|552|5.2.2|The email account that you tried to reach is over quota",
            "452 4.2.2 Mailbox full|452|4.2.2|Mailbox full",
            "550|550|-|''",
            "5.2.2|-|5.2.2|''",
            "  550 5.1.1   <a@example.org>: Recipient address rejected  |550|5.1.1|<a@example.org>: Recipient address rejected",
            "smtp; 550 5.7.1 Blocked|550|5.7.1|Blocked",
            "SMTP;554 Denied|554|-|Denied",
            "550 Mailbox unavailable|550|-|Mailbox unavailable",
            "550-Mailbox unavailable|550|-|Mailbox unavailable",
            "999|999|-|''",
            "5.9.99|-|5.9.99|''",
            "hello|-|-|hello",
            "5522 x|-|-|5522 x",
            "550 5.1.1. text|550|5.1.1.|text",
            "12.5 x|-|12.5|x",
            "250 2.0.0Ok|250|-|2.0.0Ok",
            "4.7.0 Try again later|-|4.7.0|Try again later",
    })
    void readsTheCodesAtTheStart(String input, String reply, String status, String text) {
        ReplyLine line = ReplyLine.read(input);
        assertEquals(reply, line.replyCode());
        assertEquals(status, line.status());
        assertEquals(text, line.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void joinsTheTextOfMultiLineReplies(String eol) {
        ReplyLine line = ReplyLine.read("550-5.1.1 The email account that you tried to reach does not exist." + eol
                + "550-5.1.1 Please check the address" + eol + "550 5.1.1 for typos." + eol);
        assertEquals("550", line.replyCode());
        assertEquals("5.1.1", line.status());
        assertEquals("The email account that you tried to reach does not exist. Please check the address for typos.",
                line.text());
    }

    @org.junit.jupiter.api.Test
    void keepsADifferentStatusOnAContinuationLineAsText() {
        ReplyLine line = ReplyLine.read("550-5.1.1 first\n550 5.7.1 second");
        assertEquals("5.1.1", line.status());
        assertEquals("first 5.7.1 second", line.text());
    }

    @org.junit.jupiter.api.Test
    void controlCharactersInTheServerTextNeverReachTheTerminal() {
        ReplyLine line = ReplyLine.read("550 5.1.1 evil\u001b[2J\u0007text\u202Eright\u009bx");
        assertEquals("evil [2J text right x", line.text());
    }
}
