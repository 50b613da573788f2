package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.NodeMetrics;
import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Analysis;
import io.accesspath.core.plan.diagnose.Diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The per-node lines the text and Markdown reports print: figures, slowest marks, diagnosis tags. */
final class NodeRows {
    /** How many of the slowest nodes are marked. */
    static final int SLOWEST_MARKED = 3;
    /** Share of the execution time a node must take (exclusively) to be marked slow. */
    static final double SLOWEST_MIN_SHARE = 0.10;

    /**
     * One node's line.
     *
     * @param depth    0 for the root
     * @param path     its path
     * @param label    "Seq Scan on payments", prefixed by the SubPlan/InitPlan/CTE name
     * @param metrics  its metrics
     * @param share    exclusive time over execution time
     * @param rank     1 for the slowest node, 2, 3; 0 when not marked
     * @param kinds    ids of the diagnoses about it
     */
    record Row(int depth, String path, String label, PlanNode node, NodeMetrics metrics, OptionalDouble share, int rank,
               List<String> kinds) {
    }

    private NodeRows() {
    }

    static List<Row> of(Analysis a) {
        NodePaths paths = NodePaths.of(a.plan());
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        for (Diagnosis d : a.diagnoses()) {
            d.node().ifPresent(n -> {
                List<String> k = kinds.computeIfAbsent(n.path(), x -> new ArrayList<>());
                if (!k.contains(d.kind().id())) {
                    k.add(d.kind().id());
                }
            });
        }
        OptionalDouble total = a.executionTime();
        Map<PlanNode, Integer> ranks = ranks(a, total);
        List<Row> rows = new ArrayList<>();
        visit(a, a.plan().root(), 0, paths, kinds, ranks, total, rows);
        return rows;
    }

    private static void visit(Analysis a, PlanNode node, int depth, NodePaths paths, Map<String, List<String>> kinds,
                              Map<PlanNode, Integer> ranks, OptionalDouble total, List<Row> out) {
        NodeMetrics m = a.metrics().of(node);
        String path = paths.path(node);
        String label = node.subplanName().map(s -> s + ": ").orElse("") + paths.ref(node).label();
        out.add(new Row(depth, path, label, node, m, Context.share(m.exclusiveTime(), total), ranks.getOrDefault(node, 0),
                kinds.getOrDefault(path, List.of())));
        node.children().forEach(c -> visit(a, c, depth + 1, paths, kinds, ranks, total, out));
    }

    private static Map<PlanNode, Integer> ranks(Analysis a, OptionalDouble total) {
        Map<PlanNode, Integer> ranks = new IdentityHashMap<>();
        if (total.isEmpty() || total.getAsDouble() <= 0) {
            return ranks;
        }
        List<NodeMetrics> slow = a.metrics().nodes().stream()
                .filter(m -> m.exclusiveTime().isPresent()
                        && m.exclusiveTime().getAsDouble() >= SLOWEST_MIN_SHARE * total.getAsDouble())
                .sorted(Comparator.comparingDouble((NodeMetrics m) -> -m.exclusiveTime().getAsDouble()))
                .limit(SLOWEST_MARKED).toList();
        for (int i = 0; i < slow.size(); i++) {
            ranks.put(slow.get(i).node(), i + 1);
        }
        return ranks;
    }

    /** The estimate error when it is 10x or more: "20x low" (underestimate), "139x high"; else "". */
    static String estimate(NodeMetrics m) {
        if (m.estimateFactor().isEmpty() || m.estimateFactor().getAsDouble() < Estimates.MIN_FACTOR) {
            return "";
        }
        return Fmt.times(m.estimateFactor().getAsDouble()) + (m.underestimated() ? " low" : " high");
    }
}
