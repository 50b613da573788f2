package io.accesspath.core.plan.diagnose;

import io.accesspath.core.plan.PlanParser;
import org.junit.jupiter.api.Test;

import static io.accesspath.core.plan.diagnose.Fixtures.fact;
import static io.accesspath.core.plan.diagnose.Fixtures.one;
import static io.accesspath.core.plan.diagnose.Fixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;

/** sort-spill, hash-spill and lossy-bitmap in detail: work_mem is sized from what spilled. */
class MemoryRulesTest {

    @Test
    void anExternalSortAsksForTwiceItsDiskSpace() {
        Diagnosis d = one("pg15/sort_spill.json", Kind.SORT_SPILL);

        assertThat(fact(d, "Sort Space Used")).isEqualTo(27_992);
        assertThat(sql(d)).isEqualTo("SET work_mem = '64MB';");
        assertThat(d.cause()).contains("(total DESC, id)");
    }

    @Test
    void parallelWorkersAndIncrementalSortGroupsCountToo() {
        Diagnosis parallel = one("pg15/sort_spill_parallel.json", Kind.SORT_SPILL);
        assertThat(fact(parallel, "Sort Space Used")).isGreaterThan(0);
        assertThat(sql(parallel)).startsWith("SET work_mem = ");

        Diagnosis incremental = one("pg15/sort_spill_incremental.json", Kind.SORT_SPILL);
        assertThat(fact(incremental, "Sort Space Used")).isEqualTo(416);
        assertThat(sql(incremental)).isEqualTo("SET work_mem = '1MB';");
    }

    @Test
    void aHashJoinInBatchesAsksForPeakMemoryTimesBatches() {
        Diagnosis d = one("pg15/hash_spill_join.json", Kind.HASH_SPILL);

        assertThat(fact(d, "Hash Batches")).isEqualTo(16);
        assertThat(fact(d, "Peak Memory Usage")).isEqualTo(1_976);
        assertThat(d.cause()).contains("does not fit");
        assertThat(sql(d)).isEqualTo("SET work_mem = '32MB';");
    }

    @Test
    void batchesThatGrewDuringTheJoinAreBlamedOnTheEstimate() {
        Analysis a = PlanAnalyzer.analyze(PlanParser.parse(Fixtures.root().resolve("handwritten/pg13_hash_batches.txt")));
        Diagnosis d = a.diagnoses().stream().filter(x -> x.kind() == Kind.HASH_SPILL).findFirst().orElseThrow();

        assertThat(fact(d, "Original Hash Batches")).isEqualTo(2);
        assertThat(d.evidence().summary()).contains("4 batches (planned 2)");
        assertThat(d.cause()).contains("outgrew work_mem");
    }

    @Test
    void aSpilledHashAggregateAsksForItsMemoryAndDiskWithHeadroom() {
        Diagnosis d = one("pg15/hash_spill_aggregate.json", Kind.HASH_SPILL);

        assertThat(d.node().orElseThrow().heading()).isEqualTo("HashAggregate");
        assertThat(fact(d, "Disk Usage")).isGreaterThan(0);
        assertThat(sql(d)).isEqualTo("SET work_mem = '32MB';");
    }

    @Test
    void aLossyBitmapAsksForMemoryPerHeapPage() {
        Diagnosis d = one("pg15/lossy_bitmap.json", Kind.LOSSY_BITMAP);

        assertThat(fact(d, "Lossy Heap Blocks")).isEqualTo(2_063);
        assertThat(fact(d, "Exact Heap Blocks")).isEqualTo(1_009);
        assertThat(d.effect().rowsAvoided()).hasValue(247_520);
        // 3,072 pages x 96 bytes = 288 kB: the measured need was between 128 and 192 kB
        assertThat(sql(d)).isEqualTo("SET work_mem = '512kB';");
    }
}
