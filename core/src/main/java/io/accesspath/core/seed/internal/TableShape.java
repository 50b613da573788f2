package io.accesspath.core.seed.internal;

import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.Table;
import io.accesspath.core.spec.Attribute;
import io.accesspath.core.spec.Entity;
import io.accesspath.core.spec.KeyStrategy;
import io.accesspath.core.spec.Relationship;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each column of a designed table stands for: the key, the tenant, a reference (or an end
 * of a link), an attribute. Found by the designer's naming rules ({@code <as>_id}, or
 * {@code <as>_<key column>} for composite keys) and checked against the schema, so a change in
 * the designer that the seed does not follow fails loudly.
 */
final class TableShape {
    /** A column's role. */
    sealed interface Role {}

    /** The surrogate key ({@code id}). */
    record Key() implements Role {}

    /** The tenant column of a tenant-scoped table. */
    record Tenant() implements Role {}

    /** Column {@code index} of the reference of relationship {@code relationship}. */
    record Reference(Relationship relationship, int index) implements Role {}

    /** Column {@code index} of the left end ({@code left}) or right end of a many-to-many link. */
    record LinkEnd(boolean left, int index) implements Role {}

    /** An attribute (of the entity, or of the link). */
    record Value(Attribute attribute) implements Role {}

    final Table table;
    final Optional<Entity> entity;
    final Optional<Relationship> junction;
    /** Column name to role, for the columns the seed writes (generated columns are left out). */
    final Map<String, Role> roles = new LinkedHashMap<>();
    /** Reference name (relationship {@code as}) to its columns. */
    final Map<String, List<String>> referenceColumns = new LinkedHashMap<>();
    Optional<Relationship> tenantRelationship = Optional.empty();
    Optional<String> tenantColumn = Optional.empty();

    TableShape(Table table, Optional<Entity> entity, Optional<Relationship> junction) {
        this.table = table;
        this.entity = entity;
        this.junction = junction;
    }

    /** The columns the seed writes, in table order. */
    List<Column> writtenColumns() {
        return table.columns().stream().filter(c -> roles.containsKey(c.name())).toList();
    }

    /** The primary key's columns minus the tenant column: what a reference to this table carries. */
    List<String> referencedKey() {
        List<String> key = new ArrayList<>(table.primaryKey().map(pk -> pk.columns()).orElse(List.of()));
        tenantColumn.ifPresent(key::remove);
        return key;
    }

    /** The columns a reference named {@code prefix} to {@code parent} uses on the referencing table. */
    static List<String> referenceColumns(String prefix, TableShape parent) {
        List<String> key = parent.referencedKey();
        List<String> out = new ArrayList<>();
        for (String k : key) {
            out.add(key.size() == 1 && k.equals("id") ? prefix + "_id" : prefix + "_" + k);
        }
        return out;
    }

    boolean hasSurrogateKey() {
        return entity.map(e -> !(e.key() instanceof KeyStrategy.Natural)).orElse(false);
    }

    /** Assigns a role to a column, which must exist. */
    void put(String column, Role role) {
        if (table.column(column).isEmpty()) {
            throw new IllegalStateException("the seed expects column " + table.name() + "." + column
                    + " but the design has " + table.columns().stream().map(Column::name).toList());
        }
        if (table.column(column).get().generated().isEmpty()) {
            roles.put(column, role);
        }
    }
}
