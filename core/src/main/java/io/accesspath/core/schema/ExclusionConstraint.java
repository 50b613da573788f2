package io.accesspath.core.schema;

import java.util.List;

/** An EXCLUDE constraint (no two rows whose elements all match under their operators). */
public record ExclusionConstraint(String name, String method, List<Element> elements) {
    public ExclusionConstraint {
        elements = List.copyOf(elements);
    }

    public record Element(String column, String operator) {}
}
