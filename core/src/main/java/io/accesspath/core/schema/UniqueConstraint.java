package io.accesspath.core.schema;

import java.util.List;

/** A UNIQUE constraint; {@code nullsNotDistinct} is PostgreSQL 15's NULLS NOT DISTINCT. */
public record UniqueConstraint(String name, List<String> columns, boolean nullsNotDistinct) {
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }
}
