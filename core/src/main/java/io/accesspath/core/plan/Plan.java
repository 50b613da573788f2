package io.accesspath.core.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * One EXPLAIN result: the plan tree and the query-level fields PostgreSQL prints beside "Plan"
 * ("Planning", "Planning Time", "Triggers", "JIT", "Settings", "Execution Time", ...), kept in
 * {@link #fields()} in PostgreSQL's order. Read with {@link PlanParser}, written with
 * {@link PlanJson}.
 */
public record Plan(PlanNode root, Fields fields) {

    public Plan {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(fields, "fields");
    }

    /** Every node, depth first from the root. */
    public Stream<PlanNode> nodes() {
        return root.walk();
    }

    /** True when the plan was run (EXPLAIN ANALYZE). */
    public boolean analyzed() {
        return root.actualLoops().isPresent();
    }

    public OptionalDouble planningTime() {
        return fields.decimal("Planning Time");
    }

    public OptionalDouble executionTime() {
        return fields.decimal("Execution Time");
    }

    /** The "Planning" group: planning buffers and memory (BUFFERS, MEMORY). */
    public Optional<Fields> planning() {
        return fields.object("Planning");
    }

    public Optional<Buffers> planningBuffers() {
        return planning().flatMap(Buffers::from);
    }

    /** "Trigger Name", "Constraint Name", "Relation", "Time", "Calls" per trigger that fired. */
    public List<Fields> triggers() {
        return fields.objects("Triggers");
    }

    /** "Functions", "Options", "Timing" of JIT compilation, when JIT ran. */
    public Optional<Fields> jit() {
        return fields.object("JIT");
    }

    /** Planner settings that differ from the defaults (SETTINGS), name to value. */
    public Optional<Fields> settings() {
        return fields.object("Settings");
    }
}
