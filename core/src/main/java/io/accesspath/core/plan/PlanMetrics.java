package io.accesspath.core.plan;

import io.accesspath.core.plan.internal.Attribution;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@link NodeMetrics} for every node of a plan.
 *
 * <p>Rules for exclusive time and buffers. A node's figures include those of everything it ran:
 * <ul>
 *   <li>its plan children (outer, inner, members, subquery) and its SubPlans, which run while
 *       the node evaluates its expressions: subtracted from the node;</li>
 *   <li>an InitPlan runs once, when its value is first needed: it is subtracted from the first
 *       node (the node it is attached to, then its descendants in plan order) whose conditions
 *       or output refer to it ({@code $0} up to PostgreSQL 16, {@code (InitPlan 1).col1} from
 *       17), else from the node it is attached to;</li>
 *   <li>a CTE runs as its CTE Scans read it: it is subtracted from the CTE Scans of that name
 *       below the node it is attached to, shared in proportion to the rows each read (all of
 *       it when there is one), else from the node it is attached to.</li>
 * </ul>
 * Under Gather and Gather Merge, per-loop times are per process and "Actual Loops" counts the
 * loops of all processes; a node's time over all loops is divided by the number of processes
 * that ran the Gather's child (that child's loops over the Gather's), to give wall-clock time
 * comparable with the Gather's. Buffer counters already add up all processes and are not
 * divided. Results below zero, which rounding and timer overhead can give, are raised to zero.
 */
public final class PlanMetrics {
    private final List<NodeMetrics> nodes;
    private final Map<PlanNode, NodeMetrics> byNode;

    private PlanMetrics(List<NodeMetrics> nodes, Map<PlanNode, NodeMetrics> byNode) {
        this.nodes = List.copyOf(nodes);
        this.byNode = byNode;
    }

    public static PlanMetrics of(Plan plan) {
        Attribution attribution = Attribution.of(plan);
        Map<PlanNode, NodeMetrics> byNode = new IdentityHashMap<>();
        List<NodeMetrics> ordered = new ArrayList<>();
        plan.nodes().forEach(node -> {
            NodeMetrics m = metrics(node, attribution);
            byNode.put(node, m);
            ordered.add(m);
        });
        return new PlanMetrics(ordered, byNode);
    }

    /** Metrics of every node, depth first from the root. */
    public List<NodeMetrics> nodes() {
        return nodes;
    }

    /** The metrics of {@code node}, which must be a node of this plan (compared by identity). */
    public NodeMetrics of(PlanNode node) {
        NodeMetrics m = byNode.get(node);
        if (m == null) {
            throw new NoSuchElementException("not a node of this plan: " + node.nodeType());
        }
        return m;
    }

    private static NodeMetrics metrics(PlanNode node, Attribution attribution) {
        OptionalDouble inclusive = attribution.wallTime(node);
        OptionalDouble exclusive = OptionalDouble.empty();
        if (inclusive.isPresent()) {
            double own = inclusive.getAsDouble();
            for (Attribution.Charge c : attribution.charges(node)) {
                own -= c.share() * attribution.wallTime(c.node()).orElse(0);
            }
            exclusive = OptionalDouble.of(Math.max(0, own));
        }
        double loops = node.actualLoops().orElse(0);
        OptionalDouble factor = OptionalDouble.empty();
        boolean under = false;
        if (loops > 0 && node.planRows().isPresent() && node.actualRows().isPresent()) {
            double actual = Math.max(1, node.actualRows().getAsDouble() * loops);
            double planned = Math.max(1, node.planRows().getAsDouble() * loops);
            factor = OptionalDouble.of(Math.max(actual / planned, planned / actual));
            under = actual > planned;
        }
        OptionalDouble removed = OptionalDouble.empty();
        OptionalDouble share = OptionalDouble.empty();
        List<String> removedFields = List.of("Rows Removed by Filter", "Rows Removed by Join Filter",
                "Rows Removed by Index Recheck", "Rows Removed by Conflict Filter");
        if (loops > 0 && removedFields.stream().anyMatch(node.fields()::has)) {
            double perLoop = removedFields.stream().mapToDouble(k -> node.fields().decimal(k).orElse(0)).sum();
            double total = perLoop * loops;
            double read = total + node.actualRows().orElse(0) * loops;
            removed = OptionalDouble.of(total);
            share = read > 0 ? OptionalDouble.of(total / read) : OptionalDouble.of(0);
        }
        return new NodeMetrics(node, inclusive, exclusive, factor, under, removed, share,
                exclusiveBuffers(node, attribution), node.heapFetches());
    }

    private static Optional<Buffers> exclusiveBuffers(PlanNode node, Attribution attribution) {
        Optional<Buffers> own = node.buffers();
        if (own.isEmpty()) {
            return own;
        }
        double[] counts = counts(own.get());
        for (Attribution.Charge c : attribution.charges(node)) {
            double[] charged = counts(c.node().buffers().orElse(Buffers.ZERO));
            for (int i = 0; i < counts.length; i++) {
                counts[i] -= c.share() * charged[i];
            }
        }
        long[] r = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            r[i] = Math.max(0, Math.round(counts[i]));
        }
        return Optional.of(new Buffers(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9]));
    }

    private static double[] counts(Buffers b) {
        return new double[] {b.sharedHit(), b.sharedRead(), b.sharedDirtied(), b.sharedWritten(), b.localHit(),
            b.localRead(), b.localDirtied(), b.localWritten(), b.tempRead(), b.tempWritten()};
    }
}
