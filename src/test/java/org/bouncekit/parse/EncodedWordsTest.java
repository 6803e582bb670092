package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EncodedWords must decode as mime4j's DecoderUtil does, whatever the text: both decode the same seeded random
 * texts made of the pieces encoded-words are made of (and break on), and the results (or the exceptions) are
 * compared.
 */
class EncodedWordsTest {
    private static final String[] PIECES = {"=?", "?=", "?", "=", "utf-8", "UTF-8", "iso-8859-1", "x-unknown",
        "bad name", "Q", "q", "B", "b", "X", "?Q?", "?B?", "_", "=3D", "=C3=A9", "=C3", "=A9", "=E2=82=AC", "=2", "=ZZ",
        "abc", " ", "\t", "  ", "SGVsbG8=", "4pyT", "w6k=", "====", "!", "\u00e9", "\u20ac", "\uD83D\uDE00", "\uD800",
        "\r", "\n", "=?utf-8?Q?", "=?UTF-8?B?", "=?iso-8859-1?q?"};

    @Test
    void decodesWhatMailHolds() {
        assertEquals("caf\u00e9 cr\u00e8me", EncodedWords.decode("=?utf-8?Q?caf=C3=A9?= =?utf-8?Q?_cr=C3=A8me?="));
        assertEquals("\u20ac", EncodedWords.decode("=?utf-8?Q?=E2=82?=  =?utf-8?Q?=AC?="));
        assertEquals("Hello world", EncodedWords.decode("=?utf-8?B?SGVsbG8=?= world"));
        assertEquals("=?x-unknown?Q?a?= b", EncodedWords.decode("=?x-unknown?Q?a?= b"));
        String plain = "no words here";
        assertEquals(plain, EncodedWords.decode(plain));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void randomTextsDecodeAsMime4jDecodesThem(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 25_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(14); k > 0; k--) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = sb.toString();
            assertEquals(mime4j(text), ours(text), () -> "seed " + seed + ": " + text);
        }
    }

    @Test
    void wellFormedWordsInRunsDecodeAsMime4jDecodesThem() {
        Random random = new Random(9);
        String[] charsets = {"utf-8", "UTF-8", "iso-8859-1", "windows-1252", "nope"};
        String[] texts = {"caf=C3=A9", "=E2=82", "=AC", "a_b", "SGVsbG8=", "w6k=", "4pyT", "", "x"};
        String[] between = {"", " ", "  ", "\t", " x ", "x"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                sb.append(between[random.nextInt(between.length)]).append("=?")
                        .append(charsets[random.nextInt(charsets.length)]).append('?')
                        .append("QqBbX".charAt(random.nextInt(5))).append('?')
                        .append(texts[random.nextInt(texts.length)]).append("?=");
            }
            String text = sb.toString();
            assertEquals(mime4j(text), ours(text), () -> text);
        }
    }

    private static String mime4j(String text) {
        try {
            return DecoderUtil.decodeEncodedWords(text, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return "thrown: " + e.getClass().getName();
        }
    }

    private static String ours(String text) {
        try {
            return EncodedWords.decode(text);
        } catch (RuntimeException e) {
            return "thrown: " + e.getClass().getName();
        }
    }
}
