package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTML bounces as plain text: tags out, structure as line breaks, and addresses kept. */
class HtmlTextTest {
    @Test
    void blockTagsBecomeLineBreaksAndEntitiesAreDecoded() {
        assertEquals("\nDelivery failed\nTo: a@example.org & b", HtmlText.toPlain(
                "<p>Delivery failed<br>To: a@example.org &amp; b"));
    }

    @Test
    void aMailtoLinkWhoseTextShowsNoAddressKeepsTheAddress() {
        String plain = HtmlText.toPlain("<p>Your message to <a href=\"mailto:Karl.Huber@Example.NET?subject=Hi%20there\">"
                + "Karl Huber</a> couldn't be delivered.</p>");
        assertTrue(plain.contains("Karl Huber <Karl.Huber@Example.NET> couldn't"), plain);
    }

    @Test
    void aMailtoLinkThatShowsItsAddressIsNotRepeated() {
        assertEquals("write to a@example.org", HtmlText.toPlain(
                "write to <A HREF='mailto:a@example.org'>a@example.org</A>"));
    }

    @Test
    void otherLinksAddNothing() {
        assertEquals("see Support", HtmlText.toPlain("see <a href=\"https://example.org/help\">Support</a>"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            a href="mailto:anna%40example.org"          | anna@example.org
            a href="mailto:x@example.org?cc=y"          | x@example.org
            a title="mailto:" href="mailto:"            | -
            a href="https://example.org/mailto"         | -
            """)
    void mailtoAddresses(String tag, String expected) {
        assertEquals(expected, HtmlText.mailtoAddress(tag, 0, tag.length()));
    }

    @Test
    void manyLinksStayLinear() {
        String page = "<a href=\"https://example.org/\">x</a>".repeat(100_000);
        long t0 = System.nanoTime();
        HtmlText.toPlain(page);
        // a quadratic scan of this page takes minutes; linear is milliseconds (generous bound for a loaded machine)
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
    }
}
