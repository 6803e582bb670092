package org.bouncekit.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResultRendererTest {
    private static final List<OutputOptions> OPTIONS = List.of(OutputOptions.DEFAULT,
            new OutputOptions(0, true, true, List.of(SampleReports.CAMPAIGN_HEADER)));

    @Test
    void jsonLinesTextIsWhatTheWriterWritesHostileTextIncluded() {
        for (OutputOptions options : OPTIONS) {
            ResultRenderer renderer = ResultWriters.renderer(OutputFormat.JSONL, options);
            assertNotNull(renderer);
            StringBuilder rendered = new StringBuilder();
            for (SampleReports.Item item : SampleReports.all()) {
                rendered.append(renderer.render(item.source(), item.index(), item.report()));
            }
            assertEquals(SampleReports.render(OutputFormat.JSONL, options, SampleReports.all()), rendered.toString());
        }
    }

    @Test
    void rendersTheSameOnManyThreadsAtOnce() throws Exception {
        ResultRenderer renderer = ResultWriters.renderer(OutputFormat.JSONL, OutputOptions.DEFAULT);
        List<SampleReports.Item> items = SampleReports.all();
        List<String> expected = new ArrayList<>();
        for (SampleReports.Item item : items) {
            expected.add(SampleReports.render(OutputFormat.JSONL, OutputOptions.DEFAULT, List.of(item)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int round = 0; round < 200; round++) {
                SampleReports.Item item = items.get(round % items.size());
                futures.add(pool.submit(() -> renderer.render(item.source(), item.index(), item.report())));
            }
            for (int round = 0; round < futures.size(); round++) {
                assertEquals(expected.get(round % items.size()), futures.get(round).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = {"TABLE", "CSV", "SUMMARY"})
    void formatsWithSharedStateHaveNoRenderer(OutputFormat format) {
        assertNull(ResultWriters.renderer(format, OutputOptions.DEFAULT));
    }
}
