package io.accesspath.core.plan.internal;

import io.accesspath.core.plan.PlanValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Completes a text plan with what its layout implies, so that it gives the fields FORMAT JSON
 * prints: each node's "Parent Relationship" and "Subplan Name"; "Grouping Sets"; and the values
 * text EXPLAIN leaves out because they are zero or false (JSON prints them all): removed-row
 * counts of a qualified node, heap blocks, "Single Copy", "Subplans Removed", "Planned
 * Partitions", the buffer and WAL counters of nodes that touched none when the plan shows them
 * elsewhere, empty "Workers" of nodes run by parallel workers, "Triggers" and "Planning".
 * Fields whose presence depends on the server version ("Disabled", "Index Searches") or that
 * the text never shows ("Inner Unique" without VERBOSE) are not invented.
 */
final class TextDefaults {
    private static final PlanValue ZERO = PlanValue.number(0);
    private static final PlanValue ZERO_MS = PlanValue.number("0.000");
    private static final List<String> AFTER_BUFFERS = List.of("I/O Read Time", "Shared I/O Read Time",
            "Local I/O Read Time", "Temp I/O Read Time", "WAL Records", "Workers", "Subplans Removed");

    private final boolean analyzed;
    private final boolean timed;
    private final boolean buffers;
    private final boolean wal;

    private TextDefaults(boolean analyzed, boolean timed, boolean buffers, boolean wal) {
        this.analyzed = analyzed;
        this.timed = timed;
        this.buffers = buffers;
        this.wal = wal;
    }

    static void apply(NodeBuilder root, MutableFields top, boolean analyzed, boolean timed, DetailLines details) {
        TextDefaults d = new TextDefaults(analyzed, timed, details.buffersSeen, details.walSeen);
        d.node(root, null, false);
        if (d.buffers) {
            MutableFields planning = new MutableFields();
            if (top.get("Planning") instanceof MutableFields existing) {
                planning = existing;
            } else {
                top.putBefore("Planning", planning, "Planning Time", "Triggers", "JIT", "Serialization", "Execution Time");
            }
            for (Map.Entry<String, PlanValue> zero : DetailLines.zeroBuffers().entrySet()) {
                planning.putBefore(zero.getKey(), zero.getValue(), "Memory Used");
            }
        }
        if (analyzed) {
            top.putBefore("Triggers", new ArrayList<>(), "JIT", "Serialization", "Execution Time");
        }
    }

    private void node(NodeBuilder node, String relationship, boolean parallel) {
        MutableFields f = node.fields;
        if (relationship != null) {
            f.putAfter("Parent Relationship", PlanValue.text(relationship), "Node Type", "Strategy", "Partial Mode",
                    "Operation");
        }
        if (node.subplanName != null) {
            f.putAfter("Subplan Name", PlanValue.text(node.subplanName), "Parent Relationship");
        }
        GroupingSets.apply(node);
        if (f.has("Actual Loops") && ZERO.equals(f.get("Actual Loops")) && timed) {
            f.putBefore("Actual Startup Time", ZERO_MS, "Actual Rows");
            f.putBefore("Actual Total Time", ZERO_MS, "Actual Rows");
        }
        String type = node.nodeType();
        if (type.equals("Aggregate") && f.has("Startup Cost")
                && (PlanValue.text("Hashed").equals(f.get("Strategy")) || PlanValue.text("Mixed").equals(f.get("Strategy")))) {
            f.putAfter("Planned Partitions", ZERO, "Group Key", "Grouping Sets", "Filter");
        }
        if (analyzed) {
            removedRows(f, type);
        }
        if (type.equals("Gather")) {
            f.putAfter("Single Copy", PlanValue.bool(false), "Workers Planned", "Workers Launched");
        }
        if (type.equals("Append") || type.equals("Merge Append")) {
            f.putAfter("Subplans Removed", ZERO);
        }
        if (analyzed) {
            counters(node, parallel);
        }
        boolean childrenParallel = parallel || ((type.equals("Gather") || type.equals("Gather Merge"))
                && f.get("Workers Launched") instanceof PlanValue.NumberValue n && n.value().signum() > 0);
        int plain = 0;
        long unnamed = node.children.stream().filter(c -> c.subplanName == null).count();
        for (NodeBuilder child : node.children) {
            String rel;
            if (child.subplanName != null) {
                rel = child.subplanName.startsWith("SubPlan") ? "SubPlan" : "InitPlan";
            } else {
                rel = memberRelationship(type, plain++, unnamed);
            }
            node(child, rel, childrenParallel);
        }
    }

    private static String memberRelationship(String parentType, int index, long count) {
        return switch (parentType) {
            case "Append", "Merge Append", "BitmapAnd", "BitmapOr" -> "Member";
            case "Subquery Scan" -> "Subquery";
            case "Custom Scan" -> count == 1 ? "child" : "children";
            default -> index == 0 ? "Outer" : "Inner";
        };
    }

    private static void removedRows(MutableFields f, String type) {
        if ((type.equals("Index Scan") || type.equals("Index Only Scan")) && f.has("Index Cond")) {
            f.putAfter("Rows Removed by Index Recheck", ZERO, "Index Cond");
        }
        if (type.equals("Bitmap Heap Scan") && f.has("Recheck Cond")) {
            f.putAfter("Rows Removed by Index Recheck", ZERO, "Recheck Cond");
        }
        if (f.has("Join Filter")) {
            f.putAfter("Rows Removed by Join Filter", ZERO, "Join Filter");
        }
        if (f.has("Conflict Filter")) {
            f.putAfter("Rows Removed by Conflict Filter", ZERO, "Conflict Filter");
        }
        if (f.has("Filter")) {
            f.putAfter("Rows Removed by Filter", ZERO, "Filter", "Planned Partitions", "HashAgg Batches",
                    "Peak Memory Usage", "Disk Usage");
        }
        if (type.equals("Bitmap Heap Scan")) {
            f.putAfter("Exact Heap Blocks", ZERO, "Recheck Cond", "Rows Removed by Index Recheck", "Filter",
                    "Rows Removed by Filter");
            f.putAfter("Lossy Heap Blocks", ZERO, "Exact Heap Blocks");
        }
    }

    private void counters(NodeBuilder node, boolean parallel) {
        MutableFields f = node.fields;
        String[] successors = AFTER_BUFFERS.toArray(String[]::new);
        if (buffers && !f.has("Shared Hit Blocks")) {
            DetailLines.zeroBuffers().forEach((k, v) -> f.putBefore(k, v, successors));
        }
        if (wal && !f.has("WAL Records")) {
            DetailLines.walKeys().forEach(k -> f.putBefore(k, ZERO, "Workers", "Subplans Removed"));
        }
        if (f.get("Workers") instanceof List<?> workers) {
            for (Object w : workers) {
                MutableFields worker = (MutableFields) w;
                if (buffers && worker.has("Actual Loops") && !worker.has("Shared Hit Blocks")) {
                    DetailLines.zeroBuffers().forEach((k, v) -> worker.putBefore(k, v, "WAL Records"));
                }
            }
        } else if (parallel) {
            f.putBefore("Workers", new ArrayList<>(), "Subplans Removed");
        }
    }
}
