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
 * lossy-bitmap: a Bitmap Heap Scan in which at least {@link #MIN_LOSSY_SHARE} of the heap blocks
 * were lossy (the bitmap outgrew work_mem and kept only which pages to visit, so every row of
 * those pages was rechecked). Suggests work_mem of {@link #BYTES_PER_PAGE} bytes per heap block,
 * rounded up to a power of two.
 */
final class LossyBitmapRule implements Rule {
    /** Share of heap blocks that must be lossy. */
    static final double MIN_LOSSY_SHARE = 0.1;
    /** Bitmap memory per heap page held exactly (measured on PostgreSQL 15: about 64, with headroom). */
    static final double BYTES_PER_PAGE = 96;

    @Override
    public Kind kind() {
        return Kind.LOSSY_BITMAP;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        List<Diagnosis> out = new ArrayList<>();
        ctx.nodes().filter(n -> n.nodeType().equals("Bitmap Heap Scan")).forEach(n -> check(ctx, n).ifPresent(out::add));
        return out;
    }

    private Optional<Diagnosis> check(Context ctx, PlanNode scan) {
        long lossy = scan.lossyHeapBlocks().orElse(0);
        long exact = scan.exactHeapBlocks().orElse(0);
        if (lossy == 0 || (double) lossy / (lossy + exact) < MIN_LOSSY_SHARE) {
            return Optional.empty();
        }
        double rechecked = Context.total(scan, scan.rowsRemovedByIndexRecheck());
        Evidence evidence = new Evidence(List.of(fact("Exact Heap Blocks", exact, "blocks"),
                fact("Lossy Heap Blocks", lossy, "blocks"), fact("Rows Removed by Index Recheck", rechecked, "rows")),
                Fmt.count(lossy) + " of " + Fmt.count(lossy + exact) + " heap blocks were lossy, and the recheck of "
                        + "their rows removed " + Fmt.count(rechecked) + " rows.");
        String cause = "The bitmap of matching rows outgrew work_mem, so PostgreSQL kept only which pages to visit for "
                + "part of it and tested every row on those pages against " + scan.recheckCond().orElse("the condition")
                + " again.";
        long kb = WorkMem.suggestKb((lossy + exact) * BYTES_PER_PAGE / 1024);
        Fix fix = Fix.of("Raise work_mem for this query (SET LOCAL in its transaction) so the bitmap stays exact.",
                WorkMem.setSql(kb));
        return Optional.of(ctx.diagnosis(kind(), Optional.of(scan), evidence, cause, List.of(fix),
                Context.Gain.of(ctx.exclusive(scan), rechecked, "An exact bitmap avoids rechecking "
                        + Fmt.count(rechecked) + " rows.")));
    }
}
