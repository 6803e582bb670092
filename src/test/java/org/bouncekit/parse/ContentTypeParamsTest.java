package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Parameters are found in the value lowercased char by char, and cut out of the value itself: the same answers
 * as a search in a lowercased copy, for every value, odd letters (U+0130, the Kelvin sign) included.
 */
class ContentTypeParamsTest {
    @Test
    void readsQuotedAndBareValuesWhateverTheCase() {
        String ct = "multipart/report; Report-Type=\"Delivery-Status\";\tboundary=\"B=_1\"";
        assertEquals("Delivery-Status", ContentTypeParams.param(ct, "report-type"));
        assertEquals("delivery-status", ContentTypeParams.reportType(ct)[0]);
        assertEquals("B=_1", ContentTypeParams.param(ct, "boundary"));
        assertEquals("x", ContentTypeParams.param("text/plain;REPORT-TYPE = x ;", "report-type"));
        assertNull(ContentTypeParams.param("text/plain; xreport-type=x", "report-type"));
        assertNull(ContentTypeParams.param(null, "report-type"));
    }

    @Test
    void oddLettersLowercaseToAsciiOnesInPlace() {
        // U+212A (Kelvin) lowercases to 'k', U+0130 to 'i': the value is cut where it stands in the original
        assertEquals("v\u0130", ContentTypeParams.param("a; \u212Aey=v\u0130", "key"));
        assertEquals("x", ContentTypeParams.param("a;\u0130d=x", "id"));
    }

    @Test
    void randomValuesAnswerAsALowercasedCopyDoes() {
        Random random = new Random(11);
        String[] pieces = {"report-type", "REPORT-TYPE", "Report-Type", "charset", "=", " ", "\t", ";", "\"", "x",
            "Y", "\u0130", "\u212A", "\u00c9", "r", "-", "type", "boundary", "==", "; "};
        String[] names = {"report-type", "charset", "boundary", "k", "i"};
        for (int n = 0; n < 50_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String ct = sb.toString();
            for (String name : names) {
                assertEquals(inLowercasedCopy(ct, name), ContentTypeParams.param(ct, name), ct + " / " + name);
            }
        }
    }

    /** The search as it was made before: in a lowercased copy of the value. */
    private static String inLowercasedCopy(String contentType, String name) {
        char[] chars = contentType.toCharArray();
        for (int k = 0; k < chars.length; k++) {
            chars[k] = Character.toLowerCase(chars[k]);
        }
        String lower = new String(chars);
        int from = 0;
        while (true) {
            int i = lower.indexOf(name, from);
            if (i < 0) {
                return null;
            }
            int j = i + name.length();
            while (j < lower.length() && lower.charAt(j) == ' ') {
                j++;
            }
            boolean startOk = i == 0 || lower.charAt(i - 1) == ';' || lower.charAt(i - 1) == ' '
                    || lower.charAt(i - 1) == '\t';
            if (startOk && j < lower.length() && lower.charAt(j) == '=') {
                j++;
                while (j < lower.length() && lower.charAt(j) == ' ') {
                    j++;
                }
                if (j < contentType.length() && contentType.charAt(j) == '"') {
                    int end = contentType.indexOf('"', j + 1);
                    return contentType.substring(j + 1, end < 0 ? contentType.length() : end);
                }
                int end = j;
                while (end < contentType.length() && contentType.charAt(end) != ';'
                        && !Character.isWhitespace(contentType.charAt(end))) {
                    end++;
                }
                return contentType.substring(j, end);
            }
            from = i + 1;
        }
    }
}
