package io.accesspath.core.plan;

import io.accesspath.core.plan.internal.PlanJsonWriter;

/** Writes plans in PostgreSQL's EXPLAIN (FORMAT JSON) shape. */
public final class PlanJson {

    private PlanJson() {
    }

    /**
     * The plan as PostgreSQL's FORMAT JSON prints it: an array holding one object with "Plan",
     * then the query-level fields ("Planning", "Planning Time", "Triggers", "JIT",
     * "Execution Time", ...), keys in PostgreSQL's order and PostgreSQL's layout (so a plan read
     * from PostgreSQL's JSON is written back unchanged). No trailing newline.
     */
    public static String write(Plan plan) {
        return PlanJsonWriter.write(plan);
    }
}
