package io.accesspath.core.plan.diagnose;

import io.accesspath.core.plan.Fields;
import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.PlanParser;
import io.accesspath.core.plan.PlanValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Analysis and reports never fail: on every plan of the corpus, and on made-up trees of made-up nodes. */
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

    @Property(tries = 300)
    void madeUpPlansNeverBreakTheAnalysis(@ForAll("plans") Plan plan) {
        Analysis a = PlanAnalyzer.analyze(plan);
        PlanReport.text(a);
        PlanReport.markdown(a);
        PlanReport.json(a);
        PlanReport.json(PlanDiff.compare(plan, plan));
    }

    @Provide
    Arbitrary<Plan> plans() {
        return node(3).map(root -> new Plan(root, Fields.of(Map.of("Execution Time", num("12.5"),
                "Planning Time", num("30.1")))));
    }

    private static final List<String> TYPES = List.of("Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan",
            "Bitmap Index Scan", "Nested Loop", "Hash Join", "Merge Join", "Hash", "Sort", "Incremental Sort",
            "Aggregate", "Limit", "Gather", "Gather Merge", "Materialize", "Memoize", "Frobnicate", "");
    private static final List<String> TEXT_KEYS = List.of("Filter", "Index Cond", "Recheck Cond", "Join Filter",
            "Relation Name", "Alias", "Index Name", "Strategy", "Parent Relationship", "Sort Method",
            "Sort Space Type", "Subplan Name", "Join Type");
    private static final List<String> NUMBER_KEYS = List.of("Actual Rows", "Actual Loops", "Plan Rows",
            "Actual Total Time", "Rows Removed by Filter", "Rows Removed by Join Filter", "Heap Fetches",
            "Lossy Heap Blocks", "Exact Heap Blocks", "Hash Batches", "Peak Memory Usage", "Disk Usage",
            "Sort Space Used", "Workers Planned", "Workers Launched", "Shared Hit Blocks", "Temp Read Blocks",
            "Total Cost", "HashAgg Batches");
    private static final List<String> TEXTS = List.of("", "x", "((a = 1) OR (b.c = 2))", "(lower(x) = 'y'::text)",
            "((a)::numeric = 4.0)", "(a ~~ '%b'::text)", "Outer", "Inner", "SubPlan", "InitPlan", "Hashed", "Disk",
            "external merge", "SubPlan 1", "((((", "date_trunc('day'::text, a) = '2024-01-01'::date", "Semi");

    private static Arbitrary<PlanNode> node(int depth) {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(TEXT_KEYS).map(k -> "T" + k),
                Arbitraries.of(NUMBER_KEYS).map(k -> "N" + k));
        Arbitrary<Map<String, PlanValue>> fields = Arbitraries.maps(keys, Arbitraries.integers().between(0, 500_000))
                .ofMaxSize(12)
                .flatMap(m -> Arbitraries.of(TEXTS).list().ofSize(m.size()).map(texts -> {
                    Map<String, PlanValue> out = new LinkedHashMap<>();
                    int i = 0;
                    for (Map.Entry<String, Integer> e : m.entrySet()) {
                        String key = e.getKey().substring(1);
                        out.put(key, e.getKey().startsWith("T") ? PlanValue.text(texts.get(i))
                                : num(e.getValue().toString()));
                        i++;
                    }
                    return out;
                }));
        Arbitrary<List<PlanNode>> children = depth == 0 ? Arbitraries.just(List.of())
                : node(depth - 1).list().ofMaxSize(3);
        return Arbitraries.of(TYPES).flatMap(type -> fields.flatMap(f -> children.map(kids -> {
            Map<String, PlanValue> all = new LinkedHashMap<>();
            all.put("Node Type", PlanValue.text(type));
            all.putAll(f);
            return new PlanNode(Fields.of(all), kids);
        })));
    }

    private static PlanValue num(String digits) {
        return new PlanValue.NumberValue(new BigDecimal(digits));
    }
}
