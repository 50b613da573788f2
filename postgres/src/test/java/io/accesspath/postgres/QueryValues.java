package io.accesspath.postgres;

import io.accesspath.core.query.Parameter;
import io.accesspath.core.query.ParameterRole;
import io.accesspath.core.query.Query;
import io.accesspath.core.query.QuerySql;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.schema.Table;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Picks a value for every parameter of a query from the rows of a database, the way a caller
 * would: from one "anchor" row of the query's table (and the rows it links to), using only the
 * parameter descriptions of the query model, and binds them with the JDBC types their SQL types
 * call for. Public for the tests of other modules that run the same queries (the JPA code).
 */
public final class QueryValues {
    /** A limit above any fixture's row count: "every row". */
    public static final long ALL = 1000;

    private final Connection connection;
    private final Schema schema;

    public QueryValues(Connection connection, Schema schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /**
     * Values for every parameter but the cursor ones, from the anchor row that gives the first page
     * the most rows (so pages have rows to walk).
     */
    public Map<String, Object> richest(Query q) throws SQLException {
        Map<String, Object> best = null;
        int most = -1;
        for (Map<String, Object> anchor : anchors(q)) {
            Optional<Map<String, Object>> picked = valuesFor(q, anchor);
            if (picked.isEmpty()) {
                continue;
            }
            int n = run(q, q.firstPage(), with(picked.get(), "limit", ALL)).size();
            if (n > most) {
                most = n;
                best = picked.get();
            }
        }
        if (best == null) {
            throw new IllegalStateException(q.name() + ": no row to take parameter values from");
        }
        return best;
    }

    /** The rows a statement of the query returns with these values. */
    public List<Map<String, Object>> run(Query q, QuerySql sql, Map<String, Object> values) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql.jdbcSql())) {
            bind(ps, q, sql.parameters(), values);
            return rows(ps);
        }
    }

    /** The values with one replaced, if the query has that parameter. */
    public static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(values);
        if (out.containsKey(name)) {
            out.put(name, value);
        }
        return out;
    }

    /** The key values of every row of the query's table, in key order (the anchor candidates). */
    public List<Map<String, Object>> anchors(Query q) throws SQLException {
        Table t = schema.table(q.table()).orElseThrow();
        List<String> key = t.primaryKey().orElseThrow().columns();
        String sql = "SELECT * FROM " + PgIdentifiers.quote(q.table()) + " ORDER BY " + String.join(", ", key);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * A value for every parameter but the cursor ones, derived from one anchor row; empty when the
     * anchor has no related row to take a value from (a task without labels).
     */
    public Optional<Map<String, Object>> valuesFor(Query q, Map<String, Object> anchor) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : q.parameters()) {
            switch (p.role()) {
                case CURSOR -> { }
                case LIMIT -> values.put(p.name(), Long.parseLong(p.defaultValue().orElseThrow()));
                case OFFSET -> values.put(p.name(), 0L);
                default -> {
                    Optional<Object> v = pick(q, p, anchor);
                    if (v.isEmpty()) {
                        return Optional.empty();
                    }
                    values.put(p.name(), v.get());
                }
            }
        }
        return Optional.of(values);
    }

    private Optional<Object> pick(Query q, Parameter p, Map<String, Object> anchor) throws SQLException {
        try {
            return Optional.ofNullable(pickValue(q, p, anchor));
        } catch (NoRow e) {
            return Optional.empty();
        }
    }

    /** No row to take a value from. */
    private static final class NoRow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoRow(String message) {
            super(message);
        }
    }

    private Object pickValue(Query q, Parameter p, Map<String, Object> anchor) throws SQLException {
        String table = p.table().orElseThrow();
        String column = p.column().orElseThrow();
        String col = PgIdentifiers.quote(column);
        String from = PgIdentifiers.quote(table);
        return switch (p.role()) {
            case RANGE_LOW, LOWER_BOUND -> below(one("SELECT min(" + col + ") FROM " + from, p.sqlType()));
            case RANGE_HIGH, UPPER_BOUND -> above(one("SELECT max(" + col + ") FROM " + from, p.sqlType()));
            case LONGITUDE, LATITUDE -> coordinate(q, p, anchor);
            case PREFIX -> related(q, p, anchor, col).toString().substring(0, 2);
            case FULLTEXT_TERMS -> longestWord(related(q, p, anchor, col).toString());
            case CONTAINS, OVERLAPS -> related(q, p, anchor, p.isArray() ? col : col + "::text");
            case IN_LIST -> new Object[] {related(q, p, anchor, col)};
            case EQUAL -> {
                Object v = related(q, p, anchor, col);
                // Emails are compared folded: the upper-cased address must find the row all the same.
                yield p.logicalType().orElse("").equals("email") ? v.toString().toUpperCase(Locale.ROOT) : v;
            }
            default -> related(q, p, anchor, col);
        };
    }

    /** A value of {@code expression} in the parameter's table, in the row the anchor is (or links to). */
    private Object related(Query q, Parameter p, Map<String, Object> anchor, String expression) throws SQLException {
        String table = p.table().orElseThrow();
        if (table.equals(q.table())) {
            List<String> key = schema.table(table).orElseThrow().primaryKey().orElseThrow().columns();
            return value("SELECT " + expression + " FROM " + PgIdentifiers.quote(table) + " WHERE "
                    + keyMatch(key), key.stream().map(anchor::get).toList(), p.sqlType());
        }
        // A link table or related table: follow the foreign key between it and the query's table.
        for (ForeignKey fk : schema.table(table).orElseThrow().foreignKeys()) {
            if (fk.referencedTable().equals(q.table())) {
                List<Object> args = fk.referencedColumns().stream().map(anchor::get).toList();
                return value("SELECT " + expression + " FROM " + PgIdentifiers.quote(table) + " WHERE "
                        + keyMatch(fk.columns()) + " ORDER BY 1", args, p.sqlType());
            }
        }
        for (ForeignKey fk : schema.table(q.table()).orElseThrow().foreignKeys()) {
            if (fk.referencedTable().equals(table)) {
                List<Object> args = fk.columns().stream().map(anchor::get).toList();
                return value("SELECT " + expression + " FROM " + PgIdentifiers.quote(table) + " WHERE "
                        + keyMatch(fk.referencedColumns()), args, p.sqlType());
            }
        }
        throw new IllegalStateException("no foreign key between " + table + " and " + q.table());
    }

    /** The longest word of a text: a term the search matches, never a stop word. */
    private static String longestWord(String text) {
        String best = "";
        for (String w : text.split("[^\\p{L}]+")) {
            best = w.length() > best.length() ? w : best;
        }
        return best;
    }

    private Object coordinate(Query q, Parameter p, Map<String, Object> anchor) throws SQLException {
        String col = PgIdentifiers.quote(p.column().orElseThrow());
        int axis = p.role() == ParameterRole.LONGITUDE ? 0 : 1;
        String from = PgIdentifiers.quote(p.table().orElseThrow());
        if (p.name().contains("_min_")) {
            return (Double) one("SELECT min(" + col + "[" + axis + "]) FROM " + from, "double precision") - 1;
        }
        if (p.name().contains("_max_")) {
            return (Double) one("SELECT max(" + col + "[" + axis + "]) FROM " + from, "double precision") + 1;
        }
        return related(q, p, anchor, col + "[" + axis + "]");
    }

    private static String keyMatch(List<String> columns) {
        List<String> parts = new ArrayList<>();
        for (String c : columns) {
            parts.add(PgIdentifiers.quote(c) + " = ?");
        }
        return String.join(" AND ", parts);
    }

    private Object one(String sql, String sqlType) throws SQLException {
        return value(sql, List.of(), sqlType);
    }

    /** The first column of the first row, as the SQL type binds it. */
    private Object value(String sql, List<Object> args, String sqlType) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NoRow("no row for " + sql + " " + args);
                }
                return convert(rs.getObject(1), sqlType);
            }
        }
    }

    /** The JDBC value of a column value, as the parameter's SQL type binds it. */
    public static Object convert(Object v, String sqlType) {
        return QueryBinding.convert(v, sqlType);
    }

    private static Object below(Object v) {
        if (v instanceof OffsetDateTime t) {
            return t.minusSeconds(1);
        }
        if (v instanceof LocalDate d) {
            return d.minusDays(1);
        }
        if (v instanceof BigDecimal b) {
            return b.subtract(BigDecimal.ONE);
        }
        if (v instanceof Long n) {
            return n - 1;
        }
        if (v instanceof Integer n) {
            return n - 1;
        }
        throw new IllegalArgumentException("no value below " + v);
    }

    private static Object above(Object v) {
        if (v instanceof OffsetDateTime t) {
            return t.plusSeconds(1);
        }
        if (v instanceof LocalDate d) {
            return d.plusDays(1);
        }
        if (v instanceof BigDecimal b) {
            return b.add(BigDecimal.ONE);
        }
        if (v instanceof Long n) {
            return n + 1;
        }
        if (v instanceof Integer n) {
            return n + 1;
        }
        throw new IllegalArgumentException("no value above " + v);
    }

    /** Binds the statement's parameters in JDBC order, each with the type its SQL type calls for. */
    public void bind(PreparedStatement ps, Query q, List<String> order, Map<String, Object> values) throws SQLException {
        QueryBinding.bind(connection, schema, ps, q, order, values);
    }

    /** The rows a statement returns, each as its column values by label. */
    public static List<Map<String, Object>> rows(PreparedStatement ps) throws SQLException {
        return QueryBinding.rows(ps);
    }

    /** The cursor values of the next page: the sort columns of the last row. */
    public static Map<String, Object> cursor(Query q, Map<String, Object> lastRow) {
        return QueryBinding.cursor(q, lastRow);
    }
}
