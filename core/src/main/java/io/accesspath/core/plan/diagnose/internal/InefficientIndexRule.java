package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Evidence;
import io.accesspath.core.plan.diagnose.Fix;
import io.accesspath.core.plan.diagnose.Kind;
import io.accesspath.core.plan.diagnose.SchemaFacts.IndexFact;
import io.accesspath.core.plan.diagnose.internal.Condition.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;

import static io.accesspath.core.plan.diagnose.internal.Context.fact;

/**
 * inefficient-index: an index scan that does much more work than its result needs, for one of
 * two reasons.
 * <ul>
 *   <li>Filter: rows fetched through the index are then thrown away by a Filter (at least
 *       {@link #MIN_REMOVED_SHARE} of them, and at least {@link #MIN_ROWS_REMOVED}): the
 *       filtered columns are not in the index condition. Index scans without an index condition
 *       (walking an index for its order), and those order-by-limit-wrong-index reports, are left
 *       to it.</li>
 *   <li>Column order: the index condition does not narrow the part of the index read. With the
 *       index's columns known ({@link io.accesspath.core.plan.diagnose.SchemaFacts}): the
 *       condition leaves the first column unconstrained, or a range on a column precedes an
 *       equality on a later one (reported from {@link #ORDER_MIN_BLOCKS} blocks, or without
 *       BUFFERS from {@link #ORDER_MIN_ROWS} rows). From the plan alone: the scan touched at
 *       least {@link #WIDE_MIN_BLOCKS} blocks and {@link #WIDE_BLOCK_RATIO} times what its rows
 *       explain ({@link #BLOCKS_PER_DESCENT} per loop plus one per row read).</li>
 * </ul>
 * Suggests an index with the equality columns of the condition and filter first, then a range
 * column.
 */
final class InefficientIndexRule implements Rule {
    /** Share of the rows fetched that the filter must remove. */
    static final double MIN_REMOVED_SHARE = 0.5;
    /** Rows the filter must remove, over all loops. */
    static final double MIN_ROWS_REMOVED = 1_000;
    /** Blocks a scan through an index of known, wrong column order must touch to be reported. */
    static final double ORDER_MIN_BLOCKS = 100;
    /** Rows read that stand in for {@link #ORDER_MIN_BLOCKS} in plans without BUFFERS. */
    static final double ORDER_MIN_ROWS = 1_000;
    /** Blocks a scan must touch before the plan-only column-order check applies. */
    static final double WIDE_MIN_BLOCKS = 1_000;
    /** How many times the expected blocks the scan must touch for the plan-only check. */
    static final double WIDE_BLOCK_RATIO = 10;
    /** Blocks one descent of a B-tree is expected to touch (root to leaf, with a neighbour). */
    static final double BLOCKS_PER_DESCENT = 4;

    private static final Set<String> INDEX_SCANS = Set.of("Index Scan", "Index Only Scan", "Bitmap Index Scan");

    @Override
    public Kind kind() {
        return Kind.INEFFICIENT_INDEX;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        List<Diagnosis> out = new ArrayList<>();
        ctx.nodes().filter(n -> INDEX_SCANS.contains(n.nodeType()) || n.nodeType().equals("Bitmap Heap Scan"))
                .forEach(n -> check(ctx, n).ifPresent(out::add));
        return out;
    }

    private Optional<Diagnosis> check(Context ctx, PlanNode node) {
        Optional<PlanNode> tableNode = tableNode(ctx, node);
        if (tableNode.isEmpty()) {
            return Optional.empty();
        }
        Scope scope = Scope.of(tableNode.get());
        List<Condition> cond = Predicates.conjuncts(node.indexCond().or(node::recheckCond), scope);
        List<Condition> filter = Predicates.conjuncts(node.filter(), scope);
        Optional<String> filterProblem = OrderByLimitRule.claims(ctx, node) ? Optional.empty()
                : filterProblem(node, cond, filter);
        Optional<String> orderProblem = INDEX_SCANS.contains(node.nodeType()) ? orderProblem(ctx, node, cond)
                : Optional.empty();
        if (filterProblem.isEmpty() && orderProblem.isEmpty()) {
            return Optional.empty();
        }
        List<Condition> all = new ArrayList<>(cond);
        if (filterProblem.isPresent()) {
            all.addAll(filter);
        }
        List<String> keys = IndexKeys.of(all);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        double removed = Context.total(node, node.rowsRemovedByFilter());
        double rows = Context.rows(node);
        List<Evidence.Fact> facts = new ArrayList<>(List.of(fact("Actual Rows", rows, "rows")));
        List<String> sentences = new ArrayList<>();
        if (filterProblem.isPresent()) {
            facts.add(fact("Rows Removed by Filter", removed, "rows"));
            facts.add(fact("Removed Share", removed / (removed + rows), "share"));
            sentences.add("The index found " + Fmt.count(removed + rows) + " rows and the filter removed "
                    + Fmt.count(removed) + " of them (" + Fmt.pct(removed / (removed + rows)) + ").");
        }
        OptionalDouble blocks = ctx.ownBlocks(node);
        if (orderProblem.isPresent() && blocks.isPresent()) {
            facts.add(fact("Shared Blocks", blocks.getAsDouble(), "blocks"));
            sentences.add("The scan touched " + Fmt.count(blocks.getAsDouble()) + " blocks for "
                    + Fmt.count(rows + removed) + " rows.");
        }
        if (sentences.isEmpty()) {
            sentences.add("The scan returned " + Fmt.count(rows) + " rows through the index condition "
                    + node.indexCond().orElse("") + ".");
        }
        String cause = Stream.concat(filterProblem.stream(), orderProblem.stream())
                .reduce((a, b) -> a + " Also, " + b.substring(0, 1).toLowerCase(Locale.ROOT) + b.substring(1))
                .orElseThrow();
        String table = Context.table(tableNode.get());
        String replace = node.indexName().flatMap(i -> ctx.facts().index(i))
                .map(i -> " It can replace " + i.name() + " (" + String.join(", ", i.columns())
                        + ") if no other query needs that column order.").orElse("");
        Fix fix = Fix.of("Create an index whose key starts with the equality columns, then the range column, so "
                + "the whole condition becomes an index condition." + replace, Sql.createIndex(table, keys));
        Context.Gain gain = filterProblem.isPresent()
                ? Context.Gain.of(ctx.inclusive(node), removed, "The index would return only the "
                        + Fmt.count(rows) + " rows needed instead of " + Fmt.count(rows + removed) + ".")
                : Context.Gain.of(ctx.inclusive(node), "The index would read only the entries that match.");
        return Optional.of(ctx.diagnosis(kind(), Optional.of(node), new Evidence(facts, String.join(" ", sentences)),
                cause, List.of(fix), gain));
    }

    /** The node naming the table: the node itself, or the Bitmap Heap Scan above a bitmap index scan. */
    private static Optional<PlanNode> tableNode(Context ctx, PlanNode node) {
        Optional<PlanNode> at = Optional.of(node);
        while (at.isPresent() && at.get().relationName().isEmpty()) {
            at = at.get().nodeType().startsWith("Bitmap") ? ctx.parent(at.get()) : Optional.empty();
        }
        return at;
    }

    private static Optional<String> filterProblem(PlanNode node, List<Condition> cond, List<Condition> filter) {
        if (cond.isEmpty() || !IndexKeys.anySargable(filter)) {
            return Optional.empty();
        }
        double removed = Context.total(node, node.rowsRemovedByFilter());
        double read = removed + Context.rows(node);
        if (removed < MIN_ROWS_REMOVED || removed / read < MIN_REMOVED_SHARE) {
            return Optional.empty();
        }
        return Optional.of("The filter " + node.filter().orElse("") + " is checked on rows already fetched; "
                + "its columns are not part of the index condition " + node.indexCond().or(node::recheckCond).orElse("")
                + ".");
    }

    private static Optional<String> orderProblem(Context ctx, PlanNode node, List<Condition> cond) {
        if (cond.isEmpty()) {
            return Optional.empty();
        }
        Optional<IndexFact> index = node.indexName().flatMap(i -> ctx.facts().index(i));
        if (index.isPresent()) {
            OptionalDouble blocks = ctx.ownBlocks(node);
            boolean matters = blocks.isPresent() ? blocks.getAsDouble() >= ORDER_MIN_BLOCKS
                    : Context.rows(node) + Context.total(node, node.rowsRemovedByFilter()) >= ORDER_MIN_ROWS;
            return matters ? knownOrder(index.get(), cond) : Optional.empty();
        }
        return wideScan(ctx, node);
    }

    /** With the index's columns known: a first column left free, or a range before an equality. */
    private static Optional<String> knownOrder(IndexFact index, List<Condition> cond) {
        List<String> key = index.columns();
        String columns = " (" + String.join(", ", key) + ")";
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (shapeOf(cond, key.get(0)).isEmpty()) {
            return Optional.of("The index condition does not constrain " + key.get(0) + ", the first column of "
                    + index.name() + columns + ", so the scan reads the whole index and checks every entry.");
        }
        for (int i = 0; i < key.size(); i++) {
            if (shapeOf(cond, key.get(i)).filter(s -> s == Shape.RANGE).isEmpty()) {
                continue;
            }
            for (int j = i + 1; j < key.size(); j++) {
                if (shapeOf(cond, key.get(j)).filter(s -> s != Shape.RANGE).isPresent()) {
                    return Optional.of("In " + index.name() + columns + " the range on " + key.get(i)
                            + " comes before the equality on " + key.get(j) + ", so the scan reads every entry in the "
                            + "range and checks " + key.get(j) + " on each.");
                }
            }
        }
        return Optional.empty();
    }

    /** The strongest sargable shape constraining {@code column}: equality over range. */
    private static Optional<Shape> shapeOf(List<Condition> cond, String column) {
        Optional<Shape> found = Optional.empty();
        for (Condition c : cond) {
            if (c.shape().sargable() && c.column().map(p -> sameColumn(p, column)).orElse(false)) {
                if (c.is(Shape.EQUALITY) || c.is(Shape.IS_NULL)) {
                    return Optional.of(c.shape());
                }
                found = Optional.of(c.shape());
            }
        }
        return found;
    }

    private static boolean sameColumn(String printed, String name) {
        return Expr.parse(printed).asColumn().map(r -> r.name().equals(name)).orElse(false);
    }

    /** From the plan alone: far more blocks than the rows read explain. */
    private static Optional<String> wideScan(Context ctx, PlanNode node) {
        OptionalDouble blocks = ctx.ownBlocks(node);
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        double read = Context.rows(node) + Context.total(node, node.rowsRemovedByFilter());
        double expected = node.actualLoops().orElse(0) * BLOCKS_PER_DESCENT + read;
        double b = blocks.getAsDouble();
        if (b < WIDE_MIN_BLOCKS || b < WIDE_BLOCK_RATIO * expected) {
            return Optional.empty();
        }
        return Optional.of("The index condition " + node.indexCond().orElse("") + " did not narrow the part of "
                + node.indexName().orElse("the index") + " that was read: the condition is on a column that is not "
                + "the index's first, or a range on an earlier column comes before an equality (or the index is "
                + "bloated with dead entries, which REINDEX removes).");
    }
}
