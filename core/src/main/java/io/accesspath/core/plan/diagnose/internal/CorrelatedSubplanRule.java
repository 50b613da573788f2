package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Evidence;
import io.accesspath.core.plan.diagnose.Fix;
import io.accesspath.core.plan.diagnose.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.accesspath.core.plan.diagnose.internal.Context.fact;

/**
 * correlated-subplan: a SubPlan that ran at least {@link #MIN_LOOPS} times, once per row of the
 * node that evaluates it (a hashed SubPlan runs once and is not reported). Suggests rewriting the
 * subquery as a join. Its time is the SubPlan's over all its runs.
 */
final class CorrelatedSubplanRule implements Rule {
    /** Runs of the subplan from which its repetition matters. */
    static final double MIN_LOOPS = 1_000;

    @Override
    public Kind kind() {
        return Kind.CORRELATED_SUBPLAN;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        List<Diagnosis> out = new ArrayList<>();
        ctx.nodes().filter(n -> n.parentRelationship().orElse("").equals("SubPlan")
                && n.actualLoops().orElse(0) >= MIN_LOOPS).forEach(n -> out.add(diagnose(ctx, n)));
        return out;
    }

    private Diagnosis diagnose(Context ctx, PlanNode subplan) {
        double loops = subplan.actualLoops().orElse(0);
        String name = subplan.subplanName().orElse("SubPlan");
        String owner = ctx.parent(subplan).map(Labels::type).orElse("its parent");
        Evidence evidence = new Evidence(List.of(fact("Actual Loops", loops, "loops"),
                fact("Actual Total Time", subplan.actualTotalTime().orElse(0), "ms")),
                name + " ran " + Fmt.count(loops) + " times" + subplan.actualTotalTime().stream()
                        .mapToObj(t -> ", " + Fmt.ms(t) + " each").findFirst().orElse("") + ".");
        String correlation = correlation(subplan).map(c -> " (it is correlated through " + c + ")").orElse("");
        String cause = "The subquery refers to the current row of the " + owner + correlation + ", so PostgreSQL "
                + "runs it again for every row instead of once for all of them.";
        Fix fix = Fix.of("Rewrite the subquery as a join: join the outer query to the subquery grouped by its "
                + "correlation columns (LEFT JOIN for scalar subqueries), or to a LATERAL subquery, so it is "
                + "computed for all rows at once.");
        return ctx.diagnosis(kind(), Optional.of(subplan), evidence, cause, List.of(fix),
                Context.Gain.of(ctx.inclusive(subplan), "A join computes all " + Fmt.count(loops)
                        + " results in one pass."));
    }

    /** The first condition in the subplan that refers to a relation outside it. */
    private static Optional<String> correlation(PlanNode subplan) {
        List<String> inside = Context.tableScans(subplan).stream()
                .flatMap(s -> s.alias().or(s::relationName).stream()).toList();
        return subplan.walk().flatMap(n -> List.of(n.indexCond(), n.recheckCond(), n.filter()).stream())
                .flatMap(Optional::stream)
                .filter(text -> Expr.parse(text).refs().stream()
                        .anyMatch(r -> !r.qualifier().isEmpty() && !inside.contains(r.qualifier())))
                .findFirst();
    }
}
