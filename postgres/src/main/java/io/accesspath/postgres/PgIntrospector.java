package io.accesspath.postgres;

import io.accesspath.core.error.Loc;
import io.accesspath.core.error.UserError;
import io.accesspath.core.schema.CheckConstraint;
import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.EnumType;
import io.accesspath.core.schema.ExclusionConstraint;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Index;
import io.accesspath.core.schema.PrimaryKey;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.schema.Table;
import io.accesspath.core.schema.UniqueConstraint;
import io.accesspath.postgres.internal.CatalogSql;
import io.accesspath.postgres.internal.ExpressionText;
import io.accesspath.postgres.internal.ServerError;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one schema of a live PostgreSQL database (14 to 18) back into the {@link Schema} model,
 * with the catalog queries in {@code io/accesspath/postgres/catalog/*.sql}, in one read-only
 * repeatable-read transaction (a consistent snapshot) with the schema first on the
 * {@code search_path}, so names in it print unqualified.
 *
 * <p>Order: extensions, enum types and tables by name; columns by position; constraints and
 * indexes by name within their table; enum labels, keys and constraint columns in declared order.
 * Indexes that back a primary key, unique or exclusion constraint are not listed (the constraint
 * implies them), and neither are indexes whose access method the model does not know (bloom,
 * pgvector's hnsw, ...).
 *
 * <p>Expressions are as PostgreSQL prints them ({@code pg_get_expr} and friends, pretty form):
 * literal casts made explicit ({@code 'x'::text}, {@code 0::numeric}), minimal parentheses. On top
 * of that, two normalizations: a CHECK's {@code pg_get_constraintdef} text loses its
 * {@code CHECK (...)} wrapper, and an index expression loses the parentheses PostgreSQL puts
 * around a whole non-function expression ({@code (a + 1)} becomes {@code a + 1}), since
 * {@link PgDdl} adds them back.
 */
public final class PgIntrospector {
    private PgIntrospector() {}

    /**
     * Reads the schema.
     *
     * @param connection an open connection; its auto-commit setting is restored afterwards
     * @param schemaName the PostgreSQL schema (namespace), usually {@code public}
     * @param target     the database as shown in messages
     * @throws UserError when the schema does not exist or the catalog cannot be read
     */
    public static Schema introspect(Connection connection, String schemaName, String target) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (java.sql.Statement jdbc = connection.createStatement()) {
                    jdbc.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                }
                if (!schemaExists(connection, schemaName)) {
                    throw UserError.invalid(Loc.NONE,
                            "schema '" + schemaName + "' does not exist in " + target,
                            "name an existing schema (PostgreSQL's default is public)");
                }
                try (PreparedStatement path = connection.prepareStatement(
                        "SELECT pg_catalog.set_config('search_path', ?, true)")) {
                    path.setString(1, PgIdentifiers.quote(schemaName));
                    path.execute();
                }
                return read(connection, schemaName);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            ServerError server = ServerError.of(e);
            throw UserError.database("cannot read the catalog of " + target + ": " + server.message()
                    + " [SQLSTATE " + server.sqlState() + "]", e);
        }
    }

    private static Schema read(Connection connection, String schemaName) throws SQLException {
        List<String> extensions = new ArrayList<>();
        query(connection, "extensions", null, rs -> extensions.add(rs.getString("name")));

        Map<String, List<String>> labels = new LinkedHashMap<>();
        query(connection, "enum_types", schemaName,
                rs -> labels.computeIfAbsent(rs.getString("type_name"), k -> new ArrayList<>()).add(rs.getString("label")));
        List<EnumType> enumTypes = labels.entrySet().stream().map(e -> new EnumType(e.getKey(), e.getValue())).toList();

        Map<String, TableParts> tables = new LinkedHashMap<>();
        query(connection, "tables", schemaName,
                rs -> tables.put(rs.getString("table_name"), new TableParts(optional(rs, "comment"),
                        options(optional(rs, "options")))));
        query(connection, "columns", schemaName, rs -> ifKnown(tables, rs, t -> t.columns.add(column(rs))));
        Map<String, List<ExclusionConstraint.Element>> elements = new LinkedHashMap<>();
        query(connection, "exclusion_elements", schemaName, rs -> elements
                .computeIfAbsent(rs.getString("table_name") + "." + rs.getString("constraint_name"), k -> new ArrayList<>())
                .add(new ExclusionConstraint.Element(rs.getString("element"), rs.getString("operator"))));
        query(connection, "constraints", schemaName, rs -> ifKnown(tables, rs, t -> constraint(t, rs, elements)));
        query(connection, "foreign_keys", schemaName, rs -> ifKnown(tables, rs, t -> t.foreignKeys.add(foreignKey(rs))));
        readIndexes(connection, schemaName, tables);

        List<Table> tableList = tables.entrySet().stream().map(e -> e.getValue().build(e.getKey())).toList();
        return new Schema(extensions, enumTypes, tableList);
    }

    private static Column column(ResultSet rs) throws SQLException {
        Optional<Column.Identity> identity = switch (rs.getString("identity")) {
            case "a" -> Optional.of(Column.Identity.ALWAYS);
            case "d" -> Optional.of(Column.Identity.BY_DEFAULT);
            default -> Optional.empty();
        };
        return new Column(rs.getString("column_name"), rs.getString("type"), !rs.getBoolean("not_null"),
                optional(rs, "default_expression"), identity, optional(rs, "generated"), optional(rs, "comment"));
    }

    private static void constraint(TableParts table, ResultSet rs, Map<String, List<ExclusionConstraint.Element>> elements)
            throws SQLException {
        String name = rs.getString("constraint_name");
        List<String> columns = strings(rs, "columns");
        switch (rs.getString("type")) {
            case "p" -> table.primaryKey = Optional.of(new PrimaryKey(name, columns));
            case "u" -> table.uniques.add(new UniqueConstraint(name, columns, rs.getBoolean("nulls_not_distinct")));
            case "c" -> table.checks.add(new CheckConstraint(name, ExpressionText.checkBody(rs.getString("definition"))));
            case "x" -> table.exclusions.add(new ExclusionConstraint(name, rs.getString("method"),
                    elements.getOrDefault(rs.getString("table_name") + "." + name, List.of())));
            default -> throw new IllegalStateException("constraints.sql returned constraint type " + rs.getString("type"));
        }
    }

    private static ForeignKey foreignKey(ResultSet rs) throws SQLException {
        return new ForeignKey(rs.getString("constraint_name"), strings(rs, "columns"), rs.getString("referenced_table"),
                strings(rs, "referenced_columns"), action(rs.getString("on_delete")), action(rs.getString("on_update")),
                strings(rs, "set_null_columns"));
    }

    private static ForeignKey.Action action(String code) {
        return switch (code) {
            case "a" -> ForeignKey.Action.NO_ACTION;
            case "r" -> ForeignKey.Action.RESTRICT;
            case "c" -> ForeignKey.Action.CASCADE;
            case "n" -> ForeignKey.Action.SET_NULL;
            case "d" -> ForeignKey.Action.SET_DEFAULT;
            default -> throw new IllegalStateException("unknown referential action code '" + code + "' in pg_constraint");
        };
    }

    private static void readIndexes(Connection connection, String schemaName, Map<String, TableParts> tables)
            throws SQLException {
        Map<String, IndexParts> indexes = new LinkedHashMap<>();
        query(connection, "indexes", schemaName, rs -> {
            String table = rs.getString("table_name");
            Optional<Index.Method> method = method(rs.getString("method"));
            if (!tables.containsKey(table) || method.isEmpty()) {
                return;
            }
            String indexName = rs.getString("index_name");
            IndexParts index = indexes.get(indexName);
            if (index == null) {
                index = new IndexParts(table, method.get(), optional(rs, "predicate"), rs.getBoolean("is_unique"));
                indexes.put(indexName, index);
            }
            String key = rs.getString("key");
            if (rs.getBoolean("included")) {
                index.include.add(key);
            } else {
                boolean expression = rs.getBoolean("is_expression");
                index.keys.add(new Index.Key(expression ? ExpressionText.stripOuterParentheses(key) : key, expression,
                        rs.getBoolean("descending"), optional(rs, "opclass")));
            }
        });
        indexes.forEach((name, parts) -> tables.get(parts.table).indexes.add(parts.build(name)));
    }

    private static Optional<Index.Method> method(String amname) {
        return Arrays.stream(Index.Method.values()).filter(m -> m.sql().equals(amname)).findFirst();
    }

    private static boolean schemaExists(Connection connection, String schemaName) throws SQLException {
        boolean[] present = {false};
        query(connection, "schema_exists", schemaName, rs -> present[0] = rs.getBoolean("present"));
        return present[0];
    }

    private static void ifKnown(Map<String, TableParts> tables, ResultSet rs, PartsConsumer action) throws SQLException {
        TableParts table = tables.get(rs.getString("table_name"));
        if (table != null) {
            action.accept(table);
        }
    }

    private static void query(Connection connection, String name, String schemaName, RowConsumer row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CatalogSql.get(name))) {
            if (schemaName != null) {
                statement.setString(1, schemaName);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    /** reloptions as {@code name=value,name=value}, into a map. */
    private static java.util.Map<String, String> options(Optional<String> text) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        text.filter(t -> !t.isBlank()).ifPresent(t -> {
            for (String part : t.split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
        });
        return out;
    }

    private static Optional<String> optional(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface PartsConsumer {
        void accept(TableParts table) throws SQLException;
    }

    /** A table being assembled from several catalog queries. */
    private static final class TableParts {
        final Optional<String> comment;
        final List<Column> columns = new ArrayList<>();
        Optional<PrimaryKey> primaryKey = Optional.empty();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<ExclusionConstraint> exclusions = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();

        final java.util.Map<String, String> options;

        TableParts(Optional<String> comment, java.util.Map<String, String> options) {
            this.comment = comment;
            this.options = options;
        }

        Table build(String name) {
            return new Table(name, columns, primaryKey, uniques, checks, foreignKeys, exclusions, indexes, comment,
                    List.of(), options);
        }
    }

    /** An index being assembled from its rows (one per column). */
    private static final class IndexParts {
        final String table;
        final Index.Method method;
        final Optional<String> predicate;
        final boolean unique;
        final List<Index.Key> keys = new ArrayList<>();
        final List<String> include = new ArrayList<>();

        IndexParts(String table, Index.Method method, Optional<String> predicate, boolean unique) {
            this.table = table;
            this.method = method;
            this.predicate = predicate;
            this.unique = unique;
        }

        Index build(String name) {
            return new Index(name, table, method, keys, include, predicate, unique);
        }
    }
}
