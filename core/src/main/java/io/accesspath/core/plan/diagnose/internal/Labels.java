package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.PlanNode;

/** How nodes are named for people, as PostgreSQL's text format names them. */
public final class Labels {
    private Labels() {
    }

    /**
     * The node type as the text format heads it: "Parallel Seq Scan", "Index Scan Backward",
     * "HashAggregate", "Finalize GroupAggregate".
     */
    public static String type(PlanNode node) {
        String type = node.nodeType();
        if (type.equals("Aggregate")) {
            type = switch (node.strategy().orElse("Plain")) {
                case "Hashed" -> "HashAggregate";
                case "Sorted" -> "GroupAggregate";
                case "Mixed" -> "MixedAggregate";
                default -> "Aggregate";
            };
            String mode = node.partialMode().orElse("Simple");
            if (!mode.equals("Simple")) {
                type = mode + " " + type;
            }
        }
        if (node.fields().text("Scan Direction").orElse("").equals("Backward")) {
            type += " Backward";
        }
        return node.parallelAware() ? "Parallel " + type : type;
    }
}
