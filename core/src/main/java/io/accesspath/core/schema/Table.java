package io.accesspath.core.schema;

import java.util.List;
import java.util.Optional;

public record Table(String name, List<Column> columns, Optional<PrimaryKey> primaryKey,
                   List<UniqueConstraint> uniques, List<CheckConstraint> checks, List<ForeignKey> foreignKeys,
                   List<ExclusionConstraint> exclusions, List<Index> indexes, Optional<String> comment) {

    public Table {
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
        checks = List.copyOf(checks);
        foreignKeys = List.copyOf(foreignKeys);
        exclusions = List.copyOf(exclusions);
        indexes = List.copyOf(indexes);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(name, columns, primaryKey, uniques, checks, foreignKeys, exclusions, newIndexes, comment);
    }
}
