package io.accesspath.core.schema;

import java.util.List;
import java.util.Optional;

/**
 * What the database holds: the same model comes out of the designer and out of catalog
 * introspection, so designs, DDL files and live databases can be compared.
 *
 * @param extensions extensions the schema needs (btree_gist, ...)
 * @param tables     in dependency order (referenced tables first) where the designer made them
 */
public record Schema(List<String> extensions, List<EnumType> enumTypes, List<Table> tables) {
    public Schema {
        extensions = List.copyOf(extensions);
        enumTypes = List.copyOf(enumTypes);
        tables = List.copyOf(tables);
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public List<Index> allIndexes() {
        return tables.stream().flatMap(t -> t.indexes().stream()).toList();
    }
}
