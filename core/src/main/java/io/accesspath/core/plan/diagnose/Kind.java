package io.accesspath.core.plan.diagnose;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a {@link Diagnosis} is about. Each kind has one rule; its {@link #id()} is stable (used in
 * JSON output, docs/plans.md and by callers that filter diagnoses).
 */
public enum Kind {
    /** A sequential scan throws most of the rows it reads away: an index would read only the rest. */
    MISSING_INDEX,
    /** An index scan reads many rows it then filters out, or its condition does not narrow the scan. */
    INEFFICIENT_INDEX,
    /** A node's row estimate is off by 10x or more. */
    MISESTIMATE,
    /** A sort ran out of work_mem and spilled to temporary files. */
    SORT_SPILL,
    /** A hash join or hash aggregate ran out of memory and split its input into batches on disk. */
    HASH_SPILL,
    /** A bitmap outgrew work_mem and became lossy, so whole pages were rechecked. */
    LOSSY_BITMAP,
    /** An index-only scan had to visit the heap for many rows (pages not all-visible). */
    HEAP_FETCHES,
    /** A nested loop ran its inner side once per row of an outer side far larger than planned. */
    NESTED_LOOP_UNDERESTIMATE,
    /** A LIMIT walked an index in ORDER BY order and discarded most rows it found. */
    ORDER_BY_LIMIT_WRONG_INDEX,
    /** A predicate cannot use a plain index on its column (function, cast, leading wildcard, OR). */
    NON_SARGABLE,
    /** OFFSET made the query produce and throw away many rows. */
    LARGE_OFFSET,
    /** A correlated subquery ran once per outer row. */
    CORRELATED_SUBPLAN,
    /** Parallel workers were planned but fewer were launched. */
    WORKERS_NOT_LAUNCHED,
    /** JIT compilation took a large share of the execution time. */
    JIT_DOMINATES,
    /** Planning took longer than execution. */
    PLANNING_DOMINATES,
    /** A large join whose result is mostly aggregated or filtered away: a schema-level hot path. */
    SCHEMA_JOIN_HOT_PATH;

    /** The stable kebab-case id, such as {@code missing-index}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind with this {@link #id()}. */
    public static Optional<Kind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }
}
