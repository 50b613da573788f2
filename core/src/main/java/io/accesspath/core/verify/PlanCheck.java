package io.accesspath.core.verify;

import io.accesspath.core.design.PatternAccess;
import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Analysis;
import io.accesspath.core.plan.diagnose.Diagnosis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares an actual plan with the plan the design expects: is the expected index used on the
 * expected table, is the sort avoided when the design says it is, and do joins use an index
 * rather than scanning a large table. A mismatch names the plan node and the cause (from the
 * plan's diagnoses where one applies).
 */
public final class PlanCheck {
    /** Node types that read through an index. */
    static final Set<String> INDEX_NODES = Set.of("Index Scan", "Index Only Scan", "Bitmap Index Scan");
    /** A joined table smaller than this may be scanned whole without it being a problem. */
    public static final double SMALL_TABLE_ROWS = 1_000;

    private PlanCheck() {
    }

    /**
     * The verdict of one plan.
     *
     * @param matches      whether the plan is the one expected
     * @param indexesUsed  every index the plan reads, in plan order
     * @param sortAvoided  whether no Sort node orders the pattern's rows
     * @param node         the plan node that differs (its text-format label and path), if any
     * @param cause        why it differs, in one sentence, if it does
     * @param warnings     smaller differences that do not fail the pattern
     */
    public record Verdict(boolean matches, List<String> indexesUsed, boolean sortAvoided, Optional<String> node,
                          Optional<String> nodePath, Optional<String> cause, List<String> warnings) {
        public Verdict {
            indexesUsed = List.copyOf(indexesUsed);
            warnings = List.copyOf(warnings);
        }
    }

    /** A plan node with its path from the root ({@code 0.1.0}). */
    record Located(PlanNode node, String path) {}

    /**
     * Checks a plan.
     *
     * @param limited whether the query stops after a page of rows; a query that returns every
     *                matching row may sort them after a bitmap scan of the expected index when
     *                that is cheaper than walking the index in order (a warning, not a mismatch)
     */
    public static Verdict check(PatternAccess expected, Analysis analysis, boolean limited) {
        return check(expected, analysis, limited ? 100 : 0, List.of());
    }

    /**
     * As {@link #check(PatternAccess, Analysis, boolean)}, with the query's page size (0 when it
     * returns every row): a sort of no more rows than a page, over the expected index, is a
     * warning (the data has few matching rows, so PostgreSQL may fetch them all and sort).
     */
    public static Verdict check(PatternAccess expected, Analysis analysis, int pageSize,
                                List<io.accesspath.core.schema.Index> designed) {
        boolean limited = pageSize > 0;
        Plan plan = analysis.plan();
        List<Located> nodes = new ArrayList<>();
        walk(plan.root(), "0", nodes);
        Set<String> used = new LinkedHashSet<>();
        for (Located l : nodes) {
            if (INDEX_NODES.contains(l.node().nodeType())) {
                l.node().indexName().ifPresent(used::add);
            }
        }
        List<String> warnings = new ArrayList<>();
        Optional<Located> sort = nodes.stream().filter(l -> l.node().nodeType().equals("Sort")).findFirst();
        boolean sortAvoided = sort.isEmpty();

        // another designed index that seeks on the same leading column serves the pattern as well
        // for some keys (a customer with ten orders); the latency check decides whether it is enough
        Optional<String> sibling = expected.index().filter(e -> !used.contains(e))
                .flatMap(e -> sameLeadingColumn(e, used, designed));
        if (sibling.isPresent()) {
            warnings.add("PostgreSQL read " + expected.table() + " through " + sibling.get() + ", also designed, which"
                    + " seeks on the same leading column and serves these values as well as " + expected.index().get());
        }
        // the expected index on the table the pattern starts from
        if (expected.index().isPresent() && !used.contains(expected.index().get()) && sibling.isEmpty()) {
            Optional<Located> reader = nodes.stream().filter(l -> reads(l.node(), expected.table())).findFirst();
            String label = reader.map(l -> label(l.node())).orElse(label(plan.root()));
            String cause = reader.map(l -> why(l, expected, analysis)).orElse("the plan does not read "
                    + expected.table() + " through " + expected.index().get());
            return new Verdict(false, List.copyOf(used), sortAvoided, Optional.of(label),
                    Optional.of(reader.map(Located::path).orElse("0")), Optional.of(cause), warnings);
        }
        boolean bitmapOfExpected = expected.index().isPresent() && nodes.stream().anyMatch(l ->
                l.node().nodeType().equals("Bitmap Index Scan") && l.node().indexName().equals(expected.index()));
        boolean usesExpected = expected.index().map(used::contains).orElse(false);
        if (expected.sortAvoided() && sort.isPresent() && !limited && bitmapOfExpected) {
            warnings.add("PostgreSQL reads " + expected.index().get() + " as a bitmap and sorts the "
                    + rows(sort.get().node()) + " rows, which costs less than walking the index in order when every"
                    + " matching row is returned");
        } else if (expected.sortAvoided() && sort.isPresent() && limited && usesExpected
                && rows(sort.get().node()) <= pageSize) {
            warnings.add("only " + rows(sort.get().node()) + " rows match, fewer than a page: PostgreSQL fetches"
                    + " them all through " + expected.index().get() + " and sorts them, which is as cheap");
        } else if (expected.sortAvoided() && sort.isPresent()) {
            Located s = sort.get();
            String keys = String.join(", ", s.node().sortKey());
            String cause = "a Sort of " + rows(s.node()) + " rows (by " + keys + ") runs although "
                    + expected.index().orElse("the index") + " should return rows in that order"
                    + s.node().sortMethod().map(m -> " (" + m + ")").orElse("");
            return new Verdict(false, List.copyOf(used), false, Optional.of(label(s.node())), Optional.of(s.path()),
                    Optional.of(cause), warnings);
        }
        // joins: a large joined table read whole is a problem the design meant to avoid
        for (PatternAccess.JoinAccess j : expected.joins()) {
            for (Located l : nodes) {
                PlanNode n = l.node();
                if (reads(n, j.table()) && isSeqScan(n) && rowsRead(n) >= SMALL_TABLE_ROWS) {
                    String cause = "the join to " + j.relation() + " reads all of " + j.table() + " (" + rowsRead(n)
                            + " rows) instead of looking rows up" + j.index().map(i -> " through " + i).orElse("");
                    return new Verdict(false, List.copyOf(used), sortAvoided, Optional.of(label(n)),
                            Optional.of(l.path()), Optional.of(cause), warnings);
                }
            }
            if (j.index().isPresent() && !used.contains(j.index().get())) {
                warnings.add("join to " + j.relation() + " did not use " + j.index().get());
            }
        }
        if (!expected.sortAvoided() && sort.isPresent()) {
            sort.get().node().sortMethod().filter(m -> m.startsWith("external"))
                    .ifPresent(m -> warnings.add("the sort spills to disk (" + m + ")"));
        }
        nodes.stream().filter(l -> l.node().nodeType().equals("Incremental Sort")).findFirst()
                .ifPresent(l -> warnings.add("an Incremental Sort finishes the order the index gives"));
        return new Verdict(true, List.copyOf(used), sortAvoided, Optional.empty(), Optional.empty(), Optional.empty(),
                warnings);
    }

    private static Optional<String> sameLeadingColumn(String expected, Set<String> used,
                                                      List<io.accesspath.core.schema.Index> designed) {
        Optional<io.accesspath.core.schema.Index> e = designed.stream().filter(i -> i.name().equals(expected)).findFirst();
        if (e.isEmpty() || e.get().keys().isEmpty()) {
            return Optional.empty();
        }
        String lead = e.get().keys().get(0).column();
        return designed.stream().filter(i -> used.contains(i.name()) && !i.keys().isEmpty()
                        && i.keys().get(0).column().equals(lead)).map(io.accesspath.core.schema.Index::name).findFirst();
    }

    /** Why the node reads the table another way: the matching diagnosis, or what the node did. */
    private static String why(Located l, PatternAccess expected, Analysis analysis) {
        PlanNode n = l.node();
        double removed = n.rowsRemovedByFilter().orElse(0) * n.actualLoops().orElse(1);
        String how = isSeqScan(n) ? "reads all of " + expected.table() + " (" + rowsRead(n) + " rows"
                + (removed > 0 ? ", " + Math.round(removed) + " removed by its filter" : "") + ")"
                : "reads " + expected.table() + n.indexName().map(i -> " through " + i).orElse("");
        Optional<Diagnosis> d = analysis.diagnoses().stream()
                .filter(x -> x.node().map(r -> r.path().equals(l.path())).orElse(false)).findFirst();
        return how + " instead of using " + expected.index().orElseThrow()
                + d.map(x -> ": " + x.kind().id() + ", " + x.cause()).orElse("");
    }

    private static boolean reads(PlanNode n, String table) {
        return n.relationName().map(table::equals).orElse(false);
    }

    private static boolean isSeqScan(PlanNode n) {
        return n.nodeType().endsWith("Seq Scan");
    }

    private static long rowsRead(PlanNode n) {
        double loops = n.actualLoops().orElse(1);
        double rows = n.actualRows().orElse(n.planRows().orElse(0)) * loops;
        double removed = n.rowsRemovedByFilter().orElse(0) * loops;
        return Math.round(rows + removed);
    }

    private static long rows(PlanNode n) {
        return Math.round(n.actualRows().orElse(n.planRows().orElse(0)) * n.actualLoops().orElse(1));
    }

    /** The node as PostgreSQL's text format heads it. */
    static String label(PlanNode n) {
        StringBuilder sb = new StringBuilder(n.nodeType());
        n.indexName().ifPresent(i -> sb.append(n.nodeType().equals("Bitmap Index Scan") ? " on " : " using ").append(i));
        n.relationName().ifPresent(r -> sb.append(" on ").append(r));
        return sb.toString();
    }

    private static void walk(PlanNode n, String path, List<Located> out) {
        out.add(new Located(n, path));
        for (int i = 0; i < n.children().size(); i++) {
            walk(n.children().get(i), path + "." + i, out);
        }
    }
}
