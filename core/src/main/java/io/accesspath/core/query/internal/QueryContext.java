package io.accesspath.core.query.internal;

import io.accesspath.core.design.Design;
import io.accesspath.core.dialect.Dialect;
import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.EnumType;
import io.accesspath.core.schema.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What writing one query needs at hand: the design's tables, the dialect's quoting, the query's
 * parameters and table aliases.
 */
final class QueryContext {
    private static final Set<String> RANGE_TYPES = Set.of("int4range", "int8range", "numrange", "daterange",
            "tsrange", "tstzrange");

    final Design design;
    final Dialect dialect;
    final Params params = new Params();
    final Aliases aliases;
    private final Set<String> enumTypes;

    QueryContext(Design design, Dialect dialect) {
        this.design = design;
        this.dialect = dialect;
        this.aliases = new Aliases(dialect::quoteIdentifier);
        this.enumTypes = design.schema().enumTypes().stream().map(EnumType::name).collect(Collectors.toSet());
    }

    /** An identifier, quoted where the dialect needs it. */
    String id(String identifier) {
        return dialect.quoteIdentifier(identifier);
    }

    /** A string literal. */
    String lit(String value) {
        return dialect.quoteLiteral(value);
    }

    /** A column reference, qualified by the alias when the statement has one. */
    String ref(String alias, String column) {
        return alias.isEmpty() ? id(column) : alias + "." + id(column);
    }

    Table table(String name) {
        return design.schema().table(name)
                .orElseThrow(() -> new IllegalStateException("the design has no table " + name));
    }

    Column column(String table, String column) {
        return table(table).column(column)
                .orElseThrow(() -> new IllegalStateException("table " + table + " has no column " + column));
    }

    String type(String table, String column) {
        return column(table, column).type();
    }

    /**
     * The columns a query reads when the pattern names none: all of them except generated
     * full-text documents, which only the search reads.
     */
    List<String> readableColumns(String table) {
        String document = dialect.designDialect().fullTextType();
        return table(table).columns().stream()
                .filter(c -> !(c.generated().isPresent() && c.type().equals(document)))
                .map(Column::name).toList();
    }

    /** The spec's type of a column that holds an attribute ({@code timestamp}); empty for references and keys. */
    Optional<String> logicalType(String table, String column) {
        return design.spec().entities().stream().filter(e -> e.table().equals(table)).findFirst()
                .flatMap(e -> e.attribute(column)).map(a -> a.type().specName());
    }

    /** The key columns of a table (primary key, else every column). */
    List<String> keyColumns(String table) {
        Table t = table(table);
        return t.primaryKey().map(pk -> pk.columns()).orElse(t.columns().stream().map(Column::name).toList());
    }

    /**
     * A parameter, cast to its type where a driver cannot name the type (enum types, jsonb,
     * ranges) or where the SQL alone does not fix it ({@code force}).
     */
    SqlText bind(String name, String sqlType, boolean force) {
        if (force || needsCast(sqlType)) {
            return new SqlText().sql("CAST(").param(name).sql(" AS " + sqlType + ")");
        }
        return new SqlText().param(name);
    }

    private boolean needsCast(String sqlType) {
        String base = sqlType.endsWith("[]") ? sqlType.substring(0, sqlType.length() - 2) : sqlType;
        return enumTypes.contains(base) || base.equals("jsonb") || RANGE_TYPES.contains(base);
    }

    /** A constant of a column's type: numbers and booleans bare, everything else a quoted literal. */
    String constant(String sqlType, String value) {
        String t = sqlType.toLowerCase(Locale.ROOT);
        if (t.equals("boolean")) {
            return Boolean.parseBoolean(value) ? "true" : "false";
        }
        if (t.equals("smallint") || t.equals("integer") || t.equals("bigint") || t.startsWith("numeric")
                || t.equals("real") || t.equals("double precision")) {
            try {
                return new BigDecimal(value.strip()).toPlainString();
            } catch (NumberFormatException e) {
                return lit(value);
            }
        }
        return lit(value);
    }

    /** The element type of a range type ({@code tstzrange} holds {@code timestamptz}). */
    static String rangeElement(String rangeType) {
        return switch (rangeType) {
            case "int4range" -> "integer";
            case "int8range" -> "bigint";
            case "numrange" -> "numeric";
            case "daterange" -> "date";
            case "tsrange" -> "timestamp";
            default -> "timestamptz";
        };
    }

    static boolean isRange(String sqlType) {
        return RANGE_TYPES.contains(sqlType);
    }
}
