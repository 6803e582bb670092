package org.bouncekit.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link RemoteHostRules#hostOf} reads the value in place; it answers as the copying version it replaced. */
class HostOfTest {
    /** The method as it was: strip, cut the type, take the first word, lowercase, drop trailing dots. */
    private static String byCopies(String remoteMta) {
        if (remoteMta == null) {
            return null;
        }
        String s = remoteMta.strip();
        int semi = s.indexOf(';');
        if (semi >= 0 && semi < 8) {
            s = s.substring(semi + 1).strip();
        }
        int sp = 0;
        while (sp < s.length() && !Character.isWhitespace(s.charAt(sp)) && s.charAt(sp) != '[' && s.charAt(sp) != '(') {
            sp++;
        }
        s = s.substring(0, sp).toLowerCase(Locale.ROOT);
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.isEmpty() ? null : s;
    }

    @Test
    void randomValuesAnswerAsTheCopyingVersionDid() {
        Random random = new Random(20261129L);
        String alphabet = "aB.;;  \t\u2003[(x-\u0130d";
        for (int round = 0; round < 50_000; round++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(16);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = sb.toString();
            assertEquals(byCopies(value), RemoteHostRules.hostOf(value), value);
        }
        assertEquals(byCopies(null), RemoteHostRules.hostOf(null));
    }
}
