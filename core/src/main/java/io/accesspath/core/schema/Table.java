package io.accesspath.core.schema;

import java.util.List;
import java.util.Optional;

/**
 * A table.
 *
 * @param rows    rows that belong to the schema itself (the values of a lookup table), each
 *                giving a value for every column that is neither identity nor generated, in
 *                column order; empty for ordinary tables
 * @param options storage parameters ({@code fillfactor} to {@code 90}), by name
 */
public record Table(String name, List<Column> columns, Optional<PrimaryKey> primaryKey,
                    List<UniqueConstraint> uniques, List<CheckConstraint> checks, List<ForeignKey> foreignKeys,
                    List<ExclusionConstraint> exclusions, List<Index> indexes, Optional<String> comment,
                    List<List<String>> rows, java.util.Map<String, String> options) {

    public Table {
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
        checks = List.copyOf(checks);
        foreignKeys = List.copyOf(foreignKeys);
        exclusions = List.copyOf(exclusions);
        indexes = List.copyOf(indexes);
        rows = rows.stream().map(List::copyOf).toList();
        options = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(options));
    }

    /** A table with rows of its own but default storage. */
    public Table(String name, List<Column> columns, Optional<PrimaryKey> primaryKey, List<UniqueConstraint> uniques,
                 List<CheckConstraint> checks, List<ForeignKey> foreignKeys, List<ExclusionConstraint> exclusions,
                 List<Index> indexes, Optional<String> comment, List<List<String>> rows) {
        this(name, columns, primaryKey, uniques, checks, foreignKeys, exclusions, indexes, comment, rows,
                java.util.Map.of());
    }

    /** A table without rows of its own. */
    public Table(String name, List<Column> columns, Optional<PrimaryKey> primaryKey, List<UniqueConstraint> uniques,
                 List<CheckConstraint> checks, List<ForeignKey> foreignKeys, List<ExclusionConstraint> exclusions,
                 List<Index> indexes, Optional<String> comment) {
        this(name, columns, primaryKey, uniques, checks, foreignKeys, exclusions, indexes, comment, List.of(),
                java.util.Map.of());
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(name, columns, primaryKey, uniques, checks, foreignKeys, exclusions, newIndexes, comment, rows,
                options);
    }
}
