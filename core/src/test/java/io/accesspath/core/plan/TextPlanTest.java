package io.accesspath.core.plan;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-written text plans for what the captured servers did not print, and pasted variants. */
class TextPlanTest {

    private static Plan text(String file) {
        return PlanParser.parse(Corpus.read(file), file);
    }

    private static PlanNode node(Plan plan, String type, int nth) {
        return plan.nodes().filter(n -> n.nodeType().equals(type)).skip(nth).findFirst().orElseThrow();
    }

    @Test
    void pg13HashOriginallyAndOldIoTimings() {
        Plan plan = text("handwritten/pg13_hash_batches.txt");

        PlanNode hash = node(plan, "Hash", 0);
        assertThat(hash.hashBuckets()).hasValue(65536);
        assertThat(hash.hashBatches()).hasValue(4);
        assertThat(hash.originalHashBatches()).hasValue(2);
        assertThat(hash.peakMemoryUsage()).hasValue(3585);
        assertThat(hash.fields().decimal("I/O Write Time")).hasValue(0.310);
        assertThat(plan.root().buffers().orElseThrow().tempRead()).isEqualTo(1154);
        PlanNode init = hash.children().get(0);
        assertThat(init.parentRelationship()).hasValue("InitPlan");
        assertThat(init.subplanName()).hasValue("InitPlan 1 (returns $0)");
        assertThat(hash.children().get(1).parentRelationship()).hasValue("Outer");
        assertThat(hash.children().get(1).fields().integer("Rows Removed by Filter")).hasValue(0);
    }

    @Test
    void pg14MemoizeAsyncForeignScansAndSubPlan() {
        Plan plan = text("handwritten/pg14_memoize_async.txt");

        PlanNode memoize = node(plan, "Memoize", 0);
        assertThat(memoize.cacheKey()).hasValue("t1.two");
        assertThat(memoize.cacheHits()).hasValue(9998);
        assertThat(memoize.cacheMisses()).hasValue(2);
        assertThat(memoize.fields().integer("Cache Overflows")).hasValue(0);
        PlanNode subPlan = plan.root().children().get(2);
        assertThat(subPlan.parentRelationship()).hasValue("SubPlan");
        assertThat(subPlan.subplanName()).hasValue("SubPlan 1");
        PlanNode foreign = subPlan.children().get(1);
        assertThat(foreign.nodeType()).isEqualTo("Foreign Scan");
        assertThat(foreign.operation()).hasValue("Select");
        assertThat(foreign.fields().bool("Async Capable")).hasValue(true);
        assertThat(foreign.relationName()).hasValue("remote_b");
        assertThat(foreign.alias()).hasValue("rb");
        assertThat(foreign.parentRelationship()).hasValue("Member");
        assertThat(subPlan.fields().integer("Subplans Removed")).hasValue(0);
    }

    @Test
    void pg16InitPlansAndSplitIoTimings() {
        Plan plan = text("handwritten/pg16_initplan_io.txt");

        assertThat(plan.root().children()).extracting(n -> n.subplanName().orElseThrow())
                .containsExactly("InitPlan 1 (returns $0)", "InitPlan 2 (returns $1)");
        assertThat(plan.root().fields().decimal("Shared I/O Read Time")).hasValue(0.041);
        assertThat(plan.root().fields().decimal("Temp I/O Write Time")).hasValue(0.004);
        PlanNode backward = node(plan, "Index Only Scan", 1);
        assertThat(backward.fields().text("Scan Direction")).hasValue("Backward");
        assertThat(backward.alias()).hasValue("orders_1");
        assertThat(plan.planningBuffers().orElseThrow().sharedHit()).isEqualTo(12);
    }

    @Test
    void pg18FractionalRowsIndexSearchesDisabledAndStorage() {
        Plan plan = text("handwritten/pg18_features.txt");

        PlanNode index = node(plan, "Index Scan", 0);
        assertThat(index.fields().number("Actual Rows")).hasValue(new BigDecimal("0.50"));
        assertThat(index.indexSearches()).hasValue(20);
        assertThat(node(plan, "Seq Scan", 0).disabled()).isTrue();
        assertThat(index.disabled()).isFalse();
        assertThat(plan.root().fields().text("Window")).hasValue("w1 AS (PARTITION BY o.customer_id ORDER BY o.created_at)");
        assertThat(plan.root().fields().text("Storage")).hasValue("Memory");
        assertThat(plan.root().fields().integer("Maximum Storage")).hasValue(17);
        assertThat(PlanJson.write(plan)).contains("\"Actual Rows\": 0.50,");
    }

    @Test
    void psqlFramedVerbosePlanWithQueryLevelBlocks() {
        Plan plan = text("handwritten/psql_verbose_workers.txt");

        PlanNode sort = node(plan, "Sort", 0);
        assertThat(sort.workers()).hasSize(2);
        Fields worker0 = sort.workers().get(0);
        assertThat(worker0.integer("Worker Number")).hasValue(0);
        assertThat(worker0.decimal("Actual Total Time")).hasValue(4.233);
        assertThat(worker0.integer("Sort Space Used")).hasValue(31);
        assertThat(worker0.integer("Shared Hit Blocks")).hasValue(200);
        assertThat(sort.workers().get(1).integer("Shared Hit Blocks")).hasValue(0);
        assertThat(node(plan, "Seq Scan", 0).schema()).hasValue("shop");
        assertThat(plan.settings().orElseThrow().text("search_path")).hasValue("shop, public");
        assertThat(plan.fields().integer("Query Identifier")).hasValue(-3518546127226381455L);
        assertThat(plan.planning().orElseThrow().integer("Memory Allocated")).hasValue(32);
        assertThat(plan.triggers()).singleElement().satisfies(t -> {
            assertThat(t.text("Trigger Name")).hasValue("RI_ConstraintTrigger_a_16411");
            assertThat(t.text("Constraint Name")).hasValue("orders_customer_id_fkey");
            assertThat(t.text("Relation")).hasValue("customers");
            assertThat(t.integer("Calls")).hasValue(3);
        });
        Fields jit = plan.jit().orElseThrow();
        assertThat(jit.integer("Functions")).hasValue(4);
        assertThat(jit.object("Options").orElseThrow().bool("Inlining")).hasValue(false);
        assertThat(jit.object("Timing").orElseThrow().object("Generation").orElseThrow().decimal("Deform")).hasValue(0.101);
        Fields serialization = plan.fields().object("Serialization").orElseThrow();
        assertThat(serialization.integer("Output Volume")).hasValue(307);
        assertThat(serialization.integer("Shared Hit Blocks")).hasValue(3);
        assertThat(plan.executionTime()).hasValue(52.985);
        assertThat(List.copyOf(plan.fields().keys())).containsExactly("Settings", "Query Identifier", "Planning",
                "Planning Time", "Triggers", "JIT", "Serialization", "Execution Time");
    }

    @Test
    void pastedVariantsGiveTheSameTreeAsTheRawText() {
        assertThat(text("handwritten/plus_marked.txt")).isEqualTo(text("pg15/incremental_sort.txt"));
        assertThat(text("handwritten/pgadmin_quoted.txt")).isEqualTo(text("pg15/cte_scan.txt"));
        assertThat(text("psql/pg15_hash_join_wrapped.txt")).isEqualTo(text("psql/pg15_hash_join_plain_explain_aligned.txt"));
        assertThat(PlanDiff.compare(text("psql/pg15_hash_join_plain_explain_aligned.txt"),
                text("psql/pg15_hash_join_plain_explain.json"), Set.of())).isEmpty();
        assertThat(PlanJson.write(text("psql/pg15_index_scan_aligned.json.txt")))
                .isEqualTo(Corpus.read("psql/pg15_index_scan.json").stripTrailing());
        assertThat(text("psql/pg15_hash_join_aligned.txt").root().nodeType()).isEqualTo("Hash Join");
    }

    @Test
    void unknownNodeTypesAndFieldsAreKeptVerbatim() {
        Plan plan = text("handwritten/unknown_nodes.txt");

        assertThat(plan.root().nodeType()).isEqualTo("Custom Scan");
        assertThat(plan.root().fields().text("Custom Plan Provider")).hasValue("ColumnarScan");
        assertThat(plan.root().relationName()).hasValue("events");
        assertThat(plan.root().fields().text("Columnar Projected Columns")).hasValue("id, day, kind");
        assertThat(plan.root().fields().integer("Columnar Chunk Groups Removed by Filter")).hasValue(3);
        PlanNode unknown = plan.root().children().get(0);
        assertThat(unknown.nodeType()).isEqualTo("Teleport Scan on \"Wormhole\" w");
        assertThat(unknown.parentRelationship()).hasValue("child");
        assertThat(unknown.fields().integer("Frobnication Level")).hasValue(11);
        assertThat(unknown.fields().text("Quantum State")).hasValue("entangled");
        assertThat(unknown.actualRows()).hasValue(7);
    }

    @Test
    void groupingSetsFromSortedRollupsAndHashedSets() {
        Plan plan = text("handwritten/rollup_sorted.txt");

        List<Fields> sets = plan.root().fields().objects("Grouping Sets");
        assertThat(sets).hasSize(3);
        assertThat(sets.get(0).list("Hash Keys")).containsExactly(PlanValue.texts(List.of("o.created_at")));
        assertThat(sets.get(1).list("Group Keys")).containsExactly(PlanValue.texts(List.of("o.status", "c.country")),
                PlanValue.texts(List.of("o.status")), PlanValue.texts(List.of()));
        assertThat(sets.get(2).texts("Sort Key")).containsExactly("c.country");
        assertThat(sets.get(2).list("Group Keys")).containsExactly(PlanValue.texts(List.of("c.country")));
        assertThat(plan.root().fields().integer("Planned Partitions")).hasValue(0);
    }

    @Test
    void indentationAddedByAClientAndWindowsLineEndsDoNoHarm() {
        String raw = Corpus.read("pg17/initplan_subplan.txt");
        String indented = raw.lines().map(l -> "    " + l + "   ").reduce("", (a, b) -> a + b + "\r\n");

        assertThat(PlanParser.parse(indented, "indented.txt")).isEqualTo(PlanParser.parse(raw, "raw.txt"));
    }
}
