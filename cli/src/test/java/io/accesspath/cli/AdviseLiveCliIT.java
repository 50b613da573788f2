package io.accesspath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code accesspath advise} on live databases, as users run it: a SQL workload on the PostgreSQL
 * server through HypoPG (read-only: nothing created), a recorded matrix replayed offline with the
 * same choice, the spec's patterns on an embedded seeded database, and the errors of a database
 * without HypoPG.
 */
class AdviseLiveCliIT {
    private static final String HOST = "127.0.0.1:5432";
    /** Unique per run: another worktree's run of this test may be using the same server. */
    private static final String SUFFIX = Long.toHexString(new java.security.SecureRandom().nextLong() & 0xffffffffL);
    private static final String DB = "ap_live_cli_" + SUFFIX;
    private static final String BARE = "ap_live_cli_bare_" + SUFFIX;
    private static final String SHOP = "ap_live_cli_shop_" + SUFFIX;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @BeforeAll
    static void createDatabases() throws Exception {
        boolean hypopg;
        try (Connection c = jdbc("postgres"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'hypopg'")) {
                hypopg = rs.next();
            }
            if (!hypopg && "true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("the server has no HypoPG; .ci/run should install postgresql-15-hypopg");
            }
            Assumptions.assumeTrue(hypopg, "the server has no HypoPG: apt-get install postgresql-15-hypopg");
            for (String db : List.of(DB, BARE, SHOP)) {
                st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                st.execute("CREATE DATABASE " + db);
            }
        }
        try (Connection c = jdbc(DB); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION hypopg");
            st.execute("CREATE TABLE t (id bigint PRIMARY KEY, a int NOT NULL, b int NOT NULL, c text NOT NULL)");
            st.execute("INSERT INTO t SELECT g, g % 5000, g % 7, md5(g::text) FROM generate_series(1, 200000) g");
            st.execute("CREATE INDEX t_b_idx ON t (b)");
            st.execute("ANALYZE t");
        }
        try (Connection c = jdbc(BARE); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id bigint PRIMARY KEY, a int NOT NULL)");
        }
        Files.writeString(dir.resolve("w.sql"), """
                -- name: by_a
                -- weight: 100
                SELECT id, c FROM t WHERE a = $1;

                -- name: by_c
                -- weight: 20
                SELECT * FROM t WHERE c = ?;
                """);
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        try (Connection c = jdbc("postgres"); Statement st = c.createStatement()) {
            for (String db : List.of(DB, BARE, SHOP)) {
                st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    private static Connection jdbc(String db) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + "/" + db + "?user=postgres");
    }

    private static String url(String db) {
        return "postgresql://postgres@" + HOST + "/" + db;
    }

    private static List<String> fingerprint(String db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = jdbc(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'"
                     + " UNION ALL SELECT 'extension ' || extname FROM pg_extension ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void aSqlWorkloadThroughHypoPgChangesNothingAndItsRecordedMatrixGivesTheSameChoice() throws Exception {
        List<String> before = fingerprint(DB);
        Path matrix = dir.resolve("m.json");
        Cli.Result live = Cli.run("advise", "--url", url(DB), "--workload", dir.resolve("w.sql").toString(),
                "--budget-mb", "10", "--format", "json", "--record-matrix", matrix.toString());
        assertThat(live.exitCode()).as(live.toString()).isZero();
        JsonNode a = JSON.readTree(live.stdout());
        assertThat(a.get("chosen").toString()).isEqualTo("[\"t_a_idx\"]"); // 5 MB; t (c) needs 12 MB
        assertThat(a.get("relativeCost").asDouble()).isLessThan(0.5);
        JsonNode byA = a.get("queries").get(0);
        assertThat(byA.get("id").asText()).isEqualTo("by_a");
        assertThat(byA.get("after").asDouble()).isLessThan(byA.get("before").asDouble() / 5);
        assertThat(a.get("indexes").get(0).get("sql").asText()).isEqualTo("CREATE INDEX CONCURRENTLY t_a_idx ON t (a);");
        assertThat(live.stderr()).contains("through HypoPG (read-only)").contains("what-if EXPLAINs");
        assertThat(fingerprint(DB)).isEqualTo(before);

        Cli.Result replay = Cli.run("advise", "--cost-matrix", matrix.toString(), "--budget-mb", "10", "--format",
                "json");
        assertThat(replay.exitCode()).as(replay.toString()).isZero();
        JsonNode b = JSON.readTree(replay.stdout());
        assertThat(b.get("chosen")).isEqualTo(a.get("chosen"));
        assertThat(b.get("cost").asDouble()).isEqualTo(a.get("cost").asDouble());

        Cli.Result bigger = Cli.run("advise", "--url", url(DB), "--workload", dir.resolve("w.sql").toString(),
                "--budget-mb", "40");
        assertThat(bigger.exitCode()).as(bigger.toString()).isZero();
        assertThat(bigger.stdout()).contains("CREATE INDEX CONCURRENTLY t_a_idx ON t (a);")
                .contains("CREATE INDEX CONCURRENTLY t_c_idx ON t (c);").containsPattern("by_c +20 ");
    }

    @Test
    void explainValidatesAndMeasuresTheSuggestedIndexAndLeavesTheDatabaseAsItWas() throws Exception {
        List<String> before = fingerprint(DB);
        Cli.Result r = Cli.run("explain", "--url", url(DB), "--query", "SELECT * FROM t WHERE a = 42", "--analyze",
                "--validate", "--measure");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("missing-index")
                .containsPattern("CREATE INDEX ON t \\(a\\): cost [0-9,]+ -> [0-9,.]+ \\(-[0-9.]+%\\) the planner uses it")
                .containsPattern("CREATE INDEX ON t \\(a\\): [0-9.,]+ ms -> [0-9.,]+ ms .* used by the plan");
        assertThat(r.stderr()).contains("SHARE-locked");
        assertThat(fingerprint(DB)).isEqualTo(before);

        Cli.Result json = Cli.run("explain", "--url", url(DB), "--query", "SELECT * FROM t WHERE a = 42", "--analyze",
                "--validate", "--format", "json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode v = JSON.readTree(json.stdout()).get(0).get("Fix Validation").get(0);
        assertThat(v.get("SQL").asText()).isEqualTo("CREATE INDEX ON t (a)");
        assertThat(v.get("Cost After").asDouble()).isLessThan(v.get("Cost Before").asDouble() / 5);
        assertThat(v.get("Helps").asBoolean()).isTrue();
    }

    @Test
    void withoutHypoPgTheUserGetsTheOneLineFixAndTheDatabaseIsLeftAlone() throws Exception {
        List<String> before = fingerprint(BARE);
        Cli.Result r = Cli.run("advise", "--url", url(BARE), "--workload", dir.resolve("w.sql").toString(),
                "--budget-mb", "10");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.stderr()).contains("HypoPG is not installed in " + url(BARE))
                .contains("CREATE EXTENSION hypopg").contains("--create-hypopg").doesNotContain("Exception");
        assertThat(fingerprint(BARE)).isEqualTo(before);
    }

    @Test
    void pgStatStatementsNeedsTheExtension() {
        Cli.Result r = Cli.run("advise", "--url", url(BARE), "--pg-stat-statements", "--budget-mb", "10");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.stderr()).contains("pg_stat_statements is not installed");
    }

    @Test
    void workloadFlagsAreChecked() {
        Cli.Result none = Cli.run("advise", "--budget-mb", "10");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.stderr()).contains("give a workload");
        Cli.Result noUrl = Cli.run("advise", "--workload", dir.resolve("w.sql").toString(), "--budget-mb", "10");
        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.stderr()).contains("--workload needs a database");
    }

    @Test
    void theSpecsPatternsOnAUsersDatabaseThroughHypoPg() throws Exception {
        Path out = dir.resolve("shop");
        Cli.Result design = Cli.run("design", "examples/shop.yaml", "--out", out.toString(), "--no-apply");
        assertThat(design.exitCode()).as(design.toString()).isZero();
        try (Connection c = jdbc(SHOP); Statement st = c.createStatement()) {
            st.execute(Files.readString(out.resolve("schema.sql")));
            st.execute("CREATE EXTENSION hypopg");
        }
        Cli.Result seed = Cli.run("seed", "examples/shop.yaml", "--url", url(SHOP), "--scale", "0.001");
        assertThat(seed.exitCode()).as(seed.toString()).isZero();
        try (Connection c = jdbc(SHOP); Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE");
        }
        List<String> before = fingerprint(SHOP);
        Cli.Result r = Cli.run("advise", "--spec", "examples/shop.yaml", "--url", url(SHOP), "--budget-mb", "50",
                "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode a = JSON.readTree(r.stdout());
        assertThat(a.get("queries")).hasSize(9);
        assertThat(a.get("queries").get(0).get("weight").asDouble()).isEqualTo(300); // customer_orders: 300/s
        assertThat(a.get("relativeCost").asDouble()).isLessThanOrEqualTo(1.0);
        assertThat(r.stderr()).contains("through HypoPG (read-only): 9 statements")
                .contains("HypoPG cannot simulate it"); // the GIN candidate of the search pattern
        assertThat(fingerprint(SHOP)).isEqualTo(before);
    }

    @Test
    void theSpecsPatternsOnAnEmbeddedSeededDatabase() throws Exception {
        Cli.Result r = Cli.run("advise", "--spec", "examples/shop.yaml", "--scale", "0.001", "--budget-mb", "100",
                "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode a = JSON.readTree(r.stdout());
        List<String> queries = new ArrayList<>();
        a.get("queries").forEach(q -> queries.add(q.get("id").asText()));
        assertThat(queries).contains("customer_orders", "recent_orders_of_customer", "product_search");
        // the designed indexes are the existing ones: the baseline is the design
        assertThat(a.get("relativeCost").asDouble()).isLessThanOrEqualTo(1.0);
        assertThat(r.stderr()).contains("seeding at scale 0.001").contains("rolled back");
    }
}
