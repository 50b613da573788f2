package io.accesspath.postgres;

import io.accesspath.core.schema.CheckConstraint;
import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.ExclusionConstraint;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Index;
import io.accesspath.core.schema.PrimaryKey;
import io.accesspath.core.schema.Table;
import io.accesspath.core.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Builds test tables without a wall of constructor arguments. */
final class TableBuilder {
    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private Optional<PrimaryKey> primaryKey = Optional.empty();
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<ExclusionConstraint> exclusions = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private Optional<String> comment = Optional.empty();

    private TableBuilder(String name) {
        this.name = name;
    }

    static TableBuilder table(String name) {
        return new TableBuilder(name);
    }

    TableBuilder column(Column column) {
        columns.add(column);
        return this;
    }

    TableBuilder column(String columnName, String type, boolean nullable) {
        return column(Column.of(columnName, type, nullable));
    }

    TableBuilder primaryKey(String constraintName, String... cols) {
        primaryKey = Optional.of(new PrimaryKey(constraintName, List.of(cols)));
        return this;
    }

    TableBuilder unique(String constraintName, boolean nullsNotDistinct, String... cols) {
        uniques.add(new UniqueConstraint(constraintName, List.of(cols), nullsNotDistinct));
        return this;
    }

    TableBuilder check(String constraintName, String expression) {
        checks.add(new CheckConstraint(constraintName, expression));
        return this;
    }

    TableBuilder foreignKey(ForeignKey fk) {
        foreignKeys.add(fk);
        return this;
    }

    TableBuilder exclusion(String constraintName, String method, ExclusionConstraint.Element... elements) {
        exclusions.add(new ExclusionConstraint(constraintName, method, Arrays.asList(elements)));
        return this;
    }

    TableBuilder index(String indexName, Index.Method method, List<Index.Key> keys, List<String> include,
                       Optional<String> predicate, boolean unique) {
        indexes.add(new Index(indexName, name, method, keys, include, predicate, unique));
        return this;
    }

    TableBuilder index(String indexName, Index.Method method, Index.Key... keys) {
        return index(indexName, method, List.of(keys), List.of(), Optional.empty(), false);
    }

    TableBuilder comment(String text) {
        comment = Optional.of(text);
        return this;
    }

    Table build() {
        return new Table(name, columns, primaryKey, uniques, checks, foreignKeys, exclusions, indexes, comment);
    }

    static Column identity(String name, String type, Column.Identity identity) {
        return new Column(name, type, false, Optional.empty(), Optional.of(identity), Optional.empty(), Optional.empty());
    }

    static Column generated(String name, String type, String expression) {
        return new Column(name, type, true, Optional.empty(), Optional.empty(), Optional.of(expression), Optional.empty());
    }

    static Index.Key expression(String sql) {
        return new Index.Key(sql, true, false, Optional.empty());
    }

    static ForeignKey fk(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                         ForeignKey.Action onDelete, ForeignKey.Action onUpdate) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, List.of());
    }
}
