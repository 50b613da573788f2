package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.NodeMetrics;
import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanMetrics;
import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Effect;
import io.accesspath.core.plan.diagnose.Evidence;
import io.accesspath.core.plan.diagnose.Fix;
import io.accesspath.core.plan.diagnose.Kind;
import io.accesspath.core.plan.diagnose.SchemaFacts;
import io.accesspath.core.plan.diagnose.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/** What the rules see of one plan: the tree, its metrics, node paths and the schema facts. */
final class Context {
    private final Plan plan;
    private final PlanMetrics metrics;
    private final SchemaFacts facts;
    private final NodePaths paths;

    Context(Plan plan, PlanMetrics metrics, SchemaFacts facts) {
        this.plan = plan;
        this.metrics = metrics;
        this.facts = facts;
        this.paths = NodePaths.of(plan);
    }

    Plan plan() {
        return plan;
    }

    SchemaFacts facts() {
        return facts;
    }

    Stream<PlanNode> nodes() {
        return plan.nodes();
    }

    NodeMetrics metrics(PlanNode node) {
        return metrics.of(node);
    }

    Optional<PlanNode> parent(PlanNode node) {
        return paths.parent(node);
    }

    /** The node's plan children: its inputs, without the InitPlans and SubPlans it runs. */
    static List<PlanNode> inputs(PlanNode node) {
        return node.children().stream().filter(c -> !isSubplan(c)).toList();
    }

    /** The node's outer input, if it has one. */
    static Optional<PlanNode> outer(PlanNode node) {
        return node.children().stream().filter(c -> c.parentRelationship().orElse("").equals("Outer")).findFirst();
    }

    static boolean isSubplan(PlanNode node) {
        String r = node.parentRelationship().orElse("");
        return r.equals("InitPlan") || r.equals("SubPlan");
    }

    static boolean isJoin(PlanNode node) {
        String t = node.nodeType();
        return t.equals("Nested Loop") || t.equals("Hash Join") || t.equals("Merge Join");
    }

    /** Actual rows over all loops; 0 when the plan was not run. */
    static double rows(PlanNode node) {
        return node.actualRows().orElse(0) * node.actualLoops().orElse(0);
    }

    /** Planned rows over all loops (taken as one loop when the plan was not run). */
    static double plannedRows(PlanNode node) {
        return node.planRows().orElse(0) * Math.max(1, node.actualLoops().orElse(1));
    }

    /** A per-loop field over all loops (removed-row counts). */
    static double total(PlanNode node, OptionalDouble perLoop) {
        return perLoop.orElse(0) * node.actualLoops().orElse(0);
    }

    OptionalDouble inclusive(PlanNode node) {
        return metrics.of(node).inclusiveTime();
    }

    OptionalDouble exclusive(PlanNode node) {
        return metrics.of(node).exclusiveTime();
    }

    /** Shared blocks the node itself touched, when BUFFERS was on. */
    OptionalDouble ownBlocks(PlanNode node) {
        return metrics.of(node).exclusiveBuffers().map(b -> OptionalDouble.of(b.sharedTotal()))
                .orElse(OptionalDouble.empty());
    }

    /** Temporary-file blocks the node itself read and wrote. */
    long ownTempBlocks(PlanNode node) {
        return metrics.of(node).exclusiveBuffers().map(b -> b.tempTotal()).orElse(0L);
    }

    /** The execution time: "Execution Time", else the root's time. */
    OptionalDouble queryTime() {
        OptionalDouble exec = plan.executionTime();
        return exec.isPresent() ? exec : inclusive(plan.root());
    }

    /** The node's table, quoted for SQL and schema-qualified when the plan names the schema. */
    static String table(PlanNode node) {
        return Sql.table(node.schema(), node.relationName().orElse(""));
    }

    /** Scans of tables in the node's subtree (not in its InitPlans or SubPlans), in plan order. */
    static List<PlanNode> tableScans(PlanNode node) {
        List<PlanNode> out = new ArrayList<>();
        collectScans(node, out);
        return out;
    }

    private static void collectScans(PlanNode node, List<PlanNode> out) {
        if (node.relationName().isPresent()) {
            out.add(node);
        }
        inputs(node).forEach(c -> collectScans(c, out));
    }

    /** Alias (or relation name) to relation name, for the scans in the node's subtree. */
    static Map<String, PlanNode> scansByQualifier(PlanNode node) {
        Map<String, PlanNode> out = new LinkedHashMap<>();
        for (PlanNode scan : tableScans(node)) {
            out.putIfAbsent(scan.alias().orElse(scan.relationName().orElse("")), scan);
        }
        return out;
    }

    static Evidence.Fact fact(String name, double value, String unit) {
        return new Evidence.Fact(name, value, unit);
    }

    /** A diagnosis whose time is counted against the execution time, with the severity that share gives. */
    Diagnosis diagnosis(Kind kind, Optional<PlanNode> node, Evidence evidence, String cause, List<Fix> fixes,
                        Gain gain) {
        OptionalDouble share = share(gain.timeMs(), queryTime());
        return diagnosis(kind, Severity.ofShare(share), node, evidence, cause, fixes, gain, share, "the execution time");
    }

    /** A diagnosis with an explicit severity and share (query-level rules). */
    Diagnosis diagnosis(Kind kind, Severity severity, Optional<PlanNode> node, Evidence evidence, String cause,
                        List<Fix> fixes, Gain gain, OptionalDouble share, String of) {
        String summary = gain.summary();
        if (gain.timeMs().isPresent()) {
            summary += " It accounts for " + Fmt.ms(gain.timeMs().getAsDouble())
                    + (share.isPresent() ? " (" + Fmt.pct(share.getAsDouble()) + " of " + of + ")." : ".");
        }
        Effect effect = new Effect(gain.timeMs(), share, gain.rowsAvoided(), summary);
        return new Diagnosis(kind, severity, node.map(paths::ref), evidence, cause, fixes, effect);
    }

    static OptionalDouble share(OptionalDouble part, OptionalDouble whole) {
        if (part.isEmpty() || whole.isEmpty() || whole.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(1, part.getAsDouble() / whole.getAsDouble()));
    }

    /**
     * What fixing a problem gains: the time it accounts for, the rows it avoids and a sentence
     * saying so (without the time, which {@link #diagnosis} adds).
     */
    record Gain(OptionalDouble timeMs, OptionalDouble rowsAvoided, String summary) {
        static Gain of(OptionalDouble timeMs, String summary) {
            return new Gain(timeMs, OptionalDouble.empty(), summary);
        }

        static Gain of(OptionalDouble timeMs, double rowsAvoided, String summary) {
            return new Gain(timeMs, OptionalDouble.of(rowsAvoided), summary);
        }
    }
}
