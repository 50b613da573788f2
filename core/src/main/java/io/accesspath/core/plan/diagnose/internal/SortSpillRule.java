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
 * sort-spill: a Sort (or Incremental Sort) that sorted on disk ("Sort Space Type": "Disk", an
 * external sort method, or disk space in its groups or workers). Suggests work_mem of
 * {@link #MEMORY_PER_DISK_KB} times the disk space it used, rounded up to a power of two: an
 * in-memory sort stores each row with more overhead than the compact runs written to disk.
 */
final class SortSpillRule implements Rule {
    /** Memory an in-memory sort needs per kB the external sort wrote (measured on PostgreSQL 15: 1.96). */
    static final double MEMORY_PER_DISK_KB = 2.0;

    @Override
    public Kind kind() {
        return Kind.SORT_SPILL;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        List<Diagnosis> out = new ArrayList<>();
        ctx.nodes().filter(n -> n.nodeType().equals("Sort") || n.nodeType().equals("Incremental Sort"))
                .forEach(n -> check(ctx, n).ifPresent(out::add));
        return out;
    }

    private Optional<Diagnosis> check(Context ctx, PlanNode sort) {
        long diskKb = Spills.sortDiskKb(sort);
        if (diskKb <= 0) {
            return Optional.empty();
        }
        long temp = ctx.ownTempBlocks(sort);
        long suggestion = WorkMem.suggestKb(diskKb * MEMORY_PER_DISK_KB);
        String method = sort.sortMethod().orElse("external merge in its groups");
        Evidence evidence = new Evidence(List.of(fact("Sort Space Used", diskKb, "kB"),
                fact("Temp Blocks", temp, "blocks")),
                "The sort (" + method + ") used " + Fmt.kb(diskKb) + " of disk" + (temp > 0 ? " and read and wrote "
                        + Fmt.count(temp) + " temporary blocks" : "") + ".");
        String cause = "The rows to sort (" + String.join(", ", sort.sortKey()) + ") did not fit in work_mem, so "
                + "PostgreSQL sorted them in runs on disk and merged the runs.";
        Fix fix = Fix.of("Raise work_mem for this query, in its session or transaction (SET LOCAL); an in-memory sort "
                + "needs about " + Fmt.factor(MEMORY_PER_DISK_KB) + " times the disk space. Raising it server-wide "
                + "multiplies by every sort and hash of every connection.", WorkMem.setSql(suggestion));
        return Optional.of(ctx.diagnosis(kind(), Optional.of(sort), evidence, cause, List.of(fix),
                Context.Gain.of(ctx.exclusive(sort), "Sorting in memory avoids writing and reading "
                        + (temp > 0 ? Fmt.count(temp) + " temporary blocks" : Fmt.kb(diskKb) + " of temporary files")
                        + ".")));
    }
}
