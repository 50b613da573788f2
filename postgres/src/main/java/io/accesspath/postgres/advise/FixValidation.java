package io.accesspath.postgres.advise;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesspath.core.db.Database;
import io.accesspath.core.error.UserError;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proves a suggested index before anyone builds it: {@link #validate} asks the planner about it as
 * a hypothetical index (HypoPG, read-only) and reports the statement's estimated cost before and
 * after; {@link #measure} builds it for real inside a transaction that is always rolled back and
 * reports EXPLAIN ANALYZE times before and after (this takes a SHARE lock on the table while the
 * index builds: writes to it wait).
 */
public final class FixValidation {
    private static final Pattern CREATE = Pattern.compile("(?is)^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+"
            + "(CONCURRENTLY\\s+)?(IF\\s+NOT\\s+EXISTS\\s+)?(?:(\"[^\"]+\"|[^\\s(\"]+)\\s+)??ON\\s+(ONLY\\s+)?"
            + "((?:\"[^\"]+\"|[^\\s(.\"]+)(?:\\.(?:\"[^\"]+\"|[^\\s(.\"]+))?)\\s*(?:USING\\s+(\\w+)\\s*)?\\((.*)$");

    private FixValidation() {
    }

    /** One index's estimated cost effect. */
    public record Validation(String ddl, double before, double after) {
        /** Whether the planner would use it: the cost drops by more than 1%. */
        public boolean helps() {
            return after < before * 0.99;
        }
    }

    /** One index's measured effect. */
    public record Measurement(String ddl, double beforeMs, double afterMs, double buildMs, boolean used) {}

    /** The CREATE INDEX statements in a fix's SQL (other statements are skipped). */
    public static List<String> createIndexStatements(String sql) {
        List<String> out = new ArrayList<>();
        for (String s : sql.split(";")) {
            if (CREATE.matcher(s).find()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /**
     * A CREATE INDEX statement as an index the what-if session can create or hide, named {@code name}.
     *
     * @throws UserError for a statement that is not a CREATE INDEX this can read
     */
    static IndexDef parse(String ddl, String name) {
        Matcher m = CREATE.matcher(ddl.strip().replaceAll(";\\s*$", ""));
        if (!m.find()) {
            throw UserError.invalid("not a CREATE INDEX statement: " + ddl);
        }
        String rest = m.group(8);
        int depth = 1;
        int i = 0;
        while (i < rest.length() && depth > 0) {
            char c = rest.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            i++;
        }
        String keys = rest.substring(0, i - 1).strip();
        String tail = rest.substring(i).strip();
        List<String> include = List.of();
        Optional<String> where = Optional.empty();
        Matcher inc = Pattern.compile("(?is)^INCLUDE\\s*\\(([^)]*)\\)\\s*(.*)$").matcher(tail);
        if (inc.find()) {
            include = List.of(inc.group(1).strip());
            tail = inc.group(2).strip();
        }
        Matcher wh = Pattern.compile("(?is)^WHERE\\s+(.*)$").matcher(tail);
        if (wh.find()) {
            where = Optional.of(wh.group(1).strip());
        }
        String table = m.group(6);
        String schema = "public";
        int dot = table.indexOf('.');
        if (dot > 0 && !table.startsWith("\"")) {
            schema = table.substring(0, dot);
            table = table.substring(dot + 1);
        }
        String method = m.group(7) == null ? "btree" : m.group(7).toLowerCase(Locale.ROOT);
        return new IndexDef(name, unquote(schema), unquote(table), method, List.of(keys), include, where, false);
    }

    private static String unquote(String s) {
        return s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
    }

    /**
     * The estimated cost of {@code sql} with and without each index, through HypoPG on {@code db}
     * (read-only; hypothetical indexes live only in this session).
     */
    public static List<Validation> validate(Database db, String sql, List<String> ddls, boolean createHypoPg,
                                            Consumer<String> log) {
        List<IndexDef> defs = new ArrayList<>();
        for (int i = 0; i < ddls.size(); i++) {
            defs.add(parse(ddls.get(i), "ap_fix_" + (i + 1)));
        }
        WorkloadStatement q = WorkloadStatement.of("query", 1, sql);
        List<Validation> out = new ArrayList<>();
        try (PgWhatIf w = PgWhatIf.withCandidates(db, new PgWhatIf.Settings(PgWhatIf.Mode.HYPOPG, d -> 0,
                createHypoPg, log), List.of(q), defs)) {
            w.warnings().stream().filter(m -> !m.contains("hypopg_hide_index")).forEach(log);
            if (w.queries().isEmpty()) {
                throw UserError.invalid("cannot validate: EXPLAIN of the statement failed on " + db.target());
            }
            Set<String> current = w.current();
            double before = w.cost("query", current);
            for (int i = 0; i < defs.size(); i++) {
                String id = defs.get(i).name();
                if (w.candidates().stream().noneMatch(c -> c.id().equals(id))) {
                    continue; // HypoPG cannot simulate it (a warning says why)
                }
                Set<String> with = new TreeSet<>(current);
                with.add(id);
                out.add(new Validation(ddls.get(i), before, w.cost("query", with)));
            }
        }
        return out;
    }

    /**
     * EXPLAIN ANALYZE of {@code sql} (a SELECT) before and after building each index for real,
     * inside one transaction that is always rolled back; each index is dropped again (within the
     * transaction) before the next is measured. {@code db} must be writable: the caller asked for
     * this explicitly.
     */
    public static List<Measurement> measure(Database db, String sql, List<String> ddls) {
        String first = Workloads.firstWord(sql);
        if (!first.equals("select") && !first.equals("with") && !first.equals("values") && !first.equals("table")) {
            throw UserError.invalid("--measure runs the statement: only a SELECT is measured, not a "
                    + first.toUpperCase(Locale.ROOT));
        }
        String body = sql.strip().replaceAll(";\\s*$", "");
        List<Measurement> out = new ArrayList<>();
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION READ WRITE");
                double before = best(st, body);
                for (int i = 0; i < ddls.size(); i++) {
                    IndexDef d = parse(ddls.get(i), "ap_measure_" + (i + 1));
                    st.execute("SAVEPOINT ap_measure");
                    long t0 = System.nanoTime();
                    st.execute(d.ddl(false));
                    double build = (System.nanoTime() - t0) / 1e6;
                    double after = best(st, body);
                    boolean used;
                    try (var rs = st.executeQuery("EXPLAIN (FORMAT JSON) " + body)) {
                        used = PgWhatIf.json(rs).toString().contains(d.name());
                    }
                    st.execute("ROLLBACK TO SAVEPOINT ap_measure");
                    out.add(new Measurement(ddls.get(i), before, after, build, used));
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw UserError.database("--measure on " + db.target() + " failed: " + PgWhatIf.oneLine(e), e);
        }
        return out;
    }

    /** The best of three EXPLAIN ANALYZE execution times (the first run warms the cache). */
    private static double best(Statement st, String body) throws SQLException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            try (var rs = st.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + body)) {
                JsonNode plan = PgWhatIf.json(rs);
                best = Math.min(best, plan.get(0).get("Execution Time").asDouble());
            }
        }
        return best;
    }
}
