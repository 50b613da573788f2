package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.NodeMetrics;
import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Fix;
import io.accesspath.core.plan.diagnose.internal.Condition.Shape;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where a row misestimate starts, and the statistics that would correct it. */
final class Estimates {
    /** An estimate off by this factor or more is a misestimate. */
    static final double MIN_FACTOR = 10;

    private static final Set<String> BITMAP_PARTS = Set.of("Bitmap Index Scan", "BitmapAnd", "BitmapOr");
    /** Nodes that read all their input before returning a row. */
    private static final Set<String> READS_ALL = Set.of("Sort", "Aggregate", "Hash", "SetOp");

    private Estimates() {
    }

    /** True when the node's estimate is off by {@link #MIN_FACTOR} or more in the given direction. */
    static boolean off(Context ctx, PlanNode node, boolean under) {
        NodeMetrics m = ctx.metrics(node);
        return m.estimateFactor().isPresent() && m.estimateFactor().getAsDouble() >= MIN_FACTOR
                && m.underestimated() == under;
    }

    /**
     * True when the misestimate of {@code node} starts there: none of its inputs is off by
     * {@link #MIN_FACTOR} in the same direction. The parts of a bitmap scan are not origins:
     * their heap scan is, as it names the table.
     */
    static boolean isOrigin(Context ctx, PlanNode node) {
        boolean under = ctx.metrics(node).underestimated();
        if (BITMAP_PARTS.contains(node.nodeType())) {
            return false;
        }
        boolean heapScan = node.nodeType().equals("Bitmap Heap Scan");
        return Context.inputs(node).stream()
                .filter(c -> !(heapScan && BITMAP_PARTS.contains(c.nodeType())))
                .noneMatch(c -> off(ctx, c, under));
    }

    /** Descends from {@code node} through inputs misestimated the same way to where it starts. */
    static PlanNode origin(Context ctx, PlanNode node) {
        boolean under = ctx.metrics(node).underestimated();
        PlanNode at = node;
        while (!isOrigin(ctx, at)) {
            Optional<PlanNode> next = Context.inputs(at).stream().filter(c -> off(ctx, c, under)).findFirst();
            if (next.isEmpty()) {
                break;
            }
            at = next.get();
        }
        return at;
    }

    /**
     * True when the node may have stopped before producing all the rows it was planned for, so
     * that fewer rows than planned is no estimate error: a Limit above it with no node between
     * that reads all its input, a Merge Join above it, the inner side of a semi or anti join, a
     * subplan, or the outer side of a hash join whose hash is empty.
     */
    static boolean mayStopEarly(Context ctx, PlanNode node) {
        PlanNode child = node;
        Optional<PlanNode> parent = ctx.parent(child);
        while (parent.isPresent()) {
            PlanNode p = parent.get();
            String type = p.nodeType();
            if (Context.isSubplan(child) || type.equals("Limit") || type.equals("Merge Join")) {
                return true;
            }
            String join = p.joinType().orElse("");
            boolean inner = child.parentRelationship().orElse("").equals("Inner");
            if (inner && (join.equals("Semi") || join.equals("Anti"))) {
                return true;
            }
            if (type.equals("Hash Join") && !inner && p.children().stream()
                    .anyMatch(c -> c.nodeType().equals("Hash") && Context.rows(c) == 0)) {
                return true;
            }
            if (READS_ALL.contains(type)) {
                return false;
            }
            child = p;
            parent = ctx.parent(p);
        }
        return false;
    }

    /** Plain columns of the node's own table in its conditions, distinct, in order. */
    static List<String> conditionColumns(PlanNode node) {
        List<Condition> conds = Predicates.conjuncts(Scope.of(node),
                List.of(node.indexCond(), node.recheckCond(), node.filter()));
        Set<String> cols = new LinkedHashSet<>();
        for (Condition c : conds) {
            if (c.shape().sargable() || c.is(Shape.OR_ACROSS_COLUMNS)) {
                c.column().ifPresent(cols::add);
                if (c.is(Shape.OR_ACROSS_COLUMNS)) {
                    cols.addAll(c.columns());
                }
            }
        }
        return List.copyOf(cols);
    }

    /**
     * Fixes for a misestimate starting at {@code node}: extended statistics when several columns
     * of one table are constrained together (or grouped together), ANALYZE, and a larger
     * statistics target for a single column.
     */
    static List<Fix> fixes(PlanNode node) {
        List<Fix> fixes = new ArrayList<>();
        if (node.relationName().isPresent()) {
            String table = Context.table(node);
            List<String> cols = conditionColumns(node);
            String analyze = "ANALYZE " + table + ";";
            List<String> expressions = expressions(node);
            if (!expressions.isEmpty()) {
                fixes.add(Fix.of("Give the expression statistics of its own (PostgreSQL 14 and later), or rewrite the "
                        + "condition so the column stands alone.", createStatistics(node,
                        expressions.stream().map(e -> "(" + e + ")").toList(), "") + "\n" + analyze));
            }
            if (cols.size() >= 2) {
                fixes.add(Fix.of("Create extended statistics on the columns constrained together, so the planner "
                        + "learns how they depend on each other, then analyze.", createStatistics(node, cols,
                        "dependencies, ndistinct, mcv") + "\n" + analyze));
                fixes.add(Fix.of("If rows changed a lot since the last ANALYZE, analyze the table.", analyze));
            } else {
                fixes.add(Fix.of("Refresh the table's statistics (stale after bulk changes; autovacuum may be off "
                        + "or behind).", analyze));
                if (cols.size() == 1) {
                    fixes.add(Fix.of("If the statistics are fresh but the value is rare or skewed, sample the column "
                            + "in more detail.", "ALTER TABLE " + table + " ALTER COLUMN " + cols.get(0)
                            + " SET STATISTICS 1000;\n" + analyze));
                }
            }
            return fixes;
        }
        groupStatistics(node).ifPresent(fixes::add);
        List<String> tables = Context.tableScans(node).stream().map(Context::table).distinct().toList();
        if (!tables.isEmpty()) {
            fixes.add(Fix.of("Refresh the statistics of the tables below this node.",
                    "ANALYZE " + String.join(", ", tables) + ";"));
        }
        return fixes;
    }

    /** The expressions of the node's own columns its conditions compare (functions and casts), distinct. */
    static List<String> expressions(PlanNode node) {
        return Predicates.conjuncts(Scope.of(node), List.of(node.indexCond(), node.recheckCond(), node.filter()))
                .stream().filter(c -> c.is(Shape.FUNCTION_ON_COLUMN) || c.is(Shape.CAST_ON_COLUMN))
                .map(Condition::target).distinct().toList();
    }

    /** CREATE STATISTICS (ndistinct) for a GROUP BY of several columns of one table. */
    private static Optional<Fix> groupStatistics(PlanNode node) {
        List<String> keys = node.groupKey();
        if (keys.size() < 2) {
            return Optional.empty();
        }
        Map<String, PlanNode> scans = Context.scansByQualifier(node);
        PlanNode table = null;
        List<String> cols = new ArrayList<>();
        for (String key : keys) {
            Optional<Expr.Ref> ref = Expr.parse(key).asColumn();
            if (ref.isEmpty()) {
                return Optional.empty();
            }
            PlanNode scan = ref.get().qualifier().isEmpty() && scans.size() == 1
                    ? scans.values().iterator().next() : scans.get(ref.get().qualifier());
            if (scan == null || (table != null && scan != table)) {
                return Optional.empty();
            }
            table = scan;
            cols.add(ref.get().printed());
        }
        String sql = createStatistics(table, cols, "ndistinct") + "\nANALYZE " + Context.table(table) + ";";
        return Optional.of(Fix.of("Create n-distinct statistics on the grouped columns, so the planner knows how many "
                + "groups they form.", sql));
    }

    private static String createStatistics(PlanNode table, List<String> cols, String kinds) {
        String name = Sql.ident(Sql.statisticsName(table.relationName().orElse(""),
                cols.stream().map(c -> Expr.parse(c).asColumn().map(Expr.Ref::name).orElse(c)).toList()));
        return "CREATE STATISTICS " + name + (kinds.isEmpty() ? "" : " (" + kinds + ")") + " ON "
                + String.join(", ", cols) + " FROM " + Context.table(table) + ";";
    }
}
