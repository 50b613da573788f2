package io.accesspath.bench;

import io.accesspath.core.db.ConnectOptions;
import io.accesspath.postgres.PgUrlDatabase;
import io.accesspath.postgres.advise.WorkloadStatement;
import io.accesspath.postgres.advise.Workloads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The index advisor's recommendations, measured for real: runs a weighted workload (a SQL file
 * with {@code -- weight:} comments) on a database, builds the recommended indexes, refreshes the
 * statistics, runs the workload again, and prints per query and in total the time before and
 * after, next to the planner's estimated cost before and after.
 *
 * <p>Each statement runs once to warm the caches, then {@code --runs} times; its time is the
 * median wall time seen by the client (executing and reading every row). The workload's time is
 * the sum over statements of weight times median: with weights in calls per minute, the database
 * time one minute of the workload takes. The indexes are dropped again at the end unless
 * {@code --keep}, so the database is back as it was.
 *
 * <p>Arguments: {@code --url URL --workload FILE.sql --indexes FILE.sql [--runs N] [--keep]}; the
 * indexes file holds CREATE INDEX statements separated by semicolons (comments ignored), e.g.
 * the {@code create} statements of {@code accesspath advise --format json}. Writes to the
 * database (it builds indexes): use a scratch copy, never a production database.
 */
public final class AdvisorRealBenchmark {
    record Timing(String id, double weight, double beforeMs, double afterMs, double beforeCost, double afterCost) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--keep")) {
                a.put("--keep", "true");
            } else if (i + 1 < args.length) {
                a.put(args[i], args[++i]);
            }
        }
        String url = require(a, "--url");
        List<WorkloadStatement> workload = Workloads.fromFile(Path.of(require(a, "--workload")));
        List<String> indexes = statements(Files.readString(Path.of(require(a, "--indexes")), StandardCharsets.UTF_8));
        int runs = Integer.parseInt(a.getOrDefault("--runs", "5"));
        boolean keep = a.containsKey("--keep");
        ConnectOptions options = ConnectOptions.DEFAULT.withWrites().withStatementTimeout(Duration.ZERO);
        try (PgUrlDatabase db = PgUrlDatabase.connect(url, options); Connection c = db.open()) {
            new AdvisorRealBenchmark().run(c, db.target(), workload, indexes, runs, keep);
        }
    }

    private static String require(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key
                    + " (arguments: --url URL --workload FILE.sql --indexes FILE.sql [--runs N] [--keep])");
        }
        return v;
    }

    /** The statements of a file separated by semicolons, comment lines dropped. */
    static List<String> statements(String text) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("--")) {
                kept.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String s : kept.toString().split(";")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    void run(Connection c, String target, List<WorkloadStatement> workload, List<String> indexes, int runs,
             boolean keep) throws SQLException {
        System.out.printf(Locale.ROOT, "Workload: %d statements on %s, %d timed runs each after one warm-up;"
                + " %d indexes to build.%n%n", workload.size(), target, runs, indexes.size());
        Map<String, double[]> before = new LinkedHashMap<>();
        for (WorkloadStatement s : workload) {
            before.put(s.id(), new double[] {median(c, s.sql(), runs), cost(c, s.sql())});
        }
        List<String> existing = indexNames(c);
        List<String> created = new ArrayList<>();
        long t0 = System.nanoTime();
        long bytes = 0;
        try {
            for (String ddl : indexes) {
                try (Statement st = c.createStatement()) {
                    st.execute(ddl);
                }
            }
            double buildS = (System.nanoTime() - t0) / 1e9;
            for (String name : indexNames(c)) {
                if (!existing.contains(name)) {
                    created.add(name);
                    bytes += size(c, name);
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE");
            }
            List<Timing> timings = new ArrayList<>();
            for (WorkloadStatement s : workload) {
                double[] b = before.get(s.id());
                timings.add(new Timing(s.id(), s.weight(), b[0], median(c, s.sql(), runs), b[1], cost(c, s.sql())));
            }
            print(timings, indexes, buildS, bytes);
        } finally {
            if (!keep) {
                for (String name : created) {
                    try (Statement st = c.createStatement()) {
                        st.execute("DROP INDEX IF EXISTS " + name);
                    }
                }
                try (Statement st = c.createStatement()) {
                    st.execute("ANALYZE");
                }
            }
        }
    }

    private static void print(List<Timing> timings, List<String> indexes, double buildS, long bytes) {
        System.out.println("Indexes built (" + String.format(Locale.ROOT, "%.1f s, %.1f MB", buildS, bytes / 1048576.0)
                + "):");
        System.out.println();
        for (String ddl : indexes) {
            System.out.println("    " + ddl.replaceAll("\\s+", " ") + ";");
        }
        System.out.println();
        System.out.println("| query | weight | before ms | after ms | speed-up | est. cost before | est. cost after |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        double tb = 0;
        double ta = 0;
        double cb = 0;
        double ca = 0;
        for (Timing t : timings) {
            System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.1fx | %.0f | %.0f |%n", t.id(), weight(t.weight()),
                    t.beforeMs(), t.afterMs(), t.beforeMs() / Math.max(t.afterMs(), 1e-3), t.beforeCost(), t.afterCost());
            tb += t.weight() * t.beforeMs();
            ta += t.weight() * t.afterMs();
            cb += t.weight() * t.beforeCost();
            ca += t.weight() * t.afterCost();
        }
        System.out.printf(Locale.ROOT, "| **weighted total** (sum of weight x time) | | %.0f | %.0f | %.1fx | %.0f | %.0f |%n",
                tb, ta, tb / Math.max(ta, 1e-3), cb, ca);
        System.out.println();
        System.out.printf(Locale.ROOT, "Weighted workload time: %.1f s before, %.1f s after (%.1f%% saved);"
                + " planner's weighted estimated cost: %.1f%% saved.%n", tb / 1000, ta / 1000, 100 * (1 - ta / tb),
                100 * (1 - ca / cb));
    }

    private static String weight(double w) {
        return w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w);
    }

    /** Median wall time in ms of running the statement and reading all its rows, after one warm-up. */
    private static double median(Connection c, String sql, int runs) throws SQLException {
        double[] ms = new double[runs];
        for (int i = -1; i < runs; i++) {
            long t = System.nanoTime();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(ms);
        return runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
    }

    /** The planner's estimated total cost. */
    private static double cost(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) " + sql)) {
            rs.next();
            String json = rs.getString(1);
            Matcher m = Pattern.compile("\"Total Cost\"\\s*:\\s*([0-9.eE+-]+)").matcher(json);
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        }
    }

    /** The indexes of the user's schemas, as regclass text (quoted and qualified where needed). */
    private static List<String> indexNames(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_class r"
                     + " ON r.oid = i.indrelid JOIN pg_namespace n ON n.oid = r.relnamespace"
                     + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static long size(Connection c, String index) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_relation_size('" + index.replace("'", "''") + "'::regclass)")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
