package org.bouncekit.output;

import org.bouncekit.GoldenFiles;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every format, rendered from the sample reports, against its reviewed golden file. */
class GoldenOutputTest {
    private static final List<String> CAMPAIGN = List.of(SampleReports.CAMPAIGN_HEADER);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("all.jsonl", OutputFormat.JSONL, OutputOptions.DEFAULT, SampleReports.all()),
                Arguments.of("crosswalk.jsonl", OutputFormat.JSONL,
                        new OutputOptions(0, false, true, CAMPAIGN), SampleReports.benign()),
                // CSV keeps untrusted text as it is (it is data); the hostile report has its own tests.
                Arguments.of("all.csv", OutputFormat.CSV, OutputOptions.DEFAULT, SampleReports.benign()),
                Arguments.of("crosswalk.csv", OutputFormat.CSV,
                        new OutputOptions(0, false, true, CAMPAIGN), SampleReports.benign()),
                Arguments.of("table-unlimited.txt", OutputFormat.TABLE, OutputOptions.DEFAULT, SampleReports.all()),
                Arguments.of("table-160.txt", OutputFormat.TABLE,
                        new OutputOptions(160, false, false, List.of()), SampleReports.all()),
                Arguments.of("table-80-explain.txt", OutputFormat.TABLE,
                        new OutputOptions(80, true, true, CAMPAIGN), SampleReports.all()),
                Arguments.of("summary.txt", OutputFormat.SUMMARY, OutputOptions.DEFAULT, SampleReports.all()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGolden(String golden, OutputFormat format, OutputOptions options, List<SampleReports.Item> items)
            throws IOException {
        GoldenFiles.assertMatches("output/" + golden, SampleReports.render(format, options, items));
    }
}
