package io.accesspath.core.plan.diagnose;

import java.util.Objects;
import java.util.Optional;

/**
 * Identifies a plan node in a way that survives re-reading the plan: its path from the root and
 * what it reads.
 *
 * @param path     child indexes from the root, dot-separated: {@code 0} is the root, {@code 0.1}
 *                 its second child (children in PostgreSQL's order: InitPlans, outer, inner,
 *                 members, SubPlans)
 * @param nodeType "Node Type" as PostgreSQL names it
 * @param relation "Relation Name" (or the CTE or function a scan reads), when the node reads one
 * @param alias    "Alias", when the node reads a relation
 * @param index    "Index Name", for index scans
 * @param heading  the node's name as the text format heads it ("Parallel Seq Scan",
 *                 "HashAggregate", "Index Scan Backward")
 */
public record NodeRef(String path, String nodeType, Optional<String> relation, Optional<String> alias,
                      Optional<String> index, String heading) {

    public NodeRef {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(nodeType, "nodeType");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(heading, "heading");
    }

    /**
     * As PostgreSQL's text format heads the node: {@code Index Scan using i on orders o},
     * {@code Bitmap Index Scan on i}.
     */
    public String label() {
        StringBuilder sb = new StringBuilder(heading);
        index.ifPresent(i -> sb.append(nodeType.equals("Bitmap Index Scan") ? " on " : " using ").append(i));
        relation.ifPresent(r -> {
            sb.append(" on ").append(r);
            alias.filter(a -> !a.equals(r)).ifPresent(a -> sb.append(' ').append(a));
        });
        return sb.toString();
    }
}
