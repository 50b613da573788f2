package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.Fields;
import io.accesspath.core.plan.PlanNode;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Whether a node went to disk for lack of work_mem, and how. */
final class Spills {
    private Spills() {
    }

    /** "external merge, 27.3 MB on disk", "16 hash batches", "HashAggregate, 3.38 MB on disk"; empty when it did not spill. */
    static Optional<String> describe(PlanNode node) {
        long sortKb = sortDiskKb(node);
        if (sortKb > 0) {
            return Optional.of(node.sortMethod().orElse("sort") + ", " + Fmt.kb(sortKb) + " on disk");
        }
        if (node.nodeType().equals("Hash") && node.hashBatches().orElse(1) > 1) {
            return Optional.of(node.hashBatches().getAsLong() + " hash batches");
        }
        if (node.nodeType().equals("Aggregate") && (node.diskUsage().orElse(0) > 0 || node.hashAggBatches().orElse(1) > 1)) {
            return Optional.of(node.hashAggBatches().orElse(1) + " batches, " + Fmt.kb(node.diskUsage().orElse(0))
                    + " on disk");
        }
        return Optional.empty();
    }

    /** The largest disk space a sort, any of its workers, or any of its groups used; 0 when none. */
    static long sortDiskKb(PlanNode sort) {
        if (!sort.nodeType().equals("Sort") && !sort.nodeType().equals("Incremental Sort")) {
            return 0;
        }
        return Stream.concat(Stream.of(sort.fields()), sort.workers().stream()).mapToLong(Spills::diskKb).max().orElse(0);
    }

    private static long diskKb(Fields f) {
        long kb = 0;
        boolean external = f.text("Sort Method").orElse("").startsWith("external");
        if (f.text("Sort Space Type").orElse("").equals("Disk") || external) {
            kb = f.integer("Sort Space Used").orElse(external ? 1 : 0);
        }
        for (String group : List.of("Full-sort Groups", "Pre-sorted Groups")) {
            long peak = f.object(group).flatMap(g -> g.object("Sort Space Disk"))
                    .map(d -> d.integer("Peak Sort Space Used").orElse(0)).orElse(0L);
            kb = Math.max(kb, peak);
        }
        return kb;
    }
}
