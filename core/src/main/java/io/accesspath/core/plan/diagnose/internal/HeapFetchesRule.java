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
 * heap-fetches: an Index Only Scan that visited the heap at least {@link #MIN_HEAP_FETCHES}
 * times, and for at least {@link #MIN_FETCHES_PER_ROW} of the rows it returned, because the
 * visibility map did not mark their pages all-visible. Suggests VACUUM, and a more eager
 * autovacuum for the table.
 */
final class HeapFetchesRule implements Rule {
    /** Heap fetches, over all loops, below which they do not matter. */
    static final long MIN_HEAP_FETCHES = 1_000;
    /** Heap fetches per row returned. */
    static final double MIN_FETCHES_PER_ROW = 0.1;

    @Override
    public Kind kind() {
        return Kind.HEAP_FETCHES;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        List<Diagnosis> out = new ArrayList<>();
        ctx.nodes().filter(n -> n.nodeType().equals("Index Only Scan") && n.relationName().isPresent())
                .forEach(n -> check(ctx, n).ifPresent(out::add));
        return out;
    }

    private Optional<Diagnosis> check(Context ctx, PlanNode scan) {
        long fetches = scan.heapFetches().orElse(0);
        double rows = Context.rows(scan);
        if (fetches < MIN_HEAP_FETCHES || fetches < MIN_FETCHES_PER_ROW * rows) {
            return Optional.empty();
        }
        String table = Context.table(scan);
        Evidence evidence = new Evidence(List.of(fact("Heap Fetches", fetches, "count"), fact("Actual Rows", rows, "rows")),
                "The index-only scan returned " + Fmt.count(rows) + " rows and visited the heap " + Fmt.count(fetches)
                        + " times.");
        String cause = "Pages of " + table + " changed since the last VACUUM are not marked all-visible, so the scan "
                + "must read the table to check each row's visibility: it is an index scan in all but name.";
        List<Fix> fixes = List.of(
                Fix.of("Vacuum the table to set the visibility map.", "VACUUM " + table + ";"),
                Fix.of("If the table changes all the time, let autovacuum visit it sooner.",
                        "ALTER TABLE " + table + " SET (autovacuum_vacuum_scale_factor = 0.02, "
                                + "autovacuum_vacuum_insert_scale_factor = 0.02);"));
        return Optional.of(ctx.diagnosis(kind(), Optional.of(scan), evidence, cause, fixes,
                Context.Gain.of(ctx.exclusive(scan), "An all-visible table spares " + Fmt.count(fetches)
                        + " heap visits.")));
    }
}
