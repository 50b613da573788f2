package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Evidence;
import io.accesspath.core.plan.diagnose.Fix;
import io.accesspath.core.plan.diagnose.Kind;
import io.accesspath.core.plan.diagnose.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static io.accesspath.core.plan.diagnose.internal.Context.fact;

/**
 * planning-dominates: "Planning Time" at least {@link #MIN_PLANNING_MS} and at least
 * {@link #MIN_RATIO} times the execution time. Names what made planning long where the plan
 * shows it (many partitions or Append members, many joins) and suggests reusing plans through
 * prepared statements. Its share is of planning plus execution.
 */
final class PlanningRule implements Rule {
    /** Planning milliseconds below which planning does not matter. */
    static final double MIN_PLANNING_MS = 1.0;
    /** Planning time over execution time. */
    static final double MIN_RATIO = 1.0;
    /** Members of one Append from which they are named as a cause. */
    static final int MANY_MEMBERS = 50;
    /** Joins from which they are named as a cause (the default join_collapse_limit is 8). */
    static final int MANY_JOINS = 8;

    @Override
    public Kind kind() {
        return Kind.PLANNING_DOMINATES;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        OptionalDouble planning = ctx.plan().planningTime();
        OptionalDouble exec = ctx.plan().executionTime();
        if (planning.isEmpty() || exec.isEmpty()) {
            return List.of();
        }
        double p = planning.getAsDouble();
        double e = exec.getAsDouble();
        if (p < MIN_PLANNING_MS || p < MIN_RATIO * e) {
            return List.of();
        }
        int members = ctx.nodes().filter(n -> n.nodeType().equals("Append") || n.nodeType().equals("Merge Append"))
                .mapToInt(n -> Context.inputs(n).size() + (int) n.fields().integer("Subplans Removed").orElse(0))
                .max().orElse(0);
        long joins = ctx.nodes().filter(Context::isJoin).count();
        long blocks = ctx.plan().planningBuffers().map(b -> b.sharedTotal()).orElse(0L);
        List<Evidence.Fact> facts = new ArrayList<>(List.of(fact("Planning Time", p, "ms"),
                fact("Execution Time", e, "ms")));
        String summary = "Planning took " + Fmt.ms(p) + " and execution " + Fmt.ms(e) + ".";
        if (blocks > 0) {
            facts.add(fact("Planning Shared Blocks", blocks, "blocks"));
            summary += " Planning read " + Fmt.count(blocks) + " blocks of catalog and statistics.";
        }
        List<String> causes = new ArrayList<>();
        if (members >= MANY_MEMBERS) {
            facts.add(fact("Append Members", members, "count"));
            causes.add("the query reaches " + members + " partitions (or UNION members), each planned separately");
        }
        if (joins >= MANY_JOINS) {
            facts.add(fact("Joins", joins, "count"));
            causes.add("it joins " + (joins + 1) + " relations, and the join orders to weigh grow exponentially");
        }
        String cause = "The query does little work, so the planner's fixed cost dominates"
                + (causes.isEmpty() ? "." : ": " + String.join("; ", causes) + ".");
        List<Fix> fixes = new ArrayList<>();
        fixes.add(Fix.of("Reuse the plan: run the query as a prepared statement (server-side prepared statements in "
                + "the driver, or PREPARE/EXECUTE), so repeated runs skip planning."));
        if (members >= MANY_MEMBERS) {
            fixes.add(Fix.of("Filter on the partition key with constants or parameters so partitions are pruned while "
                    + "planning, or use fewer, larger partitions."));
        }
        if (joins >= MANY_JOINS) {
            fixes.add(Fix.of("Lower the join search effort for this query.", "SET join_collapse_limit = 4;\n"
                    + "SET from_collapse_limit = 4;"));
        }
        OptionalDouble share = OptionalDouble.of(p / (p + e));
        return List.of(ctx.diagnosis(kind(), Severity.ofShare(share), Optional.empty(), new Evidence(facts, summary),
                cause, fixes, Context.Gain.of(OptionalDouble.of(p), "A reused plan saves the planning time on "
                        + "every run after the first."),
                share, "planning and execution"));
    }
}
