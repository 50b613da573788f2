package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.NodeMetrics;
import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Evidence;
import io.accesspath.core.plan.diagnose.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static io.accesspath.core.plan.diagnose.internal.Context.fact;

/**
 * misestimate: a node whose row estimate is off by {@link Estimates#MIN_FACTOR} or more (rows
 * over all loops, each side taken as at least one), where the larger side is at least
 * {@link #MIN_ROWS} rows, reported where the error starts (no input is off the same way).
 * Suggests CREATE STATISTICS when several columns of the table are constrained or grouped
 * together, else ANALYZE (and a larger statistics target for one column). Its time is that of
 * the node's parent, which chose its strategy from the estimate. Fewer rows than planned are not
 * reported where the node may have stopped early (under a Limit, a Merge Join, the inner side of
 * a semi or anti join, in a subplan).
 */
final class MisestimateRule implements Rule {
    /** Rows (the larger of planned and actual, over all loops) below which an estimate error does not matter. */
    static final double MIN_ROWS = 1_000;

    @Override
    public Kind kind() {
        return Kind.MISESTIMATE;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        List<Diagnosis> out = new ArrayList<>();
        ctx.nodes().filter(n -> !n.neverExecuted()).forEach(n -> check(ctx, n).ifPresent(out::add));
        return out;
    }

    private Optional<Diagnosis> check(Context ctx, PlanNode node) {
        NodeMetrics m = ctx.metrics(node);
        if (m.estimateFactor().isEmpty() || m.estimateFactor().getAsDouble() < Estimates.MIN_FACTOR) {
            return Optional.empty();
        }
        double actual = Context.rows(node);
        double planned = Context.plannedRows(node);
        if (Math.max(actual, planned) < MIN_ROWS || !Estimates.isOrigin(ctx, node)
                || (!m.underestimated() && Estimates.mayStopEarly(ctx, node))) {
            return Optional.empty();
        }
        double factor = m.estimateFactor().getAsDouble();
        boolean under = m.underestimated();
        Evidence evidence = new Evidence(List.of(fact("Plan Rows", planned, "rows"), fact("Actual Rows", actual, "rows"),
                fact("Estimate Factor", factor, "factor")),
                "PostgreSQL expected " + Fmt.rows(planned) + " and got " + Fmt.count(actual) + " ("
                        + Fmt.times(factor) + (under ? " more" : " fewer") + ").");
        String cause = cause(node, under);
        Optional<PlanNode> parent = ctx.parent(node);
        OptionalDouble time = parent.isPresent() ? ctx.inclusive(parent.get()) : ctx.inclusive(node);
        String stake = parent.map(p -> "The " + Labels.type(p) + " above it chose its method, memory and "
                + "parallelism for " + Fmt.rows(planned) + "; with a right estimate it can choose for "
                + Fmt.count(actual) + ".").orElse("Correct estimates let the planner choose for the real row count.");
        return Optional.of(ctx.diagnosis(kind(), Optional.of(node), evidence, cause, Estimates.fixes(node),
                Context.Gain.of(time, stake)));
    }

    private static String cause(PlanNode node, boolean under) {
        List<String> expressions = node.relationName().isPresent() ? Estimates.expressions(node) : List.of();
        if (!expressions.isEmpty()) {
            return "The condition compares " + String.join(", ", expressions) + ", an expression with no statistics "
                    + "of its own, so PostgreSQL estimated its selectivity with a fixed default.";
        }
        List<String> cols = node.relationName().isPresent() ? Estimates.conditionColumns(node) : List.of();
        if (cols.size() >= 2) {
            return "The condition constrains " + String.join(", ", cols) + " of " + node.relationName().get()
                    + " together; without extended statistics PostgreSQL multiplies their selectivities as if they "
                    + "were independent, which " + (under ? "underestimates" : "misjudges")
                    + " rows when one column implies another.";
        }
        if (node.relationName().isPresent()) {
            return "The statistics of " + node.relationName().get() + " do not describe the rows this condition "
                    + "matches: they are stale (rows changed since the last ANALYZE) or too coarse for this value.";
        }
        if (node.groupKey().size() >= 2) {
            return "PostgreSQL estimates the number of groups of " + String.join(", ", node.groupKey())
                    + " by multiplying the distinct counts of each column, which overcounts correlated columns.";
        }
        return "The estimate of this " + Labels.type(node) + " is off although its inputs' are not: the statistics "
                + "of its join or grouping columns do not capture how their values match.";
    }
}
