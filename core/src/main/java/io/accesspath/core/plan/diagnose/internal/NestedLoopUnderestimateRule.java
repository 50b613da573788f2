package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Evidence;
import io.accesspath.core.plan.diagnose.Fix;
import io.accesspath.core.plan.diagnose.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static io.accesspath.core.plan.diagnose.internal.Context.fact;

/**
 * nested-loop-underestimate: a Nested Loop whose outer side returned at least
 * {@link #MIN_OUTER_ROWS} rows and {@link Estimates#MIN_FACTOR} times more than planned, so the
 * inner side ran far more often than the planner chose a nested loop for. Suggests the
 * statistics fix for where the underestimate starts. Its time is the loop's less its outer side.
 */
final class NestedLoopUnderestimateRule implements Rule {
    /** Outer rows, over all loops, from which the inner side's repetitions matter. */
    static final double MIN_OUTER_ROWS = 1_000;

    @Override
    public Kind kind() {
        return Kind.NESTED_LOOP_UNDERESTIMATE;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        List<Diagnosis> out = new ArrayList<>();
        ctx.nodes().filter(n -> n.nodeType().equals("Nested Loop")).forEach(n -> check(ctx, n).ifPresent(out::add));
        return out;
    }

    private Optional<Diagnosis> check(Context ctx, PlanNode loop) {
        Optional<PlanNode> outer = Context.outer(loop);
        if (outer.isEmpty() || !Estimates.off(ctx, outer.get(), true) || Context.rows(outer.get()) < MIN_OUTER_ROWS) {
            return Optional.empty();
        }
        PlanNode o = outer.get();
        double actual = Context.rows(o);
        double planned = Context.plannedRows(o);
        double factor = ctx.metrics(o).estimateFactor().getAsDouble();
        Evidence evidence = new Evidence(List.of(fact("Plan Rows", planned, "rows"), fact("Actual Rows", actual, "rows"),
                fact("Estimate Factor", factor, "factor")),
                "The outer side (" + Labels.type(o) + o.relationName().map(r -> " on " + r).orElse("")
                        + ") was planned to return " + Fmt.rows(planned) + " and returned " + Fmt.count(actual)
                        + " (" + Fmt.times(factor) + " more), so the inner side ran " + Fmt.count(actual) + " times.");
        String cause = "A nested loop is cheap for a few outer rows; for " + Fmt.count(actual) + " a hash or merge "
                + "join reading the inner side once is usually faster. The planner chose the loop because it "
                + "expected " + Fmt.count(planned) + ".";
        PlanNode origin = Estimates.origin(ctx, o);
        List<Fix> fixes = new ArrayList<>(Estimates.fixes(origin));
        fixes.add(Fix.of("To measure the alternative before fixing the statistics, run the query once with nested "
                + "loops disabled in the session.", "SET enable_nestloop = off;"));
        OptionalDouble loopTime = ctx.inclusive(loop);
        OptionalDouble outerTime = ctx.inclusive(o);
        OptionalDouble time = loopTime.isPresent()
                ? OptionalDouble.of(Math.max(0, loopTime.getAsDouble() - outerTime.orElse(0))) : OptionalDouble.empty();
        return Optional.of(ctx.diagnosis(kind(), Optional.of(loop), evidence, cause, fixes,
                Context.Gain.of(time, "A right estimate lets the planner weigh a join that reads the inner side once "
                        + "against " + Fmt.count(actual) + " repetitions.")));
    }
}
