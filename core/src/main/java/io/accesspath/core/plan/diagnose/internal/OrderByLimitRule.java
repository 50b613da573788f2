package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Evidence;
import io.accesspath.core.plan.diagnose.Fix;
import io.accesspath.core.plan.diagnose.Kind;
import io.accesspath.core.plan.diagnose.SchemaFacts.IndexFact;
import io.accesspath.core.plan.diagnose.internal.Condition.Shape;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.accesspath.core.plan.diagnose.internal.Context.fact;

/**
 * order-by-limit-wrong-index: a Limit directly over an Index Scan (or Index Only Scan) whose
 * filter removed at least {@link #MIN_REMOVED_SHARE} of the rows it walked, and at least
 * {@link #MIN_ROWS_REMOVED}: the planner walked an index in ORDER BY order expecting matching rows
 * early, and found them late. Suggests an index on the filter's equality columns followed by the
 * walked index's columns (as SQL when the index's columns are known from the schema facts).
 */
final class OrderByLimitRule implements Rule {
    /** Share of the rows walked that the filter must remove. */
    static final double MIN_REMOVED_SHARE = 0.9;
    /** Rows the filter must remove, over all loops. */
    static final double MIN_ROWS_REMOVED = 1_000;

    private static final Set<String> INDEX_SCANS = Set.of("Index Scan", "Index Only Scan");

    @Override
    public Kind kind() {
        return Kind.ORDER_BY_LIMIT_WRONG_INDEX;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        List<Diagnosis> out = new ArrayList<>();
        ctx.nodes().filter(n -> claims(ctx, n))
                .forEach(scan -> out.add(diagnose(ctx, ctx.parent(scan).orElseThrow(), scan)));
        return out;
    }

    /** True when {@code node} is an index scan under a Limit whose filter threw most rows away. */
    static boolean claims(Context ctx, PlanNode node) {
        if (!INDEX_SCANS.contains(node.nodeType()) || node.filter().isEmpty()
                || !node.parentRelationship().orElse("").equals("Outer")
                || !ctx.parent(node).map(p -> p.nodeType().equals("Limit")).orElse(false)) {
            return false;
        }
        double removed = Context.total(node, node.rowsRemovedByFilter());
        double rows = Context.rows(node);
        return removed >= MIN_ROWS_REMOVED && removed / (removed + rows) >= MIN_REMOVED_SHARE;
    }

    private Diagnosis diagnose(Context ctx, PlanNode limit, PlanNode scan) {
        double removed = Context.total(scan, scan.rowsRemovedByFilter());
        double rows = Context.rows(scan);
        Scope scope = Scope.of(scan);
        List<Condition> conds = Predicates.conjuncts(scope, List.of(scan.indexCond(), scan.filter()));
        Set<String> leading = new LinkedHashSet<>();
        conds.stream().filter(c -> c.is(Shape.EQUALITY) || c.is(Shape.IS_NULL))
                .forEach(c -> leading.add(c.column().orElseThrow()));
        String index = scan.indexName().orElse("the index");
        String table = Context.table(scan);
        Evidence evidence = new Evidence(List.of(fact("Actual Rows", rows, "rows"),
                fact("Rows Removed by Filter", removed, "rows"), fact("Removed Share", removed / (removed + rows), "share")),
                "To return " + Fmt.count(Context.rows(limit)) + " rows, the scan walked " + Fmt.count(removed + rows)
                        + " rows of " + index + " and its filter removed " + Fmt.count(removed) + ".");
        String cause = "The planner walked " + index + " in ORDER BY order, expecting rows matching "
                + scan.filter().get() + " to be spread evenly so that the first " + Fmt.count(Context.rows(limit))
                + " would come early; the matching rows were " + (rows > 0 ? "found late" : "not there") + ".";
        Optional<IndexFact> known = scan.indexName().flatMap(i -> ctx.facts().index(i));
        List<String> plain = IndexKeys.of(conds);
        Fix fix;
        if (leading.isEmpty()) {
            fix = plain.isEmpty()
                    ? Fix.of("Rewrite the filter " + scan.filter().get() + " so an index can serve it, then index it.")
                    : Fix.of("Create an index on the filtered columns so the planner can find the matching rows first "
                            + "and sort only those.", Sql.createIndex(table, plain));
        } else if (known.isPresent()) {
            List<String> keys = new ArrayList<>(leading);
            known.get().columns().stream().filter(c -> !leading.contains(c)).forEach(keys::add);
            fix = Fix.of("Create an index on the equality columns followed by the ORDER BY columns, so the matching "
                    + "rows come out of the index already in order.", Sql.createIndex(table, keys));
        } else {
            fix = Fix.of("Create an index on (" + String.join(", ", leading) + ") followed by the columns " + index
                    + " is ordered by (the ORDER BY columns), so the matching rows come out of the index already in "
                    + "order.");
        }
        return ctx.diagnosis(kind(), Optional.of(scan), evidence, cause, List.of(fix),
                Context.Gain.of(ctx.inclusive(limit), removed, "The right index reads about "
                        + Fmt.count(Context.rows(limit)) + " rows instead of " + Fmt.count(removed + rows) + "."));
    }
}
