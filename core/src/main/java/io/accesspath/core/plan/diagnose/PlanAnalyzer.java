package io.accesspath.core.plan.diagnose;

import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanMetrics;
import io.accesspath.core.plan.diagnose.internal.Rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds what makes a plan slow. Every rule, its trigger and threshold are listed in
 * docs/plans.md; each reads the plan's own figures (EXPLAIN ANALYZE, ideally with BUFFERS) and
 * never fails on nodes or fields it does not know.
 */
public final class PlanAnalyzer {

    private PlanAnalyzer() {
    }

    /** Diagnoses from the plan alone. */
    public static Analysis analyze(Plan plan) {
        return analyze(plan, SchemaFacts.NONE);
    }

    /** Diagnoses from the plan and what the schema and access patterns add to it. */
    public static Analysis analyze(Plan plan, SchemaFacts facts) {
        PlanMetrics metrics = PlanMetrics.of(plan);
        return new Analysis(plan, metrics, Rules.diagnose(plan, metrics, facts), notes(plan, metrics));
    }

    private static List<String> notes(Plan plan, PlanMetrics metrics) {
        List<String> notes = new ArrayList<>();
        if (!plan.analyzed()) {
            notes.add("The plan was not run (EXPLAIN without ANALYZE): diagnoses need actual rows and times; "
                    + "run EXPLAIN (ANALYZE, BUFFERS).");
            return notes;
        }
        if (metrics.of(plan.root()).inclusiveTime().isEmpty()) {
            notes.add("Timing was off: diagnoses are ranked without times.");
        }
        if (plan.nodes().allMatch(n -> n.buffers().isEmpty())) {
            notes.add("Without BUFFERS, the checks that need block counts (an index condition that does not narrow "
                    + "the scan) are skipped; run EXPLAIN (ANALYZE, BUFFERS).");
        }
        return notes;
    }
}
