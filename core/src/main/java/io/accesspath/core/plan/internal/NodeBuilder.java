package io.accesspath.core.plan.internal;

import io.accesspath.core.plan.PlanNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A node of a text plan while it is read. */
final class NodeBuilder {
    final MutableFields fields;
    final int nameColumn;
    final String subplanName;
    final List<NodeBuilder> children = new ArrayList<>();
    /** Open nested groups (a worker, a target table): deeper lines go into the innermost. */
    final Deque<Group> groups = new ArrayDeque<>();
    /** "Group Key", "Hash Key" and "Sort Key" lines of an aggregate, read into "Grouping Sets" at the end. */
    final List<String[]> groupingLines = new ArrayList<>();

    /** A nested group opened by the line at {@code column}. */
    record Group(int column, MutableFields fields) {
    }

    NodeBuilder(MutableFields fields, int nameColumn, String subplanName) {
        this.fields = fields;
        this.nameColumn = nameColumn;
        this.subplanName = subplanName;
    }

    String nodeType() {
        String type = fields.text("Node Type");
        return type == null ? "" : type;
    }

    PlanNode build() {
        return new PlanNode(fields.freeze(), children.stream().map(NodeBuilder::build).toList());
    }
}
