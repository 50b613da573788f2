package io.accesspath.core.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * One node of a normalized plan tree. {@link #fields()} holds every field of the node exactly as
 * PostgreSQL's FORMAT JSON names and orders them (unknown fields included, kept verbatim), except
 * "Plans", which is {@link #children()}. The typed accessors below cover the common fields; they
 * are empty where the plan does not have the field (no ANALYZE, COSTS OFF, an older server).
 *
 * <p>Children are in PostgreSQL's order: InitPlans (and CTEs), outer, inner, members, SubPlans.
 * Times are milliseconds averaged per loop; rows are per loop; removed-row counts are per loop;
 * buffer counters and heap fetches are totals over all loops.
 */
public record PlanNode(Fields fields, List<PlanNode> children) {

    public PlanNode {
        Objects.requireNonNull(fields, "fields");
        children = List.copyOf(children);
    }

    /** "Seq Scan", "Hash Join", "Aggregate", ... (an unknown type verbatim). */
    public String nodeType() {
        return fields.text("Node Type").orElse("");
    }

    /** "Outer", "Inner", "Member", "Subquery", "InitPlan", "SubPlan"; empty for the root. */
    public Optional<String> parentRelationship() {
        return fields.text("Parent Relationship");
    }

    /** "InitPlan 1 (returns $0)", "InitPlan 1", "SubPlan 2", "CTE name". */
    public Optional<String> subplanName() {
        return fields.text("Subplan Name");
    }

    public boolean parallelAware() {
        return fields.bool("Parallel Aware").orElse(false);
    }

    /** "Plain", "Sorted", "Hashed", "Mixed" (aggregates and set operations). */
    public Optional<String> strategy() {
        return fields.text("Strategy");
    }

    /** "Simple", "Partial", "Finalize" (aggregates). */
    public Optional<String> partialMode() {
        return fields.text("Partial Mode");
    }

    /** "Insert", "Update", "Delete", "Merge" (ModifyTable), "Select" etc. (Foreign Scan). */
    public Optional<String> operation() {
        return fields.text("Operation");
    }

    /** "Inner", "Left", "Full", "Right", "Semi", "Anti", "Right Semi", "Right Anti". */
    public Optional<String> joinType() {
        return fields.text("Join Type");
    }

    public Optional<String> relationName() {
        return fields.text("Relation Name");
    }

    public Optional<String> schema() {
        return fields.text("Schema");
    }

    public Optional<String> alias() {
        return fields.text("Alias");
    }

    public Optional<String> indexName() {
        return fields.text("Index Name");
    }

    public Optional<String> cteName() {
        return fields.text("CTE Name");
    }

    public Optional<String> functionName() {
        return fields.text("Function Name");
    }

    public Optional<String> indexCond() {
        return fields.text("Index Cond");
    }

    public Optional<String> recheckCond() {
        return fields.text("Recheck Cond");
    }

    public Optional<String> filter() {
        return fields.text("Filter");
    }

    public Optional<String> joinFilter() {
        return fields.text("Join Filter");
    }

    public Optional<String> hashCond() {
        return fields.text("Hash Cond");
    }

    public Optional<String> mergeCond() {
        return fields.text("Merge Cond");
    }

    public OptionalDouble startupCost() {
        return fields.decimal("Startup Cost");
    }

    public OptionalDouble totalCost() {
        return fields.decimal("Total Cost");
    }

    /** Estimated rows per loop. */
    public OptionalDouble planRows() {
        return fields.decimal("Plan Rows");
    }

    public OptionalLong planWidth() {
        return fields.integer("Plan Width");
    }

    /** Milliseconds to the first row, averaged per loop (ANALYZE with TIMING). */
    public OptionalDouble actualStartupTime() {
        return fields.decimal("Actual Startup Time");
    }

    /** Milliseconds to the last row, averaged per loop (ANALYZE with TIMING). */
    public OptionalDouble actualTotalTime() {
        return fields.decimal("Actual Total Time");
    }

    /** Rows per loop (fractional from PostgreSQL 18 on). */
    public OptionalDouble actualRows() {
        return fields.decimal("Actual Rows");
    }

    /** Times the node ran; 0 for a node that never executed. */
    public OptionalDouble actualLoops() {
        return fields.decimal("Actual Loops");
    }

    /** True when EXPLAIN ANALYZE ran the plan but never this node. */
    public boolean neverExecuted() {
        return actualLoops().isPresent() && actualLoops().getAsDouble() == 0;
    }

    public OptionalDouble rowsRemovedByFilter() {
        return fields.decimal("Rows Removed by Filter");
    }

    public OptionalDouble rowsRemovedByJoinFilter() {
        return fields.decimal("Rows Removed by Join Filter");
    }

    public OptionalDouble rowsRemovedByIndexRecheck() {
        return fields.decimal("Rows Removed by Index Recheck");
    }

    /** Heap pages visited by an Index Only Scan, over all loops. */
    public OptionalLong heapFetches() {
        return fields.integer("Heap Fetches");
    }

    public OptionalLong exactHeapBlocks() {
        return fields.integer("Exact Heap Blocks");
    }

    public OptionalLong lossyHeapBlocks() {
        return fields.integer("Lossy Heap Blocks");
    }

    /** Index descents (PostgreSQL 18). */
    public OptionalLong indexSearches() {
        return fields.integer("Index Searches");
    }

    /** True when the planner used this node although its type was disabled (PostgreSQL 18). */
    public boolean disabled() {
        return fields.bool("Disabled").orElse(false);
    }

    public List<String> sortKey() {
        return fields.texts("Sort Key");
    }

    public List<String> presortedKey() {
        return fields.texts("Presorted Key");
    }

    public List<String> groupKey() {
        return fields.texts("Group Key");
    }

    /** The target list (VERBOSE). */
    public List<String> output() {
        return fields.texts("Output");
    }

    /** "quicksort", "top-N heapsort", "external merge", ... */
    public Optional<String> sortMethod() {
        return fields.text("Sort Method");
    }

    /** kB of memory or disk the sort used; see {@link #sortSpaceType()}. */
    public OptionalLong sortSpaceUsed() {
        return fields.integer("Sort Space Used");
    }

    /** "Memory" or "Disk". */
    public Optional<String> sortSpaceType() {
        return fields.text("Sort Space Type");
    }

    public OptionalLong hashBuckets() {
        return fields.integer("Hash Buckets");
    }

    public OptionalLong hashBatches() {
        return fields.integer("Hash Batches");
    }

    public OptionalLong originalHashBatches() {
        return fields.integer("Original Hash Batches");
    }

    /** kB (Hash, HashAggregate, Memoize). */
    public OptionalLong peakMemoryUsage() {
        return fields.integer("Peak Memory Usage");
    }

    /** kB a HashAggregate spilled to disk. */
    public OptionalLong diskUsage() {
        return fields.integer("Disk Usage");
    }

    public OptionalLong hashAggBatches() {
        return fields.integer("HashAgg Batches");
    }

    public Optional<String> cacheKey() {
        return fields.text("Cache Key");
    }

    public OptionalLong cacheHits() {
        return fields.integer("Cache Hits");
    }

    public OptionalLong cacheMisses() {
        return fields.integer("Cache Misses");
    }

    public OptionalLong workersPlanned() {
        return fields.integer("Workers Planned");
    }

    public OptionalLong workersLaunched() {
        return fields.integer("Workers Launched");
    }

    /** Per-worker details ("Worker Number", actual times, sort and buffer fields, ...). */
    public List<Fields> workers() {
        return fields.objects("Workers");
    }

    /** This node's block counters (including its children's), when BUFFERS was on. */
    public Optional<Buffers> buffers() {
        return Buffers.from(fields);
    }

    /** This node and all nodes below it, depth first, in PostgreSQL's order. */
    public Stream<PlanNode> walk() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(PlanNode::walk));
    }
}
