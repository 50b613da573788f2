package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Evidence;
import io.accesspath.core.plan.diagnose.Fix;
import io.accesspath.core.plan.diagnose.Kind;
import io.accesspath.core.plan.diagnose.SchemaFacts.HotJoin;
import io.accesspath.core.plan.diagnose.Severity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static io.accesspath.core.plan.diagnose.internal.Context.fact;

/**
 * schema-join-hot-path: the topmost join of tables that produced at least {@link #MIN_JOIN_ROWS} rows
 * when the query returned at most 1/{@link #MIN_REDUCTION} of them, taking at least
 * {@link #MIN_SHARE} of the execution time: the query joins the same tables through a large
 * intermediate result only to aggregate or filter it away, a cost no index removes. Suggests
 * schema-level changes: a summary maintained on write, or copying the grouped columns into the
 * largest table. When the schema facts name hot access patterns that always join these tables,
 * the diagnosis names them and is HIGH. Data-changing statements (a ModifyTable root) write the
 * joined rows rather than throw them away and are not reported.
 */
final class HotJoinRule implements Rule {
    /** Rows the join must produce, over all loops. */
    static final double MIN_JOIN_ROWS = 100_000;
    /** How many times fewer rows the query must return than the join produced. */
    static final double MIN_REDUCTION = 100;
    /** Share of the execution time the join (with its inputs) must take. */
    static final double MIN_SHARE = 0.3;

    @Override
    public Kind kind() {
        return Kind.SCHEMA_JOIN_HOT_PATH;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        List<Diagnosis> out = new ArrayList<>();
        if (ctx.plan().root().nodeType().equals("ModifyTable")) {
            return out;
        }
        double returned = Context.rows(ctx.plan().root());
        ctx.nodes().filter(n -> qualifies(ctx, n, returned) && !ancestorQualifies(ctx, n, returned))
                .forEach(n -> out.add(diagnose(ctx, n, returned)));
        return out;
    }

    private static boolean qualifies(Context ctx, PlanNode node, double returned) {
        if (!Context.isJoin(node) || Context.rows(node) < MIN_JOIN_ROWS || returned * MIN_REDUCTION > Context.rows(node)
                || Context.tableScans(node).isEmpty()) {
            return false;
        }
        OptionalDouble share = Context.share(ctx.inclusive(node), ctx.queryTime());
        return share.isEmpty() || share.getAsDouble() >= MIN_SHARE;
    }

    private static boolean ancestorQualifies(Context ctx, PlanNode node, double returned) {
        for (Optional<PlanNode> p = ctx.parent(node); p.isPresent(); p = ctx.parent(p.get())) {
            if (qualifies(ctx, p.get(), returned)) {
                return true;
            }
        }
        return false;
    }

    private Diagnosis diagnose(Context ctx, PlanNode join, double returned) {
        List<PlanNode> scans = Context.tableScans(join);
        Set<String> tables = new LinkedHashSet<>();
        scans.forEach(s -> tables.add(s.relationName().orElseThrow()));
        double rows = Context.rows(join);
        List<String> patterns = ctx.facts().hotJoins().stream()
                .filter(h -> h.tables().size() >= 2 && tables.containsAll(h.tables())).map(HotJoin::pattern).toList();
        List<Evidence.Fact> facts = List.of(fact("Join Rows", rows, "rows"), fact("Query Rows", returned, "rows"),
                fact("Relations", tables.size(), "count"));
        String summary = "The join of " + String.join(", ", tables) + " produced " + Fmt.count(rows)
                + " rows; the query returned " + Fmt.count(returned) + ".";
        if (!patterns.isEmpty()) {
            summary += " Access pattern" + (patterns.size() > 1 ? "s " : " ") + String.join(", ", patterns)
                    + " always join" + (patterns.size() > 1 ? "" : "s") + " these tables.";
        }
        String cause = "Every run joins " + String.join(" and ", tables) + " row by row and then aggregates or filters "
                + "the result away; no index removes that work, the shape of the data does.";
        List<Fix> fixes = new ArrayList<>();
        fixes.add(Fix.of("Keep the result precomputed: a summary table maintained on write (or a materialized view "
                + "refreshed on a schedule) holding what the query aggregates from " + String.join(" and ", tables) + "."));
        denormalize(ctx, join, scans).ifPresent(fixes::add);
        String gain = "Reading a precomputed or denormalized table avoids producing " + Fmt.count(rows) + " joined rows.";
        if (patterns.isEmpty()) {
            return ctx.diagnosis(kind(), Optional.of(join), new Evidence(facts, summary), cause, fixes,
                    Context.Gain.of(ctx.inclusive(join), rows, gain));
        }
        OptionalDouble share = Context.share(ctx.inclusive(join), ctx.queryTime());
        return ctx.diagnosis(kind(), Severity.HIGH, Optional.of(join), new Evidence(facts, summary), cause, fixes,
                Context.Gain.of(ctx.inclusive(join), rows, gain), share, "the execution time");
    }

    /** Copy the grouped columns of the smaller tables into the largest one, when an aggregate above groups by them. */
    private static Optional<Fix> denormalize(Context ctx, PlanNode join, List<PlanNode> scans) {
        PlanNode largest = scans.stream().max((a, b) -> Double.compare(Context.rows(a), Context.rows(b))).orElseThrow();
        Map<String, PlanNode> byQualifier = Context.scansByQualifier(join);
        List<String> copied = new ArrayList<>();
        for (String key : groupKeyAbove(ctx, join)) {
            Expr.parse(key).asColumn().ifPresent(ref -> {
                PlanNode owner = byQualifier.get(ref.qualifier());
                if (owner != null && owner != largest) {
                    copied.add(owner.relationName().orElseThrow() + "." + ref.printed());
                }
            });
        }
        if (copied.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Fix.of("Or copy " + String.join(", ", copied) + " into " + largest.relationName().orElseThrow()
                + " (kept in sync on write), so the aggregate reads one table and can use an index on it."));
    }

    /** The group key of the nearest aggregate above the join; empty when there is none. */
    private static List<String> groupKeyAbove(Context ctx, PlanNode join) {
        for (Optional<PlanNode> p = ctx.parent(join); p.isPresent(); p = ctx.parent(p.get())) {
            if (!p.get().groupKey().isEmpty()) {
                return p.get().groupKey();
            }
        }
        return List.of();
    }
}
