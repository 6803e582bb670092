package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Lowercasing keeps every index: each char lowercased on its own, as Character.toLowerCase does it. */
class LowerSameLengthTest {
    @Test
    void lowercasesEachCharOnItsOwn() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x600; c++) {
            all.append(c);
        }
        all.append("\ud801\udc00"); // a supplementary capital: its surrogates stay as they are
        String text = all.toString();
        for (String t : new String[] {text, text.substring(0, 0x100), "ABC \u00c0\u00de\u00d7 xyz", ""}) {
            String lower = TextMarkers.lowerSameLength(t);
            assertEquals(t.length(), lower.length());
            for (int i = 0; i < t.length(); i++) {
                assertEquals(Character.toLowerCase(t.charAt(i)), lower.charAt(i), "char " + (int) t.charAt(i));
            }
        }
    }

    @Test
    void keepsIndexesWhereStringToLowerCaseWouldNot() {
        assertEquals("i-i", TextMarkers.lowerSameLength("\u0130-I"));
    }
}
