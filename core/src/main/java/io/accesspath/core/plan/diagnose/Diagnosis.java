package io.accesspath.core.plan.diagnose;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a plan, with the evidence for it, its cause, how to fix it and what the
 * fix is expected to gain.
 *
 * @param kind     what sort of problem
 * @param severity how much it matters, from the share of the query's time it accounts for
 * @param node     the node it is about; empty for query-level problems (JIT, planning)
 * @param evidence the plan figures that triggered it
 * @param cause    why it happens, in one or two sentences
 * @param fixes    ways to fix it, the preferred one first
 * @param effect   what fixing it is expected to gain
 */
public record Diagnosis(Kind kind, Severity severity, Optional<NodeRef> node, Evidence evidence, String cause,
                        List<Fix> fixes, Effect effect) {

    public Diagnosis {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(cause, "cause");
        fixes = List.copyOf(fixes);
        Objects.requireNonNull(effect, "effect");
    }

    /** "Seq Scan on orders" for node diagnoses, "query" for query-level ones. */
    public String subject() {
        return node.map(NodeRef::label).orElse("query");
    }
}
