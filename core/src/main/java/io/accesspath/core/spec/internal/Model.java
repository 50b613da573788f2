package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import io.accesspath.core.spec.LogicalType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the spec declares, indexed by name while it is read: entities with their tables, columns
 * (key, attributes, references) and navigations (relationships walked from one entity to
 * another). Parts that could not be read are still known by name, so that one mistake is
 * reported once rather than again at every use.
 */
final class Model {
    /** The surrogate key column every entity without a natural key gets. */
    static final String KEY_COLUMN = "id";

    enum ColumnKind { KEY, ATTRIBUTE, REFERENCE }

    /** A column of an entity; {@code type} is empty for the key, references and attributes whose type was invalid. */
    record Column(String name, ColumnKind kind, Optional<LogicalType> type, Loc loc) {
        String describe() {
            return switch (kind) {
                case KEY -> "the key column";
                case ATTRIBUTE -> "attribute";
                case REFERENCE -> "relationship reference";
            };
        }
    }

    /**
     * A relationship walked from one entity: to one row ({@code customer}) or to many
     * ({@code lines}). {@code reference} is the reference column that implements it, held by
     * the {@code holder} entity (empty for many-to-many links).
     */
    record Navigation(String name, String target, boolean toMany, Optional<String> reference, String holder,
                      Loc loc) {}

    /** An entity as known so far. {@code opaque}: its attributes could not be read, so names on it are not checked. */
    static final class EntityInfo {
        final String name;
        final boolean opaque;
        final Map<String, Column> columns = new LinkedHashMap<>();
        final Map<String, Navigation> navigations = new LinkedHashMap<>();
        boolean appendOnly;

        EntityInfo(String name, boolean opaque) {
            this.name = name;
            this.opaque = opaque;
        }

        Optional<Column> column(String columnName) {
            return Optional.ofNullable(columns.get(columnName));
        }

        Optional<Navigation> navigation(String navigationName) {
            return Optional.ofNullable(navigations.get(navigationName));
        }

        /** How a name is already used on this entity (a column or a navigation), if it is. */
        Optional<Use> useOf(String memberName) {
            Column column = columns.get(memberName);
            if (column != null) {
                Optional<Loc> written = column.kind() == ColumnKind.KEY ? Optional.empty() : Optional.of(column.loc());
                return Optional.of(new Use(column.describe() + " '" + memberName + "'", written));
            }
            return Optional.ofNullable(navigations.get(memberName))
                    .map(n -> new Use("relationship '" + memberName + "'", Optional.of(n.loc())));
        }
    }

    /** A name's existing use: what it names, and where that is written (not for the implicit key column). */
    record Use(String what, Optional<Loc> loc) {
        /** A hint for a clash with this use: where the other one is, then {@code advice}. */
        String hint(String advice) {
            return loc.map(l -> "the " + what.substring(0, what.indexOf(" '")) + " is at " + l + "; " + advice)
                    .orElse(advice);
        }
    }

    private final Map<String, EntityInfo> entities = new LinkedHashMap<>();
    private final Map<String, String> tables = new LinkedHashMap<>();

    EntityInfo addEntity(String name, boolean opaque) {
        return entities.computeIfAbsent(name, n -> new EntityInfo(n, opaque));
    }

    Optional<EntityInfo> entity(String name) {
        return Optional.ofNullable(entities.get(name));
    }

    List<String> entityNames() {
        return List.copyOf(entities.keySet());
    }

    /** Claims a table name for {@code owner}; returns the previous owner if it was taken. */
    Optional<String> claimTable(String table, String owner) {
        return Optional.ofNullable(tables.putIfAbsent(table, owner));
    }

    /** The entity stored in {@code table} (its table name or its own name). */
    Optional<String> entityOfTable(String table) {
        if (entities.containsKey(table)) {
            return Optional.of(table);
        }
        return Optional.ofNullable(tables.get(table)).filter(entities::containsKey);
    }

    List<String> tableNames() {
        return List.copyOf(tables.keySet());
    }

    /** Names a column of {@code entity} could be referred to by: its columns. */
    static List<String> columnNames(EntityInfo entity) {
        return new ArrayList<>(entity.columns.keySet());
    }
}
