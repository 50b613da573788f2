package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.PlanNode;

import java.util.HashSet;
import java.util.Set;

/**
 * Which column references in a node's conditions are the node's own: for a scan, unqualified
 * names and names qualified by its alias or relation; for other nodes, none.
 */
record Scope(Set<String> qualifiers, boolean unqualifiedOwn) {

    static final Scope NONE = new Scope(Set.of(), false);

    static Scope of(PlanNode node) {
        Set<String> q = new HashSet<>();
        node.alias().ifPresent(q::add);
        node.relationName().ifPresent(q::add);
        return q.isEmpty() ? NONE : new Scope(Set.copyOf(q), true);
    }

    boolean owns(Expr.Ref ref) {
        return ref.qualifier().isEmpty() ? unqualifiedOwn : qualifiers.contains(ref.qualifier());
    }
}
