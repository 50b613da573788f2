package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.Buffers;
import io.accesspath.core.plan.NodeMetrics;
import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Analysis;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.PlanComparison;
import io.accesspath.core.plan.diagnose.PlanComparison.Change;
import io.accesspath.core.plan.diagnose.PlanComparison.ChangeKind;
import io.accesspath.core.plan.diagnose.PlanComparison.Totals;
import io.accesspath.core.plan.diagnose.PlanComparison.Verdict;
import io.accesspath.core.plan.diagnose.SchemaFacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.Function;

/** The work behind {@link io.accesspath.core.plan.diagnose.PlanDiff}. */
public final class Comparer {
    private static final Comparator<Change> ORDER = Comparator
            .comparingDouble((Change c) -> -delta(c).orElse(-1))
            .thenComparing(Change::kind)
            .thenComparing(Change::subject);

    private final Side before;
    private final Side after;
    /** Nodes of the first plan to their partners in the second, and back. */
    private final Map<PlanNode, PlanNode> forward = new IdentityHashMap<>();
    private final Map<PlanNode, PlanNode> backward = new IdentityHashMap<>();

    private Comparer(Analysis before, Analysis after) {
        this.before = new Side(before);
        this.after = new Side(after);
        match();
    }

    public static PlanComparison compare(Analysis before, Analysis after, double noiseShare, double noiseFloorMs,
                                         double costNoiseShare) {
        Comparer c = new Comparer(before, after);
        Totals b = totals(before);
        Totals a = totals(after);
        String basis;
        Verdict verdict;
        if (b.executionMs().isPresent() && a.executionMs().isPresent()) {
            basis = "execution time";
            double first = b.executionMs().getAsDouble();
            verdict = verdict(first, a.executionMs().getAsDouble(), Math.max(noiseShare * first, noiseFloorMs));
        } else if (b.totalCost().isPresent() && a.totalCost().isPresent()) {
            basis = "estimated cost";
            double first = b.totalCost().getAsDouble();
            verdict = verdict(first, a.totalCost().getAsDouble(), costNoiseShare * first);
        } else {
            basis = "nothing comparable";
            verdict = Verdict.SAME;
        }
        List<Change> changes = c.changes();
        changes.sort(ORDER);
        return new PlanComparison(b, a, verdict, basis, changes, unmatched(c.before, c.after, c.forward),
                unmatched(c.after, c.before, c.backward));
    }

    private static Verdict verdict(double first, double second, double noise) {
        double delta = second - first;
        return Math.abs(delta) <= noise ? Verdict.SAME : delta < 0 ? Verdict.FASTER : Verdict.SLOWER;
    }

    private static Totals totals(Analysis a) {
        Optional<Buffers> buffers = a.plan().root().buffers();
        return new Totals(a.executionTime(), a.plan().planningTime(), a.plan().root().totalCost(),
                buffers.map(x -> OptionalDouble.of(x.sharedHit())).orElse(OptionalDouble.empty()),
                buffers.map(x -> OptionalDouble.of(x.sharedRead())).orElse(OptionalDouble.empty()),
                buffers.map(x -> OptionalDouble.of(x.tempTotal())).orElse(OptionalDouble.empty()));
    }

    private static OptionalDouble delta(Change c) {
        if (c.beforeMs().isEmpty() && c.afterMs().isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.abs(c.afterMs().orElse(0) - c.beforeMs().orElse(0)));
    }

    /** Pairs nodes with the same signature in plan order, then leftover scans of the same relation. */
    private void match() {
        pair(Comparer::signature);
        pair(n -> n.relationName().map(r -> "relation " + r).orElse(""));
    }

    private void pair(Function<PlanNode, String> key) {
        Map<String, List<PlanNode>> first = group(before, forward, key);
        Map<String, List<PlanNode>> second = group(after, backward, key);
        first.forEach((k, nodes) -> {
            List<PlanNode> partners = second.getOrDefault(k, List.of());
            for (int i = 0; i < Math.min(nodes.size(), partners.size()); i++) {
                forward.put(nodes.get(i), partners.get(i));
                backward.put(partners.get(i), nodes.get(i));
            }
        });
    }

    private static Map<String, List<PlanNode>> group(Side side, Map<PlanNode, PlanNode> matched,
                                                     Function<PlanNode, String> key) {
        Map<String, List<PlanNode>> out = new LinkedHashMap<>();
        side.analysis.plan().nodes().filter(n -> !matched.containsKey(n)).forEach(n -> {
            String k = key.apply(n);
            if (!k.isEmpty()) {
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(n);
            }
        });
        return out;
    }

    /** What a node reads or does, independent of its position and method. */
    static String signature(PlanNode n) {
        String alias = n.alias().orElse("");
        if (n.relationName().isPresent()) {
            return "scan " + n.relationName().get() + " " + alias;
        }
        if (n.cteName().isPresent() || n.functionName().isPresent()) {
            return "scan " + n.cteName().or(n::functionName).get() + " " + alias;
        }
        TreeSet<String> below = new TreeSet<>();
        Context.tableScans(n).forEach(s -> below.add(s.alias().or(s::relationName).orElse("")));
        if (Context.isJoin(n)) {
            return "join " + below;
        }
        if (!n.sortKey().isEmpty()) {
            return "sort " + n.sortKey();
        }
        if (n.nodeType().equals("Aggregate")) {
            return "aggregate " + n.groupKey() + " " + below;
        }
        return n.nodeType() + " " + n.indexName().orElse("") + " " + below;
    }

    private List<Change> changes() {
        List<Change> out = new ArrayList<>();
        forward.forEach((b, a) -> {
            if (b.relationName().isPresent() && !method(b).equals(method(a))) {
                out.add(change(ChangeKind.ACCESS_METHOD, scanName(b), method(b) + " -> " + method(a), b, a));
            } else if (Context.isJoin(b) && Context.isJoin(a) && !b.nodeType().equals(a.nodeType())) {
                out.add(change(ChangeKind.JOIN_METHOD, joined(b), b.nodeType() + " -> " + a.nodeType(), b, a));
            }
            estimate(b, a).ifPresent(out::add);
        });
        for (PlanNode b : unpaired(before, forward)) {
            if (b.relationName().isPresent()) {
                out.add(change(ChangeKind.SCAN_REMOVED, scanName(b), method(b) + " is gone", b, null));
            } else if (isSort(b)) {
                out.add(change(ChangeKind.SORT_REMOVED, sortName(b), "the sort is gone", b, null));
            }
        }
        for (PlanNode a : unpaired(after, backward)) {
            if (a.relationName().isPresent()) {
                out.add(change(ChangeKind.SCAN_ADDED, scanName(a), "now read by " + method(a), null, a));
            } else if (isSort(a)) {
                out.add(change(ChangeKind.SORT_ADDED, sortName(a), "a sort is needed", null, a));
            }
        }
        before.analysis.plan().nodes().forEach(b -> Spills.describe(b).ifPresent(spill -> {
            PlanNode a = forward.get(b);
            if (a == null || Spills.describe(a).isEmpty()) {
                out.add(change(ChangeKind.SPILL_REMOVED, nodeName(b), spill + " -> in memory", b, a));
            }
        }));
        after.analysis.plan().nodes().forEach(a -> Spills.describe(a).ifPresent(spill -> {
            PlanNode b = backward.get(a);
            if (b == null || Spills.describe(b).isEmpty()) {
                out.add(change(ChangeKind.SPILL_ADDED, nodeName(a), "in memory -> " + spill, b, a));
            }
        }));
        return out;
    }

    private Optional<Change> estimate(PlanNode b, PlanNode a) {
        boolean wasOff = before.misestimated(b);
        boolean isOff = after.misestimated(a);
        if (wasOff == isOff) {
            return Optional.empty();
        }
        String text = estimateText(before.metrics(b), b) + " -> " + estimateText(after.metrics(a), a);
        return Optional.of(change(wasOff ? ChangeKind.ESTIMATE_FIXED : ChangeKind.ESTIMATE_BROKEN, nodeName(b), text, b, a));
    }

    private static String estimateText(NodeMetrics m, PlanNode n) {
        return Fmt.count(Context.plannedRows(n)) + " planned, " + Fmt.count(Context.rows(n)) + " actual ("
                + Fmt.times(m.estimateFactor().orElse(1)) + ")";
    }

    private Change change(ChangeKind kind, String subject, String what, PlanNode b, PlanNode a) {
        OptionalDouble bm = b == null ? OptionalDouble.empty() : before.analysis.metrics().of(b).inclusiveTime();
        OptionalDouble am = a == null ? OptionalDouble.empty() : after.analysis.metrics().of(a).inclusiveTime();
        String times = bm.isPresent() || am.isPresent()
                ? " (" + (bm.isPresent() ? Fmt.ms(bm.getAsDouble()) : "-") + " -> "
                        + (am.isPresent() ? Fmt.ms(am.getAsDouble()) : "-") + ")" : "";
        return new Change(kind, subject, subject + ": " + what + times,
                Optional.ofNullable(b).map(before.paths::ref), Optional.ofNullable(a).map(after.paths::ref), bm, am);
    }

    /** Diagnoses of {@code from} that {@code to} does not have on the partner node (or the query). */
    private static List<Diagnosis> unmatched(Side from, Side to, Map<PlanNode, PlanNode> partners) {
        List<Diagnosis> out = new ArrayList<>();
        for (Diagnosis d : from.analysis.diagnoses()) {
            Optional<String> partnerPath = d.node().map(ref -> from.node(ref.path()))
                    .map(partners::get).map(to.paths::path);
            boolean kept = to.analysis.diagnoses().stream().anyMatch(o -> o.kind() == d.kind()
                    && (d.node().isEmpty() ? o.node().isEmpty()
                    : partnerPath.isPresent() && o.node().map(r -> r.path().equals(partnerPath.get())).orElse(false)));
            if (!kept) {
                out.add(d);
            }
        }
        return out;
    }

    private static List<PlanNode> unpaired(Side side, Map<PlanNode, PlanNode> matched) {
        return side.analysis.plan().nodes().filter(n -> !matched.containsKey(n)).toList();
    }

    private static boolean isSort(PlanNode n) {
        return n.nodeType().equals("Sort") || n.nodeType().equals("Incremental Sort");
    }

    private static String method(PlanNode n) {
        return Labels.type(n) + n.indexName().map(i -> " using " + i).orElse("");
    }

    private static String scanName(PlanNode n) {
        String relation = n.relationName().orElse("");
        return n.alias().filter(a -> !a.equals(relation)).map(a -> relation + " " + a).orElse(relation);
    }

    private static String joined(PlanNode n) {
        return "join of " + String.join(", ", Context.tableScans(n).stream().map(Comparer::scanName).toList());
    }

    private static String sortName(PlanNode n) {
        return "sort by " + String.join(", ", n.sortKey());
    }

    private static String nodeName(PlanNode n) {
        if (n.relationName().isPresent()) {
            return Labels.type(n) + " on " + scanName(n);
        }
        if (isSort(n)) {
            return Labels.type(n) + " by " + String.join(", ", n.sortKey());
        }
        List<String> below = Context.tableScans(n).stream().map(Comparer::scanName).toList();
        return Labels.type(n) + (below.isEmpty() ? "" : " over " + String.join(", ", below));
    }

    /** One plan with what the comparison needs of it. */
    private static final class Side {
        final Analysis analysis;
        final NodePaths paths;
        final Context ctx;
        final Map<String, PlanNode> byPath = new LinkedHashMap<>();

        Side(Analysis analysis) {
            this.analysis = analysis;
            this.paths = NodePaths.of(analysis.plan());
            this.ctx = new Context(analysis.plan(), analysis.metrics(), SchemaFacts.NONE);
            analysis.plan().nodes().forEach(n -> byPath.put(paths.path(n), n));
        }

        PlanNode node(String path) {
            return byPath.get(path);
        }

        NodeMetrics metrics(PlanNode n) {
            return analysis.metrics().of(n);
        }

        /** Off by 10x or more on enough rows, and not a node that may have stopped early. */
        boolean misestimated(PlanNode n) {
            NodeMetrics m = metrics(n);
            return m.estimateFactor().isPresent() && m.estimateFactor().getAsDouble() >= Estimates.MIN_FACTOR
                    && Math.max(Context.rows(n), Context.plannedRows(n)) >= MisestimateRule.MIN_ROWS
                    && Estimates.isOrigin(ctx, n) && (m.underestimated() || !Estimates.mayStopEarly(ctx, n));
        }
    }
}
