package io.accesspath.core.plan.diagnose;

import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanJson;
import io.accesspath.core.plan.PlanParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports compared verbatim with golden files in src/test/resources/golden/diagnose; run with
 * {@code -Dgolden.update=true} to rewrite them after an intended change (and read the diff).
 */
class PlanReportTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/diagnose");

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
        "nested_loop_underestimate, txt", "nested_loop_underestimate, md", "nested_loop_underestimate, json",
        "correlated_subplan, txt", "non_sargable_or_join, md", "workers_not_launched, txt", "planning_dominates, json",
    })
    void analysisReports(String fixture, String format) {
        Analysis a = Fixtures.analyze("pg15/" + fixture + ".json");
        golden(fixture + "." + format, PlanReportTest.<Analysis>render(format, PlanReport::text, PlanReport::markdown,
                PlanReport::json).apply(a));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"txt", "md", "json"})
    void comparisonReports(String format) {
        PlanComparison c = PlanDiff.compare(Fixtures.plan("pg15/nested_loop_underestimate.json"),
                Fixtures.plan("pg15/nested_loop_underestimate_fixed.json"));
        golden("compare_nested_loop." + format,
                PlanReportTest.<PlanComparison>render(format, PlanReport::text, PlanReport::markdown, PlanReport::json)
                        .apply(c));
    }

    @Test
    void aPlanThatWasNotRunShowsCostsOnly() {
        Analysis a = PlanAnalyzer.analyze(PlanParser.parse(Fixtures.root().resolve("pg15/plain_explain.txt")));
        golden("plain_explain.txt", PlanReport.text(a));
    }

    @Test
    void theJsonIsPostgresqlsPlanWithDiagnosesBesideIt() {
        Plan plan = Fixtures.plan("pg15/hash_spill_join.json");
        String json = PlanReport.json(PlanAnalyzer.analyze(plan));
        String postgres = Fixtures.read(Fixtures.root().resolve("diagnose/pg15/hash_spill_join.json")).strip();

        // everything PostgreSQL printed comes first, unchanged; the diagnoses close the query object
        String head = postgres.substring(0, postgres.length() - "\n  }\n]".length());
        assertThat(json).startsWith(head + ",\n    \"Diagnoses\": [");
        Plan reread = PlanParser.parseJson(json, "report");
        assertThat(reread.root()).isEqualTo(plan.root());
        assertThat(PlanJson.write(reread)).isEqualTo(json);
    }

    @Test
    void reportsAreDeterministic() {
        for (String f : new String[] {"pg15/hot_join.txt", "pg15/large_offset_sorted.json"}) {
            assertThat(PlanReport.text(Fixtures.analyze(f))).isEqualTo(PlanReport.text(Fixtures.analyze(f)));
            assertThat(PlanReport.json(Fixtures.analyze(f))).isEqualTo(PlanReport.json(Fixtures.analyze(f)));
        }
    }

    private static <T> Function<T, String> render(String format, Function<T, String> text, Function<T, String> md,
                                                  Function<T, String> json) {
        return switch (format) {
            case "txt" -> text;
            case "md" -> md;
            default -> json;
        };
    }

    private static void golden(String name, String actual) {
        Path file = GOLDEN.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).as(name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
