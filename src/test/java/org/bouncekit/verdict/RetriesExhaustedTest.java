package org.bouncekit.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.bouncekit.BounceClass;
import org.bouncekit.MessageKind;
import org.bouncekit.codes.CodeDictionary;
import org.bouncekit.mta.RecipientRecord;
import org.bouncekit.reason.ReasonRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetriesExhaustedTest {
    private final VerdictAssembler assembler = new VerdictAssembler(ReasonRules.builtIn(),
            CodeDictionary.forLocale(Locale.ENGLISH), DecisionPolicy.builtIn());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mailbox is full: retry timeout exceeded||TRANSIENT",
            "all hosts have been failing for a long time and were last tried after this message arrived||TRANSIENT",
            "retry timeout exceeded|550|PERMANENT",
            "delivery retry timeout exceeded||PERMANENT",
            "550 5.1.1 User unknown||PERMANENT"})
    void givingUpOnANamedTemporaryConditionKeepsItTransientUnlessACodeSaysOtherwise(String text, Integer reply,
                                                                             BounceClass expected) {
        RecipientRecord r = new RecipientRecord("ines@example.org").action("failed").replyCode(reply)
                .diagnostic(text, "body");
        assertEquals(expected, assembler.assemble(r, MessageKind.BOUNCE).bounceClass());
    }
}
