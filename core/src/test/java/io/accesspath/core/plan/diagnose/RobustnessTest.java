package io.accesspath.core.plan.diagnose;

import io.accesspath.core.plan.Fields;
import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.PlanParser;
import io.accesspath.core.plan.PlanValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analysis and reports never fail: on every plan of the corpus, and on made-up trees of made-up
 * nodes (seeded, so a failure repeats).
 */
class RobustnessTest {

    static Stream<String> corpus() {
        return Fixtures.corpus();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyCorpusPlanIsAnalyzedAndRendered(String file) {
        Plan plan = PlanParser.parse(Fixtures.root().resolve(file));
        Analysis a = PlanAnalyzer.analyze(plan);
        assertThat(PlanReport.text(a)).isNotBlank();
        assertThat(PlanReport.markdown(a)).isNotBlank();
        assertThat(PlanReport.json(a)).contains("\"Diagnoses\": [");
        assertThat(PlanReport.text(PlanDiff.compare(plan, plan))).startsWith("Verdict: same");
    }

    @Test
    void unknownNodesAndFieldsAreCarriedThrough() {
        Analysis a = PlanAnalyzer.analyze(PlanParser.parse(Fixtures.root().resolve("handwritten/unknown_nodes.txt")));
        assertThat(a.diagnoses()).isEmpty();
        assertThat(PlanReport.text(a)).contains("Custom Scan on events", "-> Teleport Scan on \"Wormhole\" w");
    }

    @Test
    void plansThatWereNotRunGetANoteAndNoDiagnoses() {
        Analysis plain = PlanAnalyzer.analyze(PlanParser.parse(Fixtures.root().resolve("pg15/plain_explain.txt")));
        assertThat(plain.diagnoses()).isEmpty();
        assertThat(plain.notes()).singleElement().asString().contains("without ANALYZE");
        assertThat(PlanReport.text(plain)).startsWith("Not run (EXPLAIN without ANALYZE): estimated cost ");

        Analysis untimed = PlanAnalyzer.analyze(PlanParser.parse(
                Fixtures.root().resolve("pg15/timing_off_never_executed.txt")));
        assertThat(untimed.notes()).anySatisfy(n -> assertThat(n).startsWith("Timing was off"));
        assertThat(PlanReport.text(untimed)).contains("never  executed");
    }

    @Test
    void madeUpPlansNeverBreakTheAnalysis() {
        Random random = new Random(20261202);
        for (int i = 0; i < 2_000; i++) {
            Plan plan = new Plan(node(random, 3), Fields.of(Map.of("Execution Time", num("12.5"),
                    "Planning Time", num("30.1"))));
            Analysis a = PlanAnalyzer.analyze(plan);
            PlanReport.text(a);
            PlanReport.markdown(a);
            PlanReport.json(a);
            PlanReport.json(PlanDiff.compare(plan, plan));
        }
    }

    private static final List<String> TYPES = List.of("Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan",
            "Bitmap Index Scan", "Nested Loop", "Hash Join", "Merge Join", "Hash", "Sort", "Incremental Sort",
            "Aggregate", "Limit", "Gather", "Gather Merge", "Materialize", "Memoize", "ModifyTable", "Frobnicate", "");
    private static final List<String> TEXT_KEYS = List.of("Filter", "Index Cond", "Recheck Cond", "Join Filter",
            "Relation Name", "Alias", "Index Name", "Strategy", "Parent Relationship", "Sort Method",
            "Sort Space Type", "Subplan Name", "Join Type", "Scan Direction");
    private static final List<String> NUMBER_KEYS = List.of("Actual Rows", "Actual Loops", "Plan Rows",
            "Actual Total Time", "Rows Removed by Filter", "Rows Removed by Join Filter", "Heap Fetches",
            "Lossy Heap Blocks", "Exact Heap Blocks", "Hash Batches", "Peak Memory Usage", "Disk Usage",
            "Sort Space Used", "Workers Planned", "Workers Launched", "Shared Hit Blocks", "Temp Read Blocks",
            "Total Cost", "HashAgg Batches");
    private static final List<String> TEXTS = List.of("", "x", "((a = 1) OR (b.c = 2))", "(lower(x) = 'y'::text)",
            "((a)::numeric = 4.0)", "(a ~~ '%b'::text)", "Outer", "Inner", "SubPlan", "InitPlan", "Hashed", "Disk",
            "external merge", "SubPlan 1", "((((", "date_trunc('day'::text, a) = '2024-01-01'::date", "Semi",
            "Backward");
    private static final int[] NUMBERS = {0, 1, 2, 10, 999, 1_000, 10_000, 100_000, 500_000};

    /** A node of a random type with random known fields (random values) and up to three children. */
    private static PlanNode node(Random random, int depth) {
        Map<String, PlanValue> fields = new LinkedHashMap<>();
        fields.put("Node Type", PlanValue.text(TYPES.get(random.nextInt(TYPES.size()))));
        for (int n = random.nextInt(14); n > 0; n--) {
            if (random.nextBoolean()) {
                fields.put(TEXT_KEYS.get(random.nextInt(TEXT_KEYS.size())),
                        PlanValue.text(TEXTS.get(random.nextInt(TEXTS.size()))));
            } else {
                fields.put(NUMBER_KEYS.get(random.nextInt(NUMBER_KEYS.size())),
                        num(String.valueOf(NUMBERS[random.nextInt(NUMBERS.length)])));
            }
        }
        List<PlanNode> children = new ArrayList<>();
        for (int n = depth == 0 ? 0 : random.nextInt(4); n > 0; n--) {
            children.add(node(random, depth - 1));
        }
        return new PlanNode(Fields.of(fields), children);
    }

    private static PlanValue num(String digits) {
        return new PlanValue.NumberValue(new BigDecimal(digits));
    }
}
