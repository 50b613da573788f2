package io.accesspath.core.plan.diagnose;

import io.accesspath.core.plan.diagnose.internal.AnalysisJson;
import io.accesspath.core.plan.diagnose.internal.AnalysisMarkdown;
import io.accesspath.core.plan.diagnose.internal.AnalysisText;
import io.accesspath.core.plan.diagnose.internal.ComparisonJson;
import io.accesspath.core.plan.diagnose.internal.ComparisonText;

/**
 * Renders analyses and comparisons for {@code --format text|markdown|json}. Output is
 * deterministic: the same plan gives the same bytes. The JSON shapes are documented in
 * docs/plans.md.
 */
public final class PlanReport {
    private PlanReport() {
    }

    /**
     * For a terminal: the plan tree with each node's exclusive time and share, rows, planned rows,
     * loops and estimate error, the slowest nodes marked and each node tagged with its
     * diagnoses; then the diagnoses, most time first; then notes.
     */
    public static String text(Analysis analysis) {
        return AnalysisText.render(analysis);
    }

    /** The same as {@link #text(Analysis)} as Markdown: a node table and a section per diagnosis. */
    public static String markdown(Analysis analysis) {
        return AnalysisMarkdown.render(analysis);
    }

    /**
     * The plan as PostgreSQL's EXPLAIN (FORMAT JSON) prints it (a text plan gives the JSON
     * PostgreSQL would have printed), with a "Diagnoses" array beside "Plan". No trailing
     * newline.
     */
    public static String json(Analysis analysis) {
        return AnalysisJson.render(analysis);
    }

    /** The verdict, the totals before and after, the node changes and the diagnoses resolved and introduced. */
    public static String text(PlanComparison comparison) {
        return ComparisonText.render(comparison);
    }

    /** The same as {@link #text(PlanComparison)} as Markdown. */
    public static String markdown(PlanComparison comparison) {
        return ComparisonText.markdown(comparison);
    }

    /** The comparison as one JSON object: verdict, basis, before, after, changes, resolved, introduced. */
    public static String json(PlanComparison comparison) {
        return ComparisonJson.render(comparison);
    }
}
