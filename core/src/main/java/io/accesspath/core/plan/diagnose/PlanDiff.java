package io.accesspath.core.plan.diagnose;

import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.diagnose.internal.Comparer;

/**
 * Compares two plans of the same query (before and after an index, a rewrite, new statistics,
 * another setting). Nodes are matched by what they read, not by tree position: scans by
 * relation and alias, joins by the relations below them, sorts by sort key, aggregates by group
 * key, others by type and the relations below; nodes with the same signature pair up in plan
 * order. The verdict is "same" when the times differ by less than
 * {@link #NOISE_SHARE} of the first (and at least {@link #NOISE_FLOOR_MS}), or, for plans that
 * were not run, the costs by less than {@link #COST_NOISE_SHARE}.
 */
public final class PlanDiff {
    /** Run-to-run timing noise, as a share of the first plan's execution time. */
    public static final double NOISE_SHARE = 0.10;
    /** Differences below this many milliseconds are noise whatever the share. */
    public static final double NOISE_FLOOR_MS = 0.1;
    /** Cost differences below this share of the first plan's cost are "same". */
    public static final double COST_NOISE_SHARE = 0.01;

    private PlanDiff() {
    }

    /** What changed from {@code before} to {@code after}, judged from the plans alone. */
    public static PlanComparison compare(Plan before, Plan after) {
        return compare(PlanAnalyzer.analyze(before), PlanAnalyzer.analyze(after));
    }

    /** What changed between two analyses (with the schema facts they were made with). */
    public static PlanComparison compare(Analysis before, Analysis after) {
        return Comparer.compare(before, after, NOISE_SHARE, NOISE_FLOOR_MS, COST_NOISE_SHARE);
    }
}
