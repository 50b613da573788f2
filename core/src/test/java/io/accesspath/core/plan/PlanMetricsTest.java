package io.accesspath.core.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Metrics on known plans, worked out by hand from the numbers in the files. */
class PlanMetricsTest {
    private static final org.assertj.core.data.Offset<Double> MS = within(0.0005);

    private static Plan plan(String file) {
        return PlanParser.parse(Corpus.read(file), file);
    }

    private static PlanNode node(Plan plan, String type, int nth) {
        return plan.nodes().filter(n -> n.nodeType().equals(type)).skip(nth).findFirst().orElseThrow();
    }

    @Test
    void exclusiveTimeSubtractsChildrenOverAllLoops() {
        Plan plan = plan("pg15/hash_join_batches.txt");
        PlanMetrics m = PlanMetrics.of(plan);

        assertThat(m.of(plan.root()).inclusiveTime().getAsDouble()).isCloseTo(64.517, MS);
        assertThat(m.of(plan.root()).exclusiveTime().getAsDouble()).isCloseTo(64.517 - 59.143, MS);
        assertThat(m.of(node(plan, "Hash", 0)).exclusiveTime().getAsDouble()).isCloseTo(22.054 - 8.718, MS);
    }

    @Test
    void parallelNodesAreDividedAmongTheProcessesThatRanThem() {
        Plan plan = plan("pg15/parallel_aggregate.txt");
        PlanMetrics m = PlanMetrics.of(plan);

        PlanNode gather = node(plan, "Gather", 0);
        PlanNode partial = node(plan, "Aggregate", 1);
        assertThat(m.of(partial).inclusiveTime().getAsDouble()).isCloseTo(8.168, MS);
        assertThat(m.of(gather).exclusiveTime().getAsDouble()).isCloseTo(49.939 - 8.168, MS);
        assertThat(m.of(partial).exclusiveTime().getAsDouble()).isCloseTo(8.168 - 2.578, MS);
    }

    @Test
    void aCteIsChargedToTheCteScanThatReadsIt() {
        Plan plan = plan("pg18/cte_scan.txt");
        PlanMetrics m = PlanMetrics.of(plan);

        PlanNode cteScan = node(plan, "CTE Scan", 0);
        assertThat(m.of(plan.root()).exclusiveTime().getAsDouble()).isCloseTo(40.777 - 40.374, MS);
        assertThat(m.of(cteScan).exclusiveTime().getAsDouble()).isCloseTo(40.374 - 39.372, MS);
    }

    @Test
    void initPlansAndSubPlansAreChargedToTheNodeThatEvaluatesThem() {
        Plan pg18 = plan("pg18/initplan_subplan.txt");
        assertThat(PlanMetrics.of(pg18).of(pg18.root()).exclusiveTime().getAsDouble())
                .isCloseTo(1.339 - 0.245 - 0.050 * 20, MS);

        Plan pg13 = plan("handwritten/pg13_hash_batches.txt");
        PlanMetrics m = PlanMetrics.of(pg13);
        PlanNode hash = node(pg13, "Hash", 0);
        PlanNode customers = node(pg13, "Seq Scan", 1);
        assertThat(m.of(customers).exclusiveTime().getAsDouble()).isCloseTo(15.902 - 0.001, MS);
        assertThat(m.of(hash).exclusiveTime().getAsDouble()).isCloseTo(40.513 - 15.902, MS);
    }

    @Test
    void estimateFactorCountsAllLoops() {
        Plan plan = plan("handwritten/pg18_features.txt");
        PlanMetrics m = PlanMetrics.of(plan);

        NodeMetrics index = m.of(node(plan, "Index Scan", 0));
        assertThat(index.estimateFactor()).hasValue(1000.0 / 10.0);
        assertThat(index.underestimated()).isFalse();
        NodeMetrics seq = m.of(node(plan, "Seq Scan", 0));
        assertThat(seq.estimateFactor()).hasValue(1.0);
        assertThat(seq.removedShare().getAsDouble()).isCloseTo(1980.0 / 2000.0, within(1e-9));
        assertThat(index.rowsRemoved()).hasValue(49.0 * 20);
    }

    @Test
    void underestimatesAreFlagged() {
        Plan plan = plan("pg15/seq_scan_filter.txt");
        NodeMetrics root = PlanMetrics.of(plan).of(plan.root());

        assertThat(root.estimateFactor().getAsDouble()).isCloseTo(772.0 / 700.0, within(1e-9));
        assertThat(root.underestimated()).isFalse();
        assertThat(root.removedShare().getAsDouble()).isCloseTo(99300.0 / 100000.0, within(1e-9));
    }

    @Test
    void exclusiveBuffersAndHeapFetches() {
        Plan plan = plan("pg15/hash_join_batches.txt");
        PlanMetrics m = PlanMetrics.of(plan);

        assertThat(m.of(plan.root()).exclusiveBuffers()).hasValue(Buffers.ZERO);
        Buffers join = m.of(node(plan, "Hash Join", 0)).exclusiveBuffers().orElseThrow();
        assertThat(join.sharedHit()).isZero();
        assertThat(join.tempRead()).isEqualTo(756);
        assertThat(join.tempWritten()).isEqualTo(756 - 315);

        Plan pg16 = plan("handwritten/pg16_initplan_io.txt");
        assertThat(PlanMetrics.of(pg16).of(node(pg16, "Index Only Scan", 0)).heapFetches()).hasValue(1);
    }

    @Test
    void withoutTimingOrAnalyzeThereIsNothingToMeasure() {
        Plan timingOff = plan("pg15/timing_off_never_executed.txt");
        PlanMetrics m = PlanMetrics.of(timingOff);
        assertThat(m.of(timingOff.root()).exclusiveTime()).isEmpty();
        PlanNode never = node(timingOff, "Bitmap Heap Scan", 0);
        assertThat(never.neverExecuted()).isTrue();
        assertThat(m.of(never).inclusiveTime()).hasValue(0.0);
        assertThat(m.of(never).estimateFactor()).isEmpty();

        Plan explain = plan("pg15/plain_explain.txt");
        assertThat(PlanMetrics.of(explain).nodes()).allSatisfy(n -> {
            assertThat(n.inclusiveTime()).isEmpty();
            assertThat(n.estimateFactor()).isEmpty();
            assertThat(n.exclusiveBuffers()).isEmpty();
        });
    }
}
