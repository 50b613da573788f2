package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.NodeRef;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/** The path ({@code 0.1.0}) and parent of every node of a plan. */
public final class NodePaths {
    private final Map<PlanNode, String> paths = new IdentityHashMap<>();
    private final Map<PlanNode, PlanNode> parents = new IdentityHashMap<>();

    private NodePaths() {
    }

    public static NodePaths of(Plan plan) {
        NodePaths p = new NodePaths();
        p.visit(plan.root(), "0");
        return p;
    }

    private void visit(PlanNode node, String path) {
        paths.put(node, path);
        for (int i = 0; i < node.children().size(); i++) {
            PlanNode child = node.children().get(i);
            parents.put(child, node);
            visit(child, path + "." + i);
        }
    }

    public String path(PlanNode node) {
        return paths.get(node);
    }

    public Optional<PlanNode> parent(PlanNode node) {
        return Optional.ofNullable(parents.get(node));
    }

    /** The node's path, type, relation (or CTE or function), alias and index. */
    public NodeRef ref(PlanNode node) {
        return new NodeRef(path(node), node.nodeType(), node.relationName().or(node::cteName).or(node::functionName),
                node.alias(), node.indexName(), Labels.type(node));
    }
}
