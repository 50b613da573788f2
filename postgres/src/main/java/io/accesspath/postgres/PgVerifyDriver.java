package io.accesspath.postgres;

import io.accesspath.core.db.Database;
import io.accesspath.core.error.UserError;
import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanParser;
import io.accesspath.core.query.Query;
import io.accesspath.core.query.QuerySql;
import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.Index;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.schema.Table;
import io.accesspath.core.verify.Variant;
import io.accesspath.core.verify.VerifyDriver;
import io.accesspath.core.verify.WriteMeasurement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL's verify driver. Reads run in read-only transactions on the database's own
 * connection settings (statement timeouts included). Write measurements change nothing: each runs
 * in a transaction that is rolled back, deleting a sample of rows and writing them back, with and
 * without each secondary index (dropped inside the transaction). They need a database verify
 * loaded itself (the sample is deleted with foreign-key triggers off, which needs a superuser).
 */
public final class PgVerifyDriver implements VerifyDriver {
    /** Each write configuration is measured this many times; the fastest counts (least noise). */
    static final int WRITE_REPEATS = 3;

    private final Database database;
    private final Schema schema;
    private final Connection connection;
    private final ParameterPicker picker;

    PgVerifyDriver(Database database, Schema schema, long seed) {
        this.database = database;
        this.schema = schema;
        this.connection = database.open();
        this.picker = new ParameterPicker(connection, schema, seed);
    }

    @Override
    public void settle() {
        try (java.sql.Statement st = connection.createStatement()) {
            st.execute("VACUUM (ANALYZE)");
        } catch (SQLException e) {
            throw fail("VACUUM ANALYZE", e);
        }
    }

    @Override
    public long rows(String table) {
        try (java.sql.Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + PgIdentifiers.quote(table))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw fail("counting the rows of " + table, e);
        }
    }

    @Override
    public Optional<Map<String, Object>> pick(Query q, Variant variant) {
        try {
            return picker.pick(q, variant);
        } catch (SQLException e) {
            throw fail("picking parameter values for " + q.name(), e);
        }
    }

    @Override
    public Optional<Map<String, Object>> cursorAfterFirstPage(Query q, Map<String, Object> values) {
        try (PreparedStatement ps = connection.prepareStatement(q.firstPage().jdbcSql())) {
            QueryBinding.bind(connection, schema, ps, q, q.firstPage().parameters(), values);
            List<Map<String, Object>> rows = QueryBinding.rows(ps);
            int size = q.page().map(p -> p.size()).orElse(0);
            if (rows.isEmpty() || rows.size() < size) {
                return Optional.empty();
            }
            return Optional.of(QueryBinding.cursor(q, rows.get(rows.size() - 1)));
        } catch (SQLException e) {
            throw fail(q.name() + " (first page)", e);
        }
    }

    @Override
    public Plan explainAnalyze(Query q, QuerySql sql, Map<String, Object> values) {
        String explain = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql.jdbcSql();
        try (PreparedStatement ps = connection.prepareStatement(explain)) {
            QueryBinding.bind(connection, schema, ps, q, sql.parameters(), values);
            StringBuilder json = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    json.append(rs.getString(1)).append('\n');
                }
            }
            return PlanParser.parseJson(json.toString(), "EXPLAIN of " + q.name());
        } catch (SQLException e) {
            throw fail("EXPLAIN ANALYZE of " + q.name(), e);
        }
    }

    @Override
    public Optional<Plan> explainGeneric(Query q, QuerySql sql, Map<String, Object> values, long timeoutMs) {
        String explain = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql.jdbcSql();
        try {
            connection.setAutoCommit(false);
            try (java.sql.Statement st = connection.createStatement()) {
                st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                st.execute("SET LOCAL statement_timeout = " + Math.max(1, timeoutMs));
            }
            try (PreparedStatement ps = connection.prepareStatement(explain)) {
                QueryBinding.bind(connection, schema, ps, q, sql.parameters(), values);
                StringBuilder json = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        json.append(rs.getString(1)).append('\n');
                    }
                }
                return Optional.of(PlanParser.parseJson(json.toString(), "EXPLAIN (generic plan) of " + q.name()));
            } catch (SQLException e) {
                if ("57014".equals(e.getSQLState())) {
                    return Optional.empty();
                }
                throw e;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw fail("EXPLAIN ANALYZE (generic plan) of " + q.name(), e);
        }
    }

    @Override
    public Timing execute(Query q, QuerySql sql, Map<String, Object> values) {
        try (PreparedStatement ps = connection.prepareStatement(sql.jdbcSql())) {
            QueryBinding.bind(connection, schema, ps, q, sql.parameters(), values);
            long t0 = System.nanoTime();
            long rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
            }
            return new Timing((System.nanoTime() - t0) / 1e6, rows);
        } catch (SQLException e) {
            throw fail(q.name(), e);
        }
    }

    // ---- writes ---------------------------------------------------------------------------------

    @Override
    public WriteMeasurement measureWrites(String tableName, List<String> updated, int rows) {
        Table table = schema.table(tableName).orElseThrow();
        List<String> key = table.primaryKey().orElseThrow().columns();
        List<String> secondary = table.indexes().stream().filter(i -> !i.unique()).map(Index::name).toList();
        boolean insert = updated.isEmpty();
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            try {
                exec(c, "SET TRANSACTION READ WRITE");
                int sampled = sample(c, table, key, updated, rows);
                double all = best(c, table, key, updated, insert, List.of());
                double hot = insert ? 0 : hotShare(c, table, key, updated);
                double none = best(c, table, key, updated, insert, secondary);
                List<WriteMeasurement.IndexCost> per = new ArrayList<>();
                for (String index : secondary) {
                    double without = best(c, table, key, updated, insert, List.of(index));
                    double saved = Math.max(0, all - without);
                    per.add(new WriteMeasurement.IndexCost(index, saved / sampled, all <= 0 ? 0 : saved / all));
                }
                return new WriteMeasurement(tableName, insert ? "insert" : "update", updated, sampled, all / sampled,
                        none / sampled, hot, per);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw fail("measuring writes on " + tableName, e);
        }
    }

    /**
     * Copies a random sample of rows into temporary tables: {@code _w_rows} (the rows, written
     * back by inserts) and, for updates, {@code _w_new} (other rows' values for the updated
     * columns, numbered to pair with the targets). For inserts, the sample is then deleted with
     * foreign-key triggers off so it can be written back.
     */
    private int sample(Connection c, Table t, List<String> key, List<String> updated, int rows) throws SQLException {
        String q = PgIdentifiers.quote(t.name());
        long total = count(c, q);
        double percent = Math.min(100, Math.max(0.01, 100.0 * rows * 3 / Math.max(1, total)));
        String sample = String.format(java.util.Locale.ROOT, " TABLESAMPLE SYSTEM (%.4f) REPEATABLE (7)", percent);
        exec(c, "CREATE TEMP TABLE _w_rows ON COMMIT DROP AS SELECT * FROM " + q + sample + " LIMIT " + rows);
        if (updated.isEmpty()) {
            exec(c, "SET LOCAL session_replication_role = replica");
            exec(c, "DELETE FROM " + q + " t USING _w_rows w WHERE " + match("t", "w", key));
            exec(c, "SET LOCAL session_replication_role = origin");
        } else {
            String cols = String.join(", ", updated.stream().map(PgIdentifiers::quote).toList());
            exec(c, "CREATE TEMP TABLE _w_new ON COMMIT DROP AS SELECT row_number() OVER () AS n, " + cols + " FROM "
                    + q + String.format(java.util.Locale.ROOT, " TABLESAMPLE SYSTEM (%.4f) REPEATABLE (11)", percent)
                    + " LIMIT " + rows);
            exec(c, "ALTER TABLE _w_rows ADD COLUMN _n bigint");
            exec(c, "UPDATE _w_rows w SET _n = r.n FROM (SELECT ctid AS c, row_number() OVER () AS n FROM _w_rows) r"
                    + " WHERE w.ctid = r.c");
        }
        exec(c, "ANALYZE _w_rows");
        return (int) count(c, "_w_rows");
    }

    /** The fastest of a few timed writes of the sample, each rolled back, without the given indexes. */
    private double best(Connection c, Table t, List<String> key, List<String> updated, boolean insert,
                        List<String> dropped) throws SQLException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < WRITE_REPEATS; i++) {
            exec(c, "SAVEPOINT w");
            try {
                for (String index : dropped) {
                    exec(c, "DROP INDEX " + PgIdentifiers.quote(index));
                }
                long t0 = System.nanoTime();
                exec(c, insert ? insertSql(t) : updateSql(t, key, updated));
                best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            } finally {
                exec(c, "ROLLBACK TO SAVEPOINT w");
            }
        }
        return best;
    }

    /** The share of updates PostgreSQL did as heap-only (HOT) tuples, with every index present. */
    private double hotShare(Connection c, Table t, List<String> key, List<String> updated) throws SQLException {
        exec(c, "SAVEPOINT h");
        try {
            long[] before = xactCounters(c, t.name());
            exec(c, updateSql(t, key, updated));
            long[] after = xactCounters(c, t.name());
            long upd = after[0] - before[0];
            return upd <= 0 ? 0 : (after[1] - before[1]) / (double) upd;
        } finally {
            exec(c, "ROLLBACK TO SAVEPOINT h");
        }
    }

    private long[] xactCounters(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables"
                + " WHERE relid = ?::regclass")) {
            ps.setString(1, PgIdentifiers.quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : new long[] {0, 0};
            }
        }
    }

    private static String insertSql(Table t) {
        List<String> cols = t.columns().stream().filter(col -> col.generated().isEmpty()).map(Column::name)
                .map(PgIdentifiers::quote).toList();
        boolean identity = t.columns().stream().anyMatch(col -> col.identity().isPresent());
        return "INSERT INTO " + PgIdentifiers.quote(t.name()) + " (" + String.join(", ", cols) + ")"
                + (identity ? " OVERRIDING SYSTEM VALUE" : "") + " SELECT " + String.join(", ", cols) + " FROM _w_rows";
    }

    /**
     * Updates the sampled rows with another row's values of the updated columns. Where an updated
     * column is part of a foreign key whose other columns stay (a tenant-scoped reference), the
     * values come from a row that agrees on those (same tenant), so the reference stays valid.
     */
    private static String updateSql(Table t, List<String> key, List<String> updated) {
        List<String> set = new ArrayList<>();
        for (String u : updated) {
            set.add(PgIdentifiers.quote(u) + " = v." + PgIdentifiers.quote(u));
        }
        List<String> pins = new ArrayList<>();
        for (io.accesspath.core.schema.ForeignKey fk : t.foreignKeys()) {
            if (fk.columns().stream().anyMatch(updated::contains)) {
                fk.columns().stream().filter(c -> !updated.contains(c) && !pins.contains(c)).forEach(pins::add);
            }
        }
        String source;
        if (pins.isEmpty()) {
            source = "_w_new v ON v.n = w._n";
        } else {
            String cols = String.join(", ", updated.stream().map(c -> "s." + PgIdentifiers.quote(c)).toList());
            source = "LATERAL (SELECT " + cols + " FROM " + PgIdentifiers.quote(t.name()) + " s WHERE "
                    + match("s", "w", pins) + " OFFSET (w._n % 5) LIMIT 1) v ON true";
        }
        return "UPDATE " + PgIdentifiers.quote(t.name()) + " t SET " + String.join(", ", set)
                + " FROM _w_rows w JOIN " + source + " WHERE " + match("t", "w", key);
    }

    /**
     * Stores an append-only table in the order of its time column, as rows inserted over time are
     * stored: BRIN indexes and the planner's correlation estimates depend on it.
     */
    @Override
    public void orderBy(String table, String column) {
        String t = PgIdentifiers.quote(table);
        String index = PgIdentifiers.quote("_accesspath_order_" + Math.abs(table.hashCode()));
        try (java.sql.Statement st = connection.createStatement()) {
            st.execute("CREATE INDEX " + index + " ON " + t + " (" + PgIdentifiers.quote(column) + ")");
            st.execute("CLUSTER " + t + " USING " + index);
            st.execute("DROP INDEX " + index);
        } catch (SQLException e) {
            throw fail("ordering " + table + " by " + column, e);
        }
    }

    private static String match(String a, String b, List<String> cols) {
        List<String> parts = new ArrayList<>();
        for (String col : cols) {
            parts.add(a + "." + PgIdentifiers.quote(col) + " = " + b + "." + PgIdentifiers.quote(col));
        }
        return String.join(" AND ", parts);
    }

    private static long count(Connection c, String table) throws SQLException {
        try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    public void dropIndexes(List<String> indexes) {
        try (java.sql.Statement st = connection.createStatement()) {
            for (String index : indexes) {
                st.execute("DROP INDEX " + PgIdentifiers.quote(index));
            }
        } catch (SQLException e) {
            throw fail("dropping indexes", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was written through it
        }
    }

    private UserError fail(String what, SQLException e) {
        return UserError.database(what + " failed on " + database.target() + ": "
                + String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip()
                + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]"), e);
    }
}
