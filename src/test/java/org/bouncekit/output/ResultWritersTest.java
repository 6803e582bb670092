package org.bouncekit.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncekit.BounceReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Accounting and ownership, the same for every format. */
class ResultWritersTest {

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void closeFlushesAndLeavesTheWriterOpen(OutputFormat format) throws IOException {
        CloseTrackingWriter out = new CloseTrackingWriter();
        try (ResultWriter writer = ResultWriters.create(format, out, OutputOptions.DEFAULT)) {
            writer.write("a.eml", 0, SampleReports.userUnknown());
        }
        assertTrue(out.flushed);
        assertFalse(out.closed);
        assertFalse(out.toString().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void everyMessageWrittenIsAccountedFor(OutputFormat format) {
        List<SampleReports.Item> items = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            BounceReport r = i % 3 == 0 ? BounceReport.unreadable("broken " + i) : SampleReports.twoRecipients();
            items.add(new SampleReports.Item("big.mbox", i, r));
        }
        String out = SampleReports.render(format, OutputOptions.DEFAULT, items);
        switch (format) {
            case JSONL:
                assertEquals(1_000, out.split("\n").length);
                break;
            case CSV:
                assertEquals(1 + 334 + 666 * 2, CsvWriterTest.parse(out).size());
                break;
            case TABLE:
                assertTrue(out.contains("\nmessages read: 1000\n"), out);
                assertTrue(out.contains("unreadable 334"), out);
                break;
            case SUMMARY:
                assertTrue(out.startsWith("messages read         1000\n"), out);
                break;
            default:
                throw new AssertionError(format);
        }
    }

    @Test
    void formatsHaveWireNames() {
        for (OutputFormat f : OutputFormat.values()) {
            assertEquals(f, OutputFormat.fromWireName(f.wireName()));
            assertEquals(f, OutputFormat.fromWireName(" " + f.name() + " "));
        }
        assertNull(OutputFormat.fromWireName("xml"));
        assertNull(OutputFormat.fromWireName(null));
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new OutputOptions(-1, false, false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new OutputOptions(80, false, false, List.of(" ")));
        assertThrows(IllegalArgumentException.class, () -> new OutputOptions(80, false, false, List.of(), 0));
        assertEquals(List.of(), new OutputOptions(80, false, false, null).correlateHeaders());
        assertEquals(OutputOptions.DEFAULT_TOP_DOMAINS, OutputOptions.DEFAULT.topDomains());
    }

    @Test
    void nullOptionsMeanDefaults() throws IOException {
        CloseTrackingWriter out = new CloseTrackingWriter();
        ResultWriters.create(OutputFormat.JSONL, out, null).close();
        assertEquals("", out.toString());
    }
}
