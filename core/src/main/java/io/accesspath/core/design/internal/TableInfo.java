package io.accesspath.core.design.internal;

import io.accesspath.core.schema.CheckConstraint;
import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.ExclusionConstraint;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Index;
import io.accesspath.core.schema.PrimaryKey;
import io.accesspath.core.schema.Table;
import io.accesspath.core.schema.UniqueConstraint;
import io.accesspath.core.spec.Entity;
import io.accesspath.core.spec.LogicalType;
import io.accesspath.core.spec.Relationship;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A table being designed: its columns and constraints, plus what the index planner needs to
 * know about them (which spec names map to which columns, logical types, widths, rows).
 */
public final class TableInfo {
    public final String name;
    public final Optional<Entity> entity;
    public final Optional<Relationship> junctionOf;
    public final List<Column> columns = new ArrayList<>();
    public Optional<PrimaryKey> primaryKey = Optional.empty();
    public final List<UniqueConstraint> uniques = new ArrayList<>();
    public final List<CheckConstraint> checks = new ArrayList<>();
    public final List<ForeignKey> foreignKeys = new ArrayList<>();
    public final List<ExclusionConstraint> exclusions = new ArrayList<>();
    /** Unique indexes on expressions (lower(email)): constraints that must be indexes. */
    public final List<Index> uniqueIndexes = new ArrayList<>();
    public final List<Index> indexes = new ArrayList<>();
    /** Spec name (attribute, reference, key) to the columns that hold it. */
    public final Map<String, List<String>> columnsOf = new LinkedHashMap<>();
    /** Column to the logical type it holds (absent for reference and generated columns). */
    public final Map<String, LogicalType> logicalTypes = new LinkedHashMap<>();
    public final Map<String, Integer> widths = new LinkedHashMap<>();
    /** Reference name to the relationship that defines it. */
    public final Map<String, Relationship> references = new LinkedHashMap<>();
    /** Columns compared case-insensitively (emails). */
    public final Set<String> caseInsensitive = new LinkedHashSet<>();
    public Optional<String> tenantColumn = Optional.empty();
    /** The generated full-text document column, if the entity has searchable text. */
    public Optional<String> searchColumn = Optional.empty();
    public List<String> keyColumns = List.of();
    public long rows;
    public String comment = "";
    /** Rows that belong to the schema (lookup-table values). */
    public final List<List<String>> fixedRows = new ArrayList<>();
    /** Storage parameters (fillfactor). */
    public final java.util.Map<String, String> options = new java.util.TreeMap<>();

    public TableInfo(String name, Optional<Entity> entity, Optional<Relationship> junctionOf) {
        this.name = name;
        this.entity = entity;
        this.junctionOf = junctionOf;
    }

    public boolean isTenantScoped() {
        return tenantColumn.isPresent();
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public int width(String column) {
        return widths.getOrDefault(column, 8);
    }

    /** Average heap row width: tuple header plus columns, plus the line pointer. */
    public int rowWidth() {
        int w = 24;
        for (Column c : columns) {
            w += width(c.name());
        }
        return w + 4;
    }

    /** Whether the columns, in any order, are all unique together (key or unique constraint). */
    public boolean isUnique(List<String> cols) {
        Set<String> set = new LinkedHashSet<>(cols);
        if (primaryKey.isPresent() && set.containsAll(primaryKey.get().columns())) {
            return true;
        }
        for (UniqueConstraint u : uniques) {
            if (set.containsAll(u.columns())) {
                return true;
            }
        }
        return false;
    }

    public Table toTable(List<Index> finalIndexes) {
        List<Index> all = new ArrayList<>(uniqueIndexes);
        all.addAll(finalIndexes);
        return new Table(name, columns, primaryKey, uniques, checks, foreignKeys, exclusions, all,
                comment.isEmpty() ? Optional.empty() : Optional.of(comment), fixedRows, options);
    }
}
