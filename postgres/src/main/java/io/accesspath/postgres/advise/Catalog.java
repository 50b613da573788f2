package io.accesspath.postgres.advise;

import io.accesspath.postgres.internal.CatalogSql;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the index advisor reads from a database's catalog: the user tables with their columns,
 * types and planner statistics (pg_stats), and the existing indexes. Read once, read-only.
 */
public final class Catalog {
    /** One column: its type and what pg_stats says about it. */
    public record Column(String name, String type, String category, double distinct, double nullFrac) {
        /** Rows per distinct value's share of the table: lower is more selective (1/n_distinct). */
        public double equalitySelectivity() {
            return distinct > 0 ? 1 / distinct : 0.005;
        }
    }

    /** One table and its columns in order. */
    public record Table(String schema, String name, double rows, Map<String, Column> columns) {
        public Optional<Column> column(String columnName) {
            return Optional.ofNullable(columns.get(columnName));
        }
    }

    /** An existing index and whether it enforces a constraint (then it is never dropped). */
    public record Existing(IndexDef index, boolean backsConstraint, long sizeBytes) {}

    private final Map<String, Table> tables;
    private final List<Existing> indexes;

    Catalog(Map<String, Table> tables, List<Existing> indexes) {
        this.tables = tables;
        this.indexes = List.copyOf(indexes);
    }

    /** Reads the catalog over a connection (which it leaves open). */
    public static Catalog read(Connection connection) throws SQLException {
        Map<String, Map<String, Column>> columns = new LinkedHashMap<>();
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        Map<String, Double> rows = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(CatalogSql.get("advise_columns"))) {
            while (rs.next()) {
                String schema = rs.getString("schema_name");
                String table = rs.getString("table_name");
                String key = schema + "." + table;
                double reltuples = Math.max(0, rs.getDouble("reltuples"));
                double nd = rs.getDouble("n_distinct");
                boolean noStats = rs.wasNull();
                double distinct = noStats ? 0 : nd < 0 ? -nd * reltuples : nd;
                columns.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(rs.getString("column_name"),
                        new Column(rs.getString("column_name"), rs.getString("type_name"), rs.getString("category"),
                                distinct, rs.getDouble("null_frac")));
                names.putIfAbsent(key, new String[] {schema, table});
                rows.put(key, reltuples);
            }
        }
        for (var e : columns.entrySet()) {
            String[] n = names.get(e.getKey());
            Table t = new Table(n[0], n[1], rows.get(e.getKey()), Map.copyOf(e.getValue()));
            tables.put(e.getKey(), t);
            tables.putIfAbsent(n[1], t); // unqualified: the first in search_path order
        }
        List<Existing> indexes = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(CatalogSql.get("advise_indexes"))) {
            while (rs.next()) {
                String method = rs.getString("method");
                List<String> keys = new ArrayList<>();
                for (String k : strings(rs.getArray("key_columns"))) {
                    keys.add(k.matches("[A-Za-z_][A-Za-z_0-9$]*|\"[^\"]+\"") ? k : "(" + k + ")");
                }
                IndexDef def = new IndexDef(rs.getString("index_name"), rs.getString("schema_name"),
                        rs.getString("table_name"), method, keys, strings(rs.getArray("include_columns")),
                        Optional.ofNullable(rs.getString("predicate")), true);
                indexes.add(new Existing(def, rs.getBoolean("backs_constraint"), rs.getLong("size_bytes")));
            }
        }
        return new Catalog(tables, indexes);
    }

    private static List<String> strings(Array a) throws SQLException {
        if (a == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    /** The table a query names: {@code schema.table}, or an unqualified name by search_path. */
    public Optional<Table> table(String name) {
        String n = name.replace("\"", "");
        Table t = tables.get(n);
        if (t == null) {
            t = tables.get(n.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(t);
    }

    /** Every existing valid index of the user tables. */
    public List<Existing> indexes() {
        return indexes;
    }

    /** The existing indexes of one table. */
    public List<Existing> indexesOf(Table t) {
        return indexes.stream().filter(i -> i.index().schema().equals(t.schema())
                && i.index().table().equals(t.name())).toList();
    }
}
