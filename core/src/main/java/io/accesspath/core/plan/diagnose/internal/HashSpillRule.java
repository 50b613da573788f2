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
 * hash-spill: a Hash with more than one batch (its table did not fit in memory, so both join
 * inputs were partitioned to disk), or a HashAggregate that spilled ("Disk Usage", more than one
 * "HashAgg Batches"). Suggests work_mem from what the table needed: for a hash join, peak memory
 * times batches ({@link #HASH_MEMORY_PER_BATCH_KB} per kB); for a hash aggregate,
 * {@link #HASHAGG_MEMORY_FACTOR} times memory plus disk used; rounded up to a power of two.
 */
final class HashSpillRule implements Rule {
    /** Memory a hash join's table needs per kB of peak memory per batch. */
    static final double HASH_MEMORY_PER_BATCH_KB = 1.0;
    /** Memory a spilled hash aggregate needs per kB of memory plus disk it used (measured on PostgreSQL 15: 1.4). */
    static final double HASHAGG_MEMORY_FACTOR = 1.5;

    @Override
    public Kind kind() {
        return Kind.HASH_SPILL;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        List<Diagnosis> out = new ArrayList<>();
        ctx.nodes().forEach(n -> {
            if (n.nodeType().equals("Hash")) {
                hashJoin(ctx, n).ifPresent(out::add);
            } else if (n.nodeType().equals("Aggregate")) {
                hashAggregate(ctx, n).ifPresent(out::add);
            }
        });
        return out;
    }

    private Optional<Diagnosis> hashJoin(Context ctx, PlanNode hash) {
        long batches = hash.hashBatches().orElse(1);
        if (batches <= 1) {
            return Optional.empty();
        }
        long original = hash.originalHashBatches().orElse(batches);
        long peak = hash.peakMemoryUsage().orElse(0);
        Optional<PlanNode> join = ctx.parent(hash);
        long temp = ctx.ownTempBlocks(hash) + join.map(ctx::ownTempBlocks).orElse(0L);
        double needed = peak * batches * HASH_MEMORY_PER_BATCH_KB;
        Evidence evidence = new Evidence(List.of(fact("Hash Batches", batches, "count"),
                fact("Original Hash Batches", original, "count"), fact("Peak Memory Usage", peak, "kB"),
                fact("Temp Blocks", temp, "blocks")),
                "The hash table was split into " + batches + " batches" + (original < batches ? " (planned "
                        + original + ")" : "") + ", each using up to " + Fmt.kb(peak) + "; the join read and wrote "
                        + Fmt.count(temp) + " temporary blocks.");
        String cause = original < batches
                ? "The inner side had more rows than planned (" + Fmt.count(Context.rows(hash)) + " instead of "
                        + Fmt.count(Context.plannedRows(hash)) + "), so the hash table outgrew work_mem x "
                        + "hash_mem_multiplier during the join and the batches were doubled."
                : "The inner side (" + Fmt.count(Context.rows(hash)) + " rows) does not fit in work_mem x "
                        + "hash_mem_multiplier, so both inputs were partitioned into batches written to disk.";
        OptionalDouble time = sum(ctx.exclusive(hash), join.map(ctx::exclusive).orElse(OptionalDouble.empty()));
        return Optional.of(ctx.diagnosis(kind(), Optional.of(hash), evidence, cause, List.of(fix(needed)),
                Context.Gain.of(time, "A single batch avoids " + Fmt.count(temp) + " temporary blocks.")));
    }

    private Optional<Diagnosis> hashAggregate(Context ctx, PlanNode agg) {
        long disk = agg.diskUsage().orElse(0);
        long batches = agg.hashAggBatches().orElse(1);
        if (disk <= 0 && batches <= 1) {
            return Optional.empty();
        }
        long peak = agg.peakMemoryUsage().orElse(0);
        long temp = ctx.ownTempBlocks(agg);
        double needed = (peak + disk) * HASHAGG_MEMORY_FACTOR;
        Evidence evidence = new Evidence(List.of(fact("HashAgg Batches", batches, "count"),
                fact("Peak Memory Usage", peak, "kB"), fact("Disk Usage", disk, "kB"), fact("Temp Blocks", temp, "blocks")),
                "The hash aggregate ran in " + batches + " batches, using " + Fmt.kb(peak) + " of memory and "
                        + Fmt.kb(disk) + " of disk.");
        String cause = "The " + Fmt.count(Context.rows(agg)) + " groups (planned " + Fmt.count(Context.plannedRows(agg))
                + ") did not fit in work_mem x hash_mem_multiplier, so groups were spilled to disk and aggregated "
                + "again in later batches.";
        return Optional.of(ctx.diagnosis(kind(), Optional.of(agg), evidence, cause, List.of(fix(needed)),
                Context.Gain.of(ctx.exclusive(agg), "Aggregating in memory avoids " + Fmt.kb(disk)
                        + " of temporary files.")));
    }

    private static Fix fix(double neededKb) {
        long kb = WorkMem.suggestKb(neededKb);
        return Fix.of("Raise work_mem for this query, in its session or transaction (SET LOCAL), so the hash table "
                + "(about " + Fmt.kb(neededKb) + ") fits; hash_mem_multiplier (2 from PostgreSQL 15) lets hashes use "
                + "a multiple of it.", WorkMem.setSql(kb));
    }

    private static OptionalDouble sum(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty() && b.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(a.orElse(0) + b.orElse(0));
    }
}
