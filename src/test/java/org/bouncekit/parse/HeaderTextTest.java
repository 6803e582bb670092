package org.bouncekit.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HeaderText reads quoted header blocks exactly as its earlier, substring-per-line version did. */
class HeaderTextTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "Subject: hi\nFrom: a@example.org\n\nbody",
        "\n\nFrom MAILER-DAEMON Mon Jan  1 00:00:00 2024\nFrom MAILER-DAEMON x\nTo: b\n",
        "Subject: folded\n  second\n\tthird  \nX: y",
        "Subject:\n more\nX-Empty:\nX-Empty2: \n cont",
        "Subject : spaced name\nBad Name: stops\nX: never",
        "no colon line\nSubject: never",
        ": empty name\n",
        "Subject: =?utf-8?Q?caf=C3=A9?=\n =?utf-8?Q?_cr=C3=A8me?=\n",
        "X-Long-Name-nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn: too long a name\n",
        "Subject: a\n   \nX: after blank",
        "Subject: a\u2003\n\u2003\nX: after unicode blank",
        "Subject: a\n \u0001\nX:\u0001\n\u0001Y: z",
        "  leading space first\nSubject: x",
        "Subject: x\r\nTo: y\r\n\r\n",
        "",
    })
    void readsAsBefore(String text) {
        same(text, 2000);
        same(text, 1);
        same(text, 2);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L})
    void readsFixturesAndMutationsAsBefore(long seed) throws IOException {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("samples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                texts.add(new String(LineEndings.toLf(Files.readAllBytes(p)), StandardCharsets.UTF_8));
            }
        }
        for (String t : texts) {
            same(t, 2000);
            StringBuilder m = new StringBuilder(t);
            for (int e = 0; e < 5 && m.length() > 0; e++) {
                int at = random.nextInt(m.length());
                m.insert(at, "\n :\t\nFrom x".charAt(random.nextInt(10)));
            }
            same(m.toString(), 2000);
            same(m.toString(), 3);
        }
    }

    private static void same(String text, int max) {
        HeaderBlock before = HeaderTextBefore.parse(text, max);
        HeaderBlock now = HeaderText.parse(text, max);
        assertEquals(dump(before), dump(now), text);
    }

    private static List<String> dump(HeaderBlock b) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            out.add(b.names().get(i) + "=" + b.valueAt(i));
        }
        return out;
    }
}
