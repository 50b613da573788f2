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
 * missing-index: a Seq Scan whose filter removes at least {@link #MIN_REMOVED_SHARE} of the at
 * least {@link #MIN_ROWS_READ} rows it reads, and has a condition a plain B-tree can serve.
 * Suggests an index on the filter's equality columns, then its first range column. Filters with
 * only functions, casts, wildcards or ORs are left to non-sargable.
 */
final class MissingIndexRule implements Rule {
    /** Share of the rows read that the filter must remove. */
    static final double MIN_REMOVED_SHARE = 0.9;
    /** Rows the scan must read, over all loops, for an index to matter. */
    static final double MIN_ROWS_READ = 10_000;

    @Override
    public Kind kind() {
        return Kind.MISSING_INDEX;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        List<Diagnosis> out = new ArrayList<>();
        ctx.nodes().filter(n -> n.nodeType().equals("Seq Scan") && n.filter().isPresent()
                && n.relationName().isPresent()).forEach(n -> check(ctx, n).ifPresent(out::add));
        return out;
    }

    private Optional<Diagnosis> check(Context ctx, PlanNode scan) {
        double removed = Context.total(scan, scan.rowsRemovedByFilter());
        double kept = Context.rows(scan);
        double read = removed + kept;
        if (read < MIN_ROWS_READ || removed / read < MIN_REMOVED_SHARE) {
            return Optional.empty();
        }
        List<Condition> conds = Predicates.conjuncts(scan.filter(), Scope.of(scan));
        List<String> keys = IndexKeys.of(conds);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        String table = Context.table(scan);
        double loops = scan.actualLoops().orElse(1);
        Evidence evidence = new Evidence(List.of(fact("Rows Removed by Filter", removed, "rows"),
                fact("Actual Rows", kept, "rows"), fact("Removed Share", removed / read, "share"),
                fact("Actual Loops", loops, "loops")),
                "The scan read " + Fmt.count(read) + " rows" + (loops > 1 ? " over " + Fmt.count(loops) + " loops" : "")
                        + " and its filter removed " + Fmt.count(removed) + " of them (" + Fmt.pct(removed / read)
                        + "), keeping " + Fmt.count(kept) + ".");
        String cause = "PostgreSQL read all of " + table + " and tested every row against " + scan.filter().get()
                + "; no index let it go to the matching rows directly.";
        Fix fix = Fix.of("Create an index on the filtered columns, equality columns first, then the range column "
                + "(CREATE INDEX CONCURRENTLY on a live table).", Sql.createIndex(table, keys));
        return Optional.of(ctx.diagnosis(kind(), Optional.of(scan), evidence, cause, List.of(fix),
                Context.Gain.of(ctx.exclusive(scan), removed, "An index would avoid reading the "
                        + Fmt.count(removed) + " rows the filter throws away.")));
    }
}
