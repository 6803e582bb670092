package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Addresses in DSN recipient fields: the address types of RFC 3464 and RFC 6533. */
class AddressesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            rfc822; <Alice@Example.COM>                  | Alice@example.com
            RFC822;bob@example.org                        | bob@example.org
            utf-8; jürgen@müller.example                  | jürgen@müller.example
            utf-8; j\\x{00FC}rgen@m\\x{FC}ller.example     | jürgen@müller.example
            utf-8; \\x{5F20}\\x{4E09}@example.cn            | 张三@example.cn
            utf-8; j\\x{zz}rgen@example.org                | x{zz}rgen@example.org
            rfc822; j\\x{00FC}rgen@example.org             | x{00FC}rgen@example.org
            x-local; postmaster@mailhub                    | postmaster@mailhub
            rfc822; no address here                        | -
            "main@groups.example.io Moderators" <main+owner@groups.example.io> | main+owner@groups.example.io
            Anna <anna@example.org>                        | anna@example.org
            <>                                             | -
            """)
    void normalizesRecipientFields(String field, String expected) {
        assertEquals(expected, Addresses.normalize(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a\\x{41}b       | aAb
            \\x{1F600}@x    | 😀@x
            \\x{}@x         | \\x{}@x
            \\x{0000041}@x  | \\x{0000041}@x
            \\x{1}@x        | \\x{1}@x
            tail\\x{41      | tail\\x{41
            """)
    void decodesOnlyWellFormedEscapes(String in, String out) {
        assertEquals(out, Addresses.decodeUnicodeEscapes(in));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Delivery to [SMTP:user@example.com] failed  | user@example.com
            postmaster@[192.0.2.1] said: 550            | postmaster@[192.0.2.1]
            <u@[IPv6:2001:DB8::1]>                      | u@[ipv6:2001:db8::1]
            (a@example.org), [b@example.net].           | a@example.org
            """)
    void bracketsBelongToAddressLiteralsOnly(String text, String first) {
        assertEquals(first, Addresses.findAll(text, 4).get(0));
    }

    @org.junit.jupiter.api.Test
    void aBracketClosingTheTextIsNotPartOfTheDomain() {
        assertEquals(java.util.List.of("a@example.org", "b@example.net"),
                Addresses.findAll("(a@example.org), [b@example.net].", 4));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            bounces+alice=example.com@sender.example              | alice@example.com
            members-bounces+k.oconnor=example.net@lists.example   | k.oconnor@example.net
            news-bounces-anna-maria=example.org@lists.example     | anna-maria@example.org
            bounces+anna+news=Example.ORG@sender.example          | anna+news@example.org
            bounce-bob=example.org@mail.example                   | bob@example.org
            alice@example.com                                     | -
            list-owner@example.com                                | -
            """)
    void verpReturnPaths(String returnPath, String expected) {
        assertEquals(expected, Addresses.fromVerp(returnPath));
    }

    @org.junit.jupiter.api.Test
    void nullStaysNull() {
        assertNull(Addresses.normalize(null));
    }
}
