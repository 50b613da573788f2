package io.accesspath.core.plan.diagnose;

import io.accesspath.core.plan.diagnose.SchemaFacts.HotJoin;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.accesspath.core.plan.diagnose.Fixtures.fact;
import static io.accesspath.core.plan.diagnose.Fixtures.one;
import static io.accesspath.core.plan.diagnose.Fixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** heap-fetches, large-offset, correlated-subplan, workers, JIT, planning and the schema-level rule. */
class ExecutionRulesTest {

    @Test
    void heapFetchesAskForVacuum() {
        Diagnosis d = one("pg15/heap_fetches.json", Kind.HEAP_FETCHES);
        assertThat(fact(d, "Heap Fetches")).isEqualTo(2_000);
        assertThat(d.fixes().get(0).sql()).contains("VACUUM stock;");
    }

    @Test
    void aLargeOffsetSuggestsKeysetPagination() {
        Diagnosis sorted = one("pg15/large_offset_sorted.json", Kind.LARGE_OFFSET);
        assertThat(fact(sorted, "Rows Skipped")).isEqualTo(50_000);
        assertThat(sql(sorted)).isEqualTo("WHERE (amount, id) > ($1, $2) ORDER BY amount, id LIMIT 20");

        Diagnosis indexOrder = one("pg15/large_offset.json", Kind.LARGE_OFFSET);
        assertThat(fact(indexOrder, "Rows Skipped")).isEqualTo(100_000);
        assertThat(indexOrder.fixes()).singleElement().satisfies(f -> assertThat(f.sql()).isEmpty());
        assertThat(indexOrder.effect().rowsAvoided()).hasValue(100_000);
    }

    @Test
    void aCorrelatedSubplanNamesItsCorrelation() {
        Diagnosis d = one("pg15/correlated_subplan.json", Kind.CORRELATED_SUBPLAN);
        assertThat(fact(d, "Actual Loops")).isEqualTo(2_386);
        assertThat(d.evidence().summary()).startsWith("SubPlan 1 ran 2,386 times");
        assertThat(d.cause()).contains("correlated through (customer_id = c.id)");
    }

    @Test
    void workersNotLaunchedNameTheSessionSetting() {
        Diagnosis d = one("pg15/workers_not_launched.json", Kind.WORKERS_NOT_LAUNCHED);
        assertThat(fact(d, "Workers Planned")).isEqualTo(2);
        assertThat(fact(d, "Workers Launched")).isZero();
        assertThat(d.cause()).contains("max_parallel_workers = 0", "the leader alone");
        assertThat(sql(d)).isEqualTo("RESET max_parallel_workers;");
    }

    @Test
    void jitDominatingIsAQueryLevelDiagnosis() {
        Diagnosis d = one("pg15/jit_dominates.json", Kind.JIT_DOMINATES);
        assertThat(d.node()).isEmpty();
        assertThat(d.subject()).isEqualTo("query");
        assertThat(d.fixes().get(0).sql()).contains("SET jit = off;");
        assertThat(d.fixes().get(1).sql().orElseThrow()).startsWith("SET jit_inline_above_cost = 10000;");

        Diagnosis pg17 = one("handwritten/pg17_jit_dominates.txt", Kind.JIT_DOMINATES);
        assertThat(fact(pg17, "JIT Total")).isEqualTo(33.998);
        assertThat(fact(pg17, "JIT Optimization")).isEqualTo(15.949);
        assertThat(pg17.effect().timeShare().getAsDouble()).isCloseTo(33.998 / 45.507, within(1e-9));
    }

    @Test
    void planningDominatingNamesTheJoins() {
        Diagnosis d = one("pg15/planning_dominates.json", Kind.PLANNING_DOMINATES);
        assertThat(fact(d, "Joins")).isEqualTo(11);
        assertThat(d.cause()).contains("it joins 12 relations");
        assertThat(sql(d)).contains("SET join_collapse_limit = 4;");
        assertThat(d.effect().summary()).contains("of planning and execution");
    }

    @Test
    void aLargeJoinAggregatedAwayIsASchemaLevelDiagnosis() {
        Diagnosis d = one("pg15/hot_join.json", Kind.SCHEMA_JOIN_HOT_PATH);
        assertThat(fact(d, "Join Rows")).isEqualTo(500_000);
        assertThat(fact(d, "Query Rows")).isEqualTo(68);
        assertThat(d.fixes().get(1).action()).isEqualTo("Or copy customers.country into orders (kept in sync on "
                + "write), so the aggregate reads one table and can use an index on it.");
    }

    @Test
    void aHotPatternThatAlwaysJoinsTheseTablesRaisesTheSchemaDiagnosis() {
        SchemaFacts facts = new SchemaFacts(List.of(), List.of(new HotJoin("sales-by-country",
                Set.of("orders", "customers")), new HotJoin("unrelated", Set.of("orders", "payments"))));
        Diagnosis d = Fixtures.analyze("pg15/hot_join_all_rows_near_miss.json", facts).diagnoses().stream()
                .filter(x -> x.kind() == Kind.SCHEMA_JOIN_HOT_PATH).findFirst().orElse(null);
        assertThat(d).as("facts do not lower the thresholds").isNull();

        Diagnosis raised = Fixtures.analyze("pg15/hot_join.json", facts).diagnoses().stream()
                .filter(x -> x.kind() == Kind.SCHEMA_JOIN_HOT_PATH).findFirst().orElseThrow();
        assertThat(raised.severity()).isEqualTo(Severity.HIGH);
        assertThat(raised.evidence().summary()).endsWith("Access pattern sales-by-country always joins these tables.");
    }

    @Test
    void diagnosesAreRankedByTheTimeTheyAccountFor() {
        for (String f : List.of("pg15/nested_loop_underestimate.json", "pg15/hash_spill_join.json",
                "pg15/large_offset_sorted.json", "pg15/non_sargable_like.json")) {
            List<Double> times = Fixtures.analyze(f).diagnoses().stream()
                    .map(d -> d.effect().timeMs().orElse(-1)).toList();
            assertThat(times).as(f).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }
}
