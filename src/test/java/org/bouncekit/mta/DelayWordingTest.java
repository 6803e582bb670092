package org.bouncekit.mta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The [delay], [final] and [final-conditional] markers of text-bounce.txt, as a prose notice's kind. */
class DelayWordingTest {

    static Stream<Arguments> notices() {
        return Stream.of(
                // a warning, its sentence wrapped across lines
                Arguments.of("Your message has not yet\n  been delivered. No action is required on your part.", true),
                // a future outcome is no final failure
                Arguments.of("We will keep retrying; you will be told if delivery fails permanently.", true),
                Arguments.of("We will keep trying for 5 days before giving up.", true),
                Arguments.of("Ihre Nachricht wurde noch nicht zugestellt. Das System versucht weiterhin.", true),
                Arguments.of("ESTE ES SOLO UN AVISO. El sistema seguirá intentando entregarlo.", true),
                // a final failure that tells of earlier retries
                Arguments.of("Deferred: Connection timed out.\nThis is a permanent error; I've given up.", false),
                Arguments.of("The message has been delayed for 5 days and will not be retried.", false),
                Arguments.of("This message was not delivered: 550 5.1.1 User unknown", false));
    }

    @ParameterizedTest
    @MethodSource("notices")
    void readsDelayWording(String text, boolean delayed) {
        assertEquals(delayed, TextMarkers.BUILT_IN.saysDelayed(TextMarkers.lowerSameLength(text)), text);
    }

    @ParameterizedTest
    @MethodSource("spacing")
    void collapsesWhiteSpace(String in, String out) {
        assertEquals(out, TextMarkers.singleSpaced(in));
    }

    static Stream<Arguments> spacing() {
        return Stream.of(Arguments.of("a \n\t b  c", "a b c"), Arguments.of("  lead\r\n", "lead"),
                Arguments.of("none", "none"));
    }
}
