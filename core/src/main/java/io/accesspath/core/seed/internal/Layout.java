package io.accesspath.core.seed.internal;

import io.accesspath.core.spec.Relationship;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a table's rows are arranged and how its unique rules are kept: the grouping relationship
 * (each parent's rows contiguous), the attributes made unique across the table or within the
 * group, and the references drawn without repeats within the group.
 */
final class Layout {
    final Optional<Relationship> grouping;
    final Map<String, AttributeGen.Unique> uniqueAttributes = new HashMap<>();
    final Set<String> distinctReferences = new HashSet<>();
    /** The grouping must give each parent at most one row (a one-to-one, or a unique reference). */
    boolean oneToOne;

    Layout(Optional<Relationship> grouping) {
        this.grouping = grouping;
    }

    /** Records that {@code attribute} must be unique {@code where}; across the table wins over within a group. */
    void unique(String attribute, AttributeGen.Unique where) {
        uniqueAttributes.merge(attribute, where,
                (a, b) -> a == AttributeGen.Unique.TABLE || b == AttributeGen.Unique.TABLE ? AttributeGen.Unique.TABLE : a);
    }

    AttributeGen.Unique uniqueOf(String attribute) {
        return uniqueAttributes.getOrDefault(attribute, AttributeGen.Unique.NONE);
    }
}
