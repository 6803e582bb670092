package org.bouncekit.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The normalizer learns per char what a non-ASCII char becomes instead of decomposing every text; it must give
 * what decomposing the whole text (NFD), dropping the accents, lowercasing and collapsing white space gives.
 */
class TextNormalizerTest {
    /** The definition, written plainly: NFD of the whole text, then char by char. */
    static String reference(String s) {
        String in = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        boolean space = true;
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c <= ' ' || c >= '\u007f' && (Character.isWhitespace(c) || c == '\u00a0' || Character.isISOControl(c))) {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else if (c >= 0x300 && Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            } else {
                out.append(Character.toLowerCase(c));
                space = false;
            }
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    @Test
    void everyCharAloneAndBesideLettersSpacesAndAccentsNormalizesAsTheWholeTextWould() {
        String[][] around = {{"", ""}, {"Ab", "Cd"}, {" ", " "}, {"x\u0301", "\u0327y"}, {"\u0345", "\u0300"},
            {"\u00e9", "\u00a0z"}, {"\u1100", "\u1161"}, {"\t", "\u0308"}};
        for (int c = 0x80; c <= 0xFFFF; c++) {
            String ch = String.valueOf((char) c);
            for (String[] a : around) {
                String text = a[0] + ch + a[1];
                assertEquals(reference(text), TextNormalizer.normalize(text), () -> "U+" + Integer.toHexString(text.charAt(a[0].length())) + " in " + text);
            }
        }
    }

    @Test
    void mixedScriptTextsNormalizeAsTheWholeTextWould() {
        String[] samples = {"Bo\u00eete pleine", "BU\u0301ZON LLENO", "n\u00e3o existe", "\u0423\u0447\u0451\u0442\u043d\u0430\u044f \u0437\u0430\u043f\u0438\u0441\u044c",
            "\u30e1\u30fc\u30eb\u30dc\u30c3\u30af\u30b9\u304c\u3044\u3063\u3071\u3044", "\uc874\uc7ac\ud558\uc9c0 \uc54a\ub294", "\u0130stanbul \u212a",
            "\u1e9e\u00df \ufb01le", "\ud83d\ude00 emoji", "\u00a8\u00b4 spacing", "\u2028line\u2029par\u0085nel", "\u0391\u0345\u0313\u0301"};
        Random random = new Random(11);
        for (int round = 0; round < 20000; round++) {
            StringBuilder sb = new StringBuilder();
            int pieces = 1 + random.nextInt(5);
            for (int i = 0; i < pieces; i++) {
                String p = samples[random.nextInt(samples.length)];
                int from = random.nextInt(p.length());
                sb.append(p, from, from + random.nextInt(p.length() - from + 1));
                if (random.nextInt(3) == 0) {
                    sb.append((char) random.nextInt(0x3100));
                }
            }
            String text = sb.toString();
            assertEquals(reference(text), TextNormalizer.normalize(text), text);
        }
    }
}
