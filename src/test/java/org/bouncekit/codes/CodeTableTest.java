package org.bouncekit.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;

/** The language-neutral data files are consistent with each other and with the enums. */
class CodeTableTest {

    private final CodeTable table = CodeTable.get();
    private final CodeDictionary en = CodeDictionary.forLocale(Locale.ENGLISH);

    @Test
    void coversTheReferenceSizes() {
        assertEquals(35, table.replies().size());
        assertEquals(81, table.statuses().size());
    }

    @Test
    void everyPairedCodeIsAValidCodeOfTheRightKind() {
        List<String> problems = new ArrayList<>();
        for (CodeTable.ReplyRow row : table.replies().values()) {
            for (String c : row.paired()) {
                if (en.enhancedStatus(c).isEmpty() || c.charAt(0) != String.valueOf(row.code()).charAt(0)) {
                    problems.add(row.code() + " pairs with " + c);
                }
            }
        }
        for (CodeTable.StatusRow row : table.statuses().values()) {
            for (String c : row.pairedReplies()) {
                if (!c.matches("[245][0-9][0-9]")) {
                    problems.add("X." + row.key() + " pairs with " + c);
                }
            }
        }
        for (Map.Entry<String, List<String>> e : table.reasons().entrySet()) {
            for (String c : e.getValue()) {
                boolean valid = c.contains(".") ? en.enhancedStatus(c).isPresent()
                        : c.matches("[0-9]{3}") && en.replyCode(Integer.parseInt(c)).isPresent();
                if (!valid) {
                    problems.add(e.getKey() + " lists " + c);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void anEnhancedCodeListedForAReplyCodeListsThatReplyCodeBack() {
        List<String> problems = new ArrayList<>();
        for (CodeTable.ReplyRow row : table.replies().values()) {
            for (String status : row.paired()) {
                List<String> back = en.enhancedStatus(status).orElseThrow().pairedCodes();
                if (!back.contains(String.valueOf(row.code()))) {
                    problems.add(row.code() + " -> " + status + " but " + status + " -> " + back);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theUsualPairsArePresent() {
        assertEquals(List.of("5.2.2", "5.3.4", "5.2.3"), table.replies().get(552).paired());
        assertEquals(List.of("4.2.2", "4.3.1", "4.5.3"), table.replies().get(452).paired());
        assertTrue(table.replies().get(550).paired().containsAll(List.of("5.1.1", "5.1.2", "5.7.1")));
    }

    @Test
    void everyReasonHasARowAndNoRowIsUnknown() {
        for (Reason r : Reason.values()) {
            assertTrue(table.reasons().containsKey(r.wireName()), r.wireName());
        }
        for (String name : table.reasons().keySet()) {
            assertTrue(Reason.fromWireName(name) != null, name);
        }
    }
}
