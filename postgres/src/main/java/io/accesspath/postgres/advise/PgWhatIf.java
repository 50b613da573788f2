package io.accesspath.postgres.advise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accesspath.core.advise.WhatIf;
import io.accesspath.core.db.Database;
import io.accesspath.core.error.UserError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * The what-if costs of a workload on a live PostgreSQL: the planner's estimated total cost of
 * each statement when exactly a given set of candidate indexes exists.
 *
 * <p>Two ways to make an index exist without building it on a user's database:
 * <ul>
 *   <li>{@link Mode#HYPOPG}: hypothetical indexes (HypoPG's {@code hypopg_create_index}), private
 *       to this session and never written; the session is read-only (enforced by the server) and
 *       every statement has a time limit. Existing indexes left out of a configuration are hidden
 *       with {@code hypopg_hide_index} (HypoPG 1.4 and later); with an older HypoPG they always
 *       exist and are not candidates for removal. HypoPG simulates B-tree (and BRIN, hash) indexes,
 *       not GIN or GiST: such candidates are left out with a warning.</li>
 *   <li>{@link Mode#ROLLBACK}, for a throwaway database only (the embedded server): every
 *       candidate is built for real inside one transaction that is always rolled back, and an
 *       index left out of a configuration is dropped inside a savepoint for the one EXPLAIN.</li>
 * </ul>
 *
 * <p>Costs are cached per (statement, candidates on the statement's tables): a configuration
 * that differs only on other tables is answered from the cache; {@link #calls()} counts the
 * EXPLAINs that reached the planner. A statement with parameters and no values is costed by its
 * generic plan (PostgreSQL 16+: {@code EXPLAIN (GENERIC_PLAN)}; 15 and older: PREPARE with
 * {@code plan_cache_mode = force_generic_plan}, then EXPLAIN EXECUTE with NULL arguments).
 * Not thread-safe: one session, one connection.
 */
public final class PgWhatIf implements WhatIf, AutoCloseable {
    /** How indexes are made to exist. */
    public enum Mode { HYPOPG, ROLLBACK }

    /**
     * @param mode         hypothetical indexes, or real ones in a rolled-back transaction
     * @param writeCost    index entries written per second for a candidate (0 when unknown)
     * @param createHypoPg create the HypoPG extension when it is missing (an explicit opt-in: it
     *                     is the one write this class may make on a user's database)
     * @param log          progress and warnings for people
     */
    public record Settings(Mode mode, ToDoubleFunction<IndexDef> writeCost, boolean createHypoPg,
                           Consumer<String> log) {
        public static Settings hypoPg(Consumer<String> log) {
            return new Settings(Mode.HYPOPG, d -> 0, false, log);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Settings settings;
    private final Connection connection;
    private final HypoPg hypo;
    private final List<WorkloadQuery> queries = new ArrayList<>();
    private final Map<String, WorkloadStatement> statements = new LinkedHashMap<>();
    private final Map<String, Set<String>> tablesOf = new LinkedHashMap<>();
    private final Map<String, IndexDef> defs = new LinkedHashMap<>();
    private final List<IndexCandidate> candidates = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Double> cache = new HashMap<>();
    /** HYPOPG: candidate id to the oid of its hypothetical index, for those that exist now. */
    private final Map<String, Long> hypothetical = new HashMap<>();
    /** HYPOPG: existing indexes hidden now. */
    private final Set<String> hidden = new LinkedHashSet<>();
    private long calls;
    private long hits;
    /** ROLLBACK: the savepoint before the current question's drops exists. */
    private boolean savepoint;

    private PgWhatIf(Database db, Settings settings, Connection connection, HypoPg hypo) {
        this.db = db;
        this.settings = settings;
        this.connection = connection;
        this.hypo = hypo;
    }

    /**
     * Opens a session for a workload, generates candidates from its SQL ({@link Candidates}),
     * adds the existing indexes that may be dropped, and reads every candidate's size.
     *
     * @throws UserError when HypoPG is missing, when {@link Mode#ROLLBACK} is asked of a read-only
     *                   database, or when the database fails
     */
    public static PgWhatIf forWorkload(Database db, Settings settings, List<WorkloadStatement> workload) {
        return open(db, settings, workload, null);
    }

    /**
     * Opens a session with given candidates (CREATE INDEX statements, as diagnoses suggest them)
     * rather than generated ones.
     */
    public static PgWhatIf withCandidates(Database db, Settings settings, List<WorkloadStatement> workload,
                                          List<IndexDef> given) {
        return open(db, settings, workload, given);
    }

    private static PgWhatIf open(Database db, Settings settings, List<WorkloadStatement> workload,
                                 List<IndexDef> given) {
        if (settings.mode() == Mode.ROLLBACK && !db.writable()) {
            throw UserError.invalid("real indexes inside a rolled-back transaction are only built on a throwaway"
                    + " database, and " + db.target() + " is open read-only; install HypoPG there instead");
        }
        Connection c = db.open();
        PgWhatIf w = null;
        try {
            HypoPg hypo = settings.mode() == Mode.HYPOPG ? HypoPg.require(c, db.target(), settings.createHypoPg())
                    : null;
            try (Statement st = c.createStatement()) {
                if (settings.mode() == Mode.HYPOPG) {
                    st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
                    st.execute("SET default_transaction_read_only = on");
                }
                if (db.serverVersion().major() < 16) {
                    st.execute("SET plan_cache_mode = force_generic_plan");
                }
            }
            w = new PgWhatIf(db, settings, c, hypo);
            w.init(workload, given);
            return w;
        } catch (SQLException e) {
            closeQuietly(w, c);
            throw UserError.database("what-if session on " + db.target() + " failed: " + oneLine(e), e);
        } catch (RuntimeException e) {
            closeQuietly(w, c);
            throw e;
        }
    }

    private static void closeQuietly(PgWhatIf w, Connection c) {
        if (w != null) {
            w.close();
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing
        }
    }

    private void init(List<WorkloadStatement> workload, List<IndexDef> given) throws SQLException {
        Catalog catalog = Catalog.read(connection);
        Map<String, String> sqlById = new LinkedHashMap<>();
        for (WorkloadStatement s : workload) {
            if (statements.put(s.id(), s) != null) {
                throw UserError.invalid("two workload statements have the id " + s.id());
            }
            sqlById.put(s.id(), Placeholders.toDollar(s.sql()).sql());
        }
        Candidates.Result generated = Candidates.generate(catalog, sqlById);
        warnings.addAll(generated.warnings());
        tablesOf.putAll(generated.tablesOf());
        List<IndexDef> proposed = given != null ? given : generated.candidates();
        if (settings.mode() == Mode.ROLLBACK) {
            connection.setAutoCommit(false);
        }
        Set<String> touched = new TreeSet<>();
        tablesOf.values().forEach(touched::addAll);
        for (IndexDef d : proposed) {
            addCandidate(d);
        }
        boolean canHide = settings.mode() == Mode.ROLLBACK || hypo.canHide();
        for (Catalog.Existing e : catalog.indexes()) {
            IndexDef d = e.index();
            if (e.backsConstraint() || !touched.contains(d.schema() + "." + d.table())) {
                continue;
            }
            if (!canHide) {
                continue;
            }
            defs.put(d.name(), d);
            candidates.add(new IndexCandidate(d.name(), d.table(), d.keys(), e.sizeBytes(), d.ddl(true),
                    settings.writeCost().applyAsDouble(d), true));
        }
        if (!canHide && catalog.indexes().stream().anyMatch(e -> !e.backsConstraint())) {
            warnings.add("existing indexes are kept as they are, not weighed for removal: HypoPG " + hypo.version()
                    + " has no hypopg_hide_index (HypoPG 1.4 and later)");
        }
        for (WorkloadStatement s : workload) {
            try {
                savepoint("SAVEPOINT ap_explain");
                explain(s);
                savepoint("RELEASE SAVEPOINT ap_explain");
                queries.add(new WorkloadQuery(s.id(), s.weight(), s.sql()));
            } catch (SQLException e) {
                savepoint("ROLLBACK TO SAVEPOINT ap_explain");
                warnings.add(s.id() + ": left out of the workload, EXPLAIN failed: " + oneLine(e));
            }
        }
    }

    private void addCandidate(IndexDef d) throws SQLException {
        long size;
        try {
            size = settings.mode() == Mode.HYPOPG ? hypoSize(d) : buildForReal(d);
        } catch (SQLException e) {
            recover();
            warnings.add(d.name() + ": not a candidate, " + (settings.mode() == Mode.HYPOPG
                    ? "HypoPG cannot simulate it: " : "it cannot be built: ") + oneLine(e));
            return;
        }
        defs.put(d.name(), d);
        candidates.add(new IndexCandidate(d.name(), d.table(), d.keys(), size, d.ddl(true),
                settings.writeCost().applyAsDouble(d), false));
    }

    private long hypoSize(IndexDef d) throws SQLException {
        long oid = hypo.create(connection, d.anonymousDdl());
        try {
            return hypo.size(connection, oid);
        } finally {
            hypo.drop(connection, oid);
        }
    }

    private long buildForReal(IndexDef d) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SAVEPOINT ap_build");
            st.execute(d.ddl(false));
            st.execute("RELEASE SAVEPOINT ap_build");
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_relation_size(?::regclass)")) {
            ps.setString(1, qualifiedName(d));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String qualifiedName(IndexDef d) {
        return d.dropDdl(false).substring("DROP INDEX ".length());
    }

    /** In the rolled-back mode (one transaction), a savepoint command; nothing otherwise. */
    private void savepoint(String command) throws SQLException {
        if (settings.mode() == Mode.ROLLBACK) {
            try (Statement st = connection.createStatement()) {
                st.execute(command);
            }
        }
    }

    /** Back to a usable session after a failed statement. */
    private void recover() throws SQLException {
        if (settings.mode() == Mode.ROLLBACK) {
            try (Statement st = connection.createStatement()) {
                st.execute("ROLLBACK TO SAVEPOINT ap_build");
            } catch (SQLException ignored) {
                // no such savepoint: the failure was elsewhere, and the savepoint of a cost call is rolled back there
            }
        }
    }

    // ---- WhatIf ----------------------------------------------------------------------------------

    @Override
    public List<WorkloadQuery> queries() {
        return List.copyOf(queries);
    }

    @Override
    public List<IndexCandidate> candidates() {
        return List.copyOf(candidates);
    }

    @Override
    public long calls() {
        return calls;
    }

    /** Questions answered from the cache. */
    public long cacheHits() {
        return hits;
    }

    /** What left statements or candidates out, one sentence each. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The index behind a candidate id. */
    public Optional<IndexDef> index(String id) {
        return Optional.ofNullable(defs.get(id));
    }

    /** The tables ({@code schema.table}) a statement reads; empty when its SQL could not be parsed. */
    public Set<String> tablesOf(String queryId) {
        return tablesOf.getOrDefault(queryId, Set.of());
    }

    /** Whether an index can change the statement's plan: it is on a table the statement reads. */
    private boolean bears(String queryId, IndexDef d) {
        Set<String> tables = tablesOf.get(queryId);
        return tables == null || tables.contains(d.schema() + "." + d.table());
    }

    /**
     * The candidates on the tables the statement reads: none for a statement that reads no table
     * (INSERT ... VALUES), all of them when its SQL could not be parsed.
     */
    @Override
    public Set<String> relevant(String queryId) {
        Set<String> out = new TreeSet<>();
        for (IndexDef d : defs.values()) {
            if (bears(queryId, d)) {
                out.add(d.name());
            }
        }
        return out;
    }

    public Mode mode() {
        return settings.mode();
    }

    /** The configuration that is the database as it is: every existing candidate, nothing new. */
    public Set<String> current() {
        Set<String> out = new TreeSet<>();
        candidates.stream().filter(IndexCandidate::existing).forEach(c -> out.add(c.id()));
        return out;
    }

    @Override
    public double cost(String queryId, Set<String> configuration) {
        WorkloadStatement s = statements.get(queryId);
        if (s == null) {
            throw new IllegalArgumentException("no query " + queryId);
        }
        TreeSet<String> relevant = new TreeSet<>();
        List<IndexDef> onTables = new ArrayList<>();
        for (IndexDef d : defs.values()) {
            if (bears(queryId, d)) {
                onTables.add(d);
                if (configuration.contains(d.name())) {
                    relevant.add(d.name());
                }
            }
        }
        String key = queryId + "\u0000" + String.join("\u0000", relevant);
        Double cached = cache.get(key);
        if (cached != null) {
            hits++;
            return cached;
        }
        calls++;
        double cost;
        try {
            cost = settings.mode() == Mode.HYPOPG ? hypoCost(s, onTables, relevant) : rollbackCost(s, onTables, relevant);
        } catch (SQLException e) {
            throw UserError.database("what-if EXPLAIN of " + queryId + " on " + db.target() + " failed: " + oneLine(e), e);
        }
        cache.put(key, cost);
        return cost;
    }

    private double hypoCost(WorkloadStatement s, List<IndexDef> onTables, Set<String> relevant) throws SQLException {
        for (var it = hypothetical.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!relevant.contains(e.getKey())) {
                hypo.drop(connection, e.getValue());
                it.remove();
            }
        }
        for (IndexDef d : onTables) {
            boolean wanted = relevant.contains(d.name());
            if (d.existing()) {
                if (!wanted && hidden.add(d.name())) {
                    hypo.hide(connection, qualifiedName(d), true);
                } else if (wanted && hidden.remove(d.name())) {
                    hypo.hide(connection, qualifiedName(d), false);
                }
            } else if (wanted && !hypothetical.containsKey(d.name())) {
                hypothetical.put(d.name(), hypo.create(connection, d.anonymousDdl()));
            }
        }
        return explain(s);
    }

    private double rollbackCost(WorkloadStatement s, List<IndexDef> onTables, Set<String> relevant)
            throws SQLException {
        try (Statement st = connection.createStatement()) {
            // one round trip: undo the previous question's drops (the savepoint stays), drop this one's
            StringBuilder hide = new StringBuilder(savepoint ? "ROLLBACK TO SAVEPOINT ap_whatif" : "SAVEPOINT ap_whatif");
            savepoint = true;
            for (IndexDef d : onTables) {
                if (!relevant.contains(d.name())) {
                    hide.append(";\n").append(d.dropDdl(false));
                }
            }
            st.execute(hide.toString());
            return explain(s);
        }
    }

    /** The planner's total cost of one statement as the session stands. */
    double explain(WorkloadStatement s) throws SQLException {
        if (s.binder().isPresent()) {
            try (PreparedStatement ps = connection.prepareStatement("EXPLAIN (FORMAT JSON) " + strip(s.sql()))) {
                s.binder().get().bind(connection, ps);
                try (ResultSet rs = ps.executeQuery()) {
                    return totalCost(rs);
                }
            }
        }
        Placeholders.Converted p = Placeholders.toDollar(strip(s.sql()));
        try (Statement st = connection.createStatement()) {
            if (p.count() == 0) {
                try (ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) " + p.sql())) {
                    return totalCost(rs);
                }
            }
            if (db.serverVersion().major() >= 16) {
                // the simple query protocol: the extended one would have to bind values to $n
                st.unwrap(org.postgresql.core.BaseStatement.class).executeWithFlags(
                        "EXPLAIN (GENERIC_PLAN, FORMAT JSON) " + p.sql(),
                        org.postgresql.core.QueryExecutor.QUERY_EXECUTE_AS_SIMPLE);
                try (ResultSet rs = st.getResultSet()) {
                    return totalCost(rs);
                }
            }
            return totalCost(explainGenericPg15(st, p));
        }
    }

    /**
     * PostgreSQL 15 and older: PREPARE, then EXPLAIN EXECUTE with NULL arguments under
     * {@code plan_cache_mode = force_generic_plan} (set for the session), so the plan is the generic
     * one (its conditions show {@code $1}, not the NULL). A new prepared statement every time:
     * a cached generic plan would not see hypothetical indexes created since.
     */
    static JsonNode explainGenericPg15(Statement st, Placeholders.Converted p) throws SQLException {
        String name = "ap_whatif_" + Long.toHexString(System.nanoTime());
        st.execute("PREPARE " + name + " AS " + p.sql());
        try {
            StringBuilder args = new StringBuilder();
            for (int i = 0; i < p.count(); i++) {
                args.append(i == 0 ? "" : ", ").append("NULL");
            }
            try (ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) EXECUTE " + name + "(" + args + ")")) {
                return json(rs);
            }
        } finally {
            st.execute("DEALLOCATE " + name);
        }
    }

    private static double totalCost(ResultSet rs) throws SQLException {
        return totalCost(json(rs));
    }

    private static double totalCost(JsonNode plan) {
        return plan.get(0).get("Plan").get("Total Cost").asDouble();
    }

    static JsonNode json(ResultSet rs) throws SQLException {
        StringBuilder sb = new StringBuilder();
        while (rs.next()) {
            sb.append(rs.getString(1)).append('\n');
        }
        try {
            return JSON.readTree(sb.toString());
        } catch (java.io.IOException e) {
            throw new SQLException("EXPLAIN printed no JSON: " + e.getMessage(), e);
        }
    }

    private static String strip(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    static String oneLine(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.replaceAll("\\s+", " ").strip();
    }

    /** Ends the session: hypothetical indexes vanish with it, real ones are rolled back. */
    @Override
    public void close() {
        try {
            if (settings.mode() == Mode.ROLLBACK) {
                connection.rollback();
            } else if (hypo != null) {
                try (Statement st = connection.createStatement()) {
                    st.execute("SELECT hypopg_reset()");
                    if (!hidden.isEmpty()) {
                        st.execute("SELECT hypopg_unhide_all_indexes()");
                    }
                }
            }
        } catch (SQLException ignored) {
            // closing the connection ends the session's hypothetical state anyway
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to release
            }
        }
    }
}
