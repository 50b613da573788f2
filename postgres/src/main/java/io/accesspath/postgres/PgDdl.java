package io.accesspath.postgres;

import static io.accesspath.postgres.PgIdentifiers.quote;

import io.accesspath.core.db.Statement;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Renders a {@link Schema} as PostgreSQL DDL for an empty database, in an order that runs:
 * extensions, enum types, tables (columns with their defaults, identity and stored generated
 * expressions, then primary key, unique, check and exclusion constraints), foreign keys as
 * {@code ALTER TABLE ... ADD CONSTRAINT} (so reference cycles work), indexes, then comments.
 *
 * <p>Identifiers go through {@link PgIdentifiers#quote(String)}, string literals through
 * {@link PgLiterals#quote(String)}. Parts of the model that are SQL already are written as they
 * are: column types (the canonical spelling, with a quoted name where the type needs one, as
 * {@code format_type} gives it), default, generated, check, predicate and index key expressions,
 * and exclusion operators. Indexes are never {@code CONCURRENTLY}: the DDL is for a fresh schema
 * and runs in one transaction.
 *
 * <p>The output depends only on the schema: same schema, same text.
 */
public final class PgDdl {
    private static final String INDENT = "    ";

    private PgDdl() {}

    /** The statements that create the schema, in the order they must run. */
    public static List<Statement> render(Schema schema) {
        List<Statement> out = new ArrayList<>();
        for (String extension : schema.extensions()) {
            out.add(new Statement("CREATE EXTENSION IF NOT EXISTS " + quote(extension), Statement.EXTENSION,
                    extension));
        }
        for (EnumType type : schema.enumTypes()) {
            out.add(new Statement(enumType(type), Statement.TYPE, type.name()));
        }
        for (Table table : schema.tables()) {
            out.add(new Statement(createTable(table), Statement.TABLE, table.name()));
            if (!table.rows().isEmpty()) {
                out.add(new Statement(insertRows(table), Statement.ROWS, table.name()));
            }
        }
        for (Table table : schema.tables()) {
            for (ForeignKey fk : table.foreignKeys()) {
                out.add(new Statement(foreignKey(table, fk), Statement.FOREIGN_KEY, table.name() + "." + fk.name()));
            }
        }
        for (Table table : schema.tables()) {
            for (Index index : table.indexes()) {
                out.add(new Statement(createIndex(index), Statement.INDEX, index.name()));
            }
        }
        for (Table table : schema.tables()) {
            table.comment().ifPresent(text -> out.add(new Statement(
                    "COMMENT ON TABLE " + quote(table.name()) + " IS " + PgLiterals.quote(text),
                    Statement.COMMENT, table.name())));
            for (Column column : table.columns()) {
                column.comment().ifPresent(text -> out.add(new Statement(
                        "COMMENT ON COLUMN " + quote(table.name()) + "." + quote(column.name()) + " IS "
                                + PgLiterals.quote(text),
                        Statement.COMMENT, table.name() + "." + column.name())));
            }
        }
        return List.copyOf(out);
    }

    /** The schema's DDL as one script; see {@link #script(List, Map)}. */
    public static String script(Schema schema, Map<String, List<String>> comments) {
        return script(render(schema), comments);
    }

    /**
     * The statements as one script: each statement ends with a semicolon and is followed by a
     * blank line, and is preceded by its comment lines ({@code -- ...}) if {@code comments} has
     * any under its {@link Statement#key()} ({@code index:orders_customer_id_idx}).
     *
     * @throws IllegalArgumentException when a key of {@code comments} matches no statement (a
     *                                  misspelt key would otherwise lose its comment silently)
     */
    public static String script(List<Statement> statements, Map<String, List<String>> comments) {
        Set<String> keys = statements.stream().map(Statement::key).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(comments.keySet());
        unknown.removeAll(keys);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("comments for statements the script does not have: " + unknown
                    + "; keys are kind:subject, e.g. " + statements.stream().map(Statement::key).limit(3).toList());
        }
        StringBuilder sb = new StringBuilder();
        for (Statement statement : statements) {
            for (String comment : comments.getOrDefault(statement.key(), List.of())) {
                for (String line : comment.split("\\R", -1)) {
                    sb.append(line.isEmpty() ? "--" : "-- " + line).append('\n');
                }
            }
            sb.append(statement.sql()).append(";\n\n");
        }
        return sb.toString();
    }

    private static String enumType(EnumType type) {
        return "CREATE TYPE " + quote(type.name()) + " AS ENUM ("
                + type.values().stream().map(PgLiterals::quote).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code WITH (fillfactor = 90)} for a table with storage parameters. */
    private static String storage(Table table) {
        if (table.options().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        table.options().forEach((k, v) -> parts.add(quote(k) + " = " + v));
        return " WITH (" + String.join(", ", parts) + ")";
    }

    private static String createTable(Table table) {
        List<String> elements = new ArrayList<>();
        for (Column column : table.columns()) {
            elements.add(column(table, column));
        }
        table.primaryKey().ifPresent(pk -> elements.add(primaryKey(pk)));
        for (UniqueConstraint unique : table.uniques()) {
            elements.add(constraint(unique.name()) + "UNIQUE " + (unique.nullsNotDistinct() ? "NULLS NOT DISTINCT " : "")
                    + columnList(unique.columns(), "unique constraint " + unique.name()));
        }
        for (CheckConstraint check : table.checks()) {
            elements.add(constraint(check.name()) + "CHECK (" + check.expression() + ")");
        }
        for (ExclusionConstraint exclusion : table.exclusions()) {
            elements.add(constraint(exclusion.name()) + "EXCLUDE USING " + quote(exclusion.method()) + " ("
                    + exclusion.elements().stream()
                            .map(e -> quote(e.column()) + " WITH " + e.operator())
                            .collect(Collectors.joining(", "))
                    + ")");
        }
        if (elements.isEmpty()) {
            return "CREATE TABLE " + quote(table.name()) + " ()";
        }
        return "CREATE TABLE " + quote(table.name()) + " (\n" + INDENT + String.join(",\n" + INDENT, elements) + "\n)"
                + storage(table);
    }

    private static String column(Table table, Column column) {
        if (column.type().isBlank()) {
            throw new IllegalArgumentException("column " + table.name() + "." + column.name() + " has no type");
        }
        StringBuilder sb = new StringBuilder(quote(column.name())).append(' ').append(column.type());
        column.defaultExpression().ifPresent(expression -> sb.append(" DEFAULT ").append(expression));
        column.identity().ifPresent(identity -> sb.append(identity == Column.Identity.ALWAYS
                ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY"));
        column.generated().ifPresent(expression -> sb.append(" GENERATED ALWAYS AS (").append(expression)
                .append(") STORED"));
        if (!column.nullable()) {
            sb.append(" NOT NULL");
        }
        return sb.toString();
    }

    private static String primaryKey(PrimaryKey pk) {
        return constraint(pk.name()) + "PRIMARY KEY " + columnList(pk.columns(), "primary key " + pk.name());
    }

    private static String foreignKey(Table table, ForeignKey fk) {
        StringBuilder sb = new StringBuilder("ALTER TABLE ").append(quote(table.name()))
                .append(" ADD ").append(constraint(fk.name()))
                .append("FOREIGN KEY ").append(columnList(fk.columns(), "foreign key " + fk.name()))
                .append(" REFERENCES ").append(quote(fk.referencedTable())).append(' ')
                .append(columnList(fk.referencedColumns(), "foreign key " + fk.name()))
                .append(" ON DELETE ").append(fk.onDelete().sql());
        if (!fk.setNullColumns().isEmpty()) {
            if (fk.onDelete() != ForeignKey.Action.SET_NULL && fk.onDelete() != ForeignKey.Action.SET_DEFAULT) {
                throw new IllegalArgumentException("foreign key " + table.name() + "." + fk.name()
                        + " lists columns to set but its ON DELETE action is " + fk.onDelete().sql());
            }
            sb.append(' ').append(columnList(fk.setNullColumns(), "foreign key " + fk.name()));
        }
        sb.append(" ON UPDATE ").append(fk.onUpdate().sql());
        return sb.toString();
    }

    /** INSERT of a table's own rows (lookup values), into every column that is neither identity nor generated. */
    private static String insertRows(Table table) {
        List<String> cols = table.columns().stream()
                .filter(c -> c.identity().isEmpty() && c.generated().isEmpty()).map(c -> quote(c.name())).toList();
        List<String> values = new ArrayList<>();
        for (List<String> row : table.rows()) {
            values.add("(" + String.join(", ", row.stream().map(PgLiterals::quote).toList()) + ")");
        }
        return "INSERT INTO " + quote(table.name()) + " (" + String.join(", ", cols) + ") VALUES\n" + INDENT
                + String.join(",\n" + INDENT, values);
    }

    private static String createIndex(Index index) {
        if (index.keys().isEmpty()) {
            throw new IllegalArgumentException("index " + index.name() + " on " + index.table() + " has no keys");
        }
        StringBuilder sb = new StringBuilder("CREATE ");
        if (index.unique()) {
            sb.append("UNIQUE ");
        }
        sb.append("INDEX ").append(quote(index.name())).append(" ON ").append(quote(index.table()))
                .append(" USING ").append(index.method().sql()).append(" (")
                .append(index.keys().stream().map(PgDdl::indexKey).collect(Collectors.joining(", ")))
                .append(')');
        if (!index.include().isEmpty()) {
            sb.append(" INCLUDE ").append(columnList(index.include(), "index " + index.name()));
        }
        index.predicate().ifPresent(predicate -> sb.append(" WHERE ").append(predicate));
        return sb.toString();
    }

    private static String indexKey(Index.Key key) {
        StringBuilder sb = new StringBuilder(key.expression() ? "(" + key.column() + ")" : quote(key.column()));
        key.opclass().ifPresent(opclass -> sb.append(' ').append(quote(opclass)));
        if (key.descending()) {
            sb.append(" DESC");
        }
        return sb.toString();
    }

    private static String constraint(String name) {
        return "CONSTRAINT " + quote(name) + " ";
    }

    private static String columnList(List<String> columns, String owner) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(owner + " has an empty column list");
        }
        return "(" + columns.stream().map(PgIdentifiers::quote).collect(Collectors.joining(", ")) + ")";
    }
}
