package io.accesspath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code accesspath explain} as users run it: plan files, stdin, comparisons, and a live server. */
class ExplainCliIT {
    private static final Path PLANS = Cli.ROOT.resolve("core/src/test/resources/plans/diagnose/pg15");
    private static final String SERVER = System.getenv().getOrDefault("ACCESSPATH_TEST_PG_URL",
            "postgresql://postgres@127.0.0.1:5432/postgres");
    private static final String DB = "accesspath_it_explain_cli";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void createDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc("postgres")); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + DB);
        }
        try (Connection c = DriverManager.getConnection(jdbc(DB)); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customers (id bigint PRIMARY KEY, country text NOT NULL)");
            st.execute("INSERT INTO customers SELECT i, CASE WHEN i % 20 = 0 THEN 'NL' ELSE 'DE' END"
                    + " FROM generate_series(1, 50000) i");
            st.execute("ANALYZE customers");
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc("postgres")); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        }
    }

    private static String jdbc(String db) {
        return "jdbc:" + SERVER.substring(0, SERVER.lastIndexOf('/') + 1).replace("postgresql://postgres@",
                "postgresql://") + db + "?user=postgres";
    }

    private static String url() {
        return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + DB;
    }

    @Test
    void aTextPlanFileIsDiagnosed() {
        Cli.Result r = Cli.run("explain", "--plan", PLANS.resolve("correlated_subplan.txt").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("correlated-subplan (high)").contains("<< slowest");
    }

    @Test
    void jsonOutputIsPostgresShapedWithDiagnoses() throws Exception {
        String text = Files.readString(PLANS.resolve("correlated_subplan.txt"));
        Cli.Result r = Cli.runWithInput(text, "explain", "--plan", "-", "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = JSON.readTree(r.stdout());
        assertThat(json.get(0).path("Plan").path("Node Type").asText()).isEqualTo("Seq Scan");
        assertThat(json.get(0).path("Diagnoses").get(0).path("Kind").asText()).isEqualTo("correlated-subplan");
    }

    @Test
    void twoPlansAreCompared() {
        Cli.Result r = Cli.run("explain", "--compare", PLANS.resolve("missing_index.json").toString(),
                PLANS.resolve("missing_index_fixed.json").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).containsIgnoringCase("faster");
    }

    @Test
    void aLiveQueryIsExplainedAndAnalyzedReadOnly() {
        Cli.Result r = Cli.run("explain", "--url", url(), "--query",
                "SELECT * FROM customers WHERE country = 'NL' AND id > 10", "--analyze");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("Seq Scan on customers").contains("missing-index");
    }

    @Test
    void dataChangingStatementsNeedAnExplicitFlagAndAreRolledBack() throws Exception {
        Cli.Result refused = Cli.run("explain", "--url", url(), "--query", "DELETE FROM customers", "--analyze");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).startsWith("EXPLAIN ANALYZE would run this data-changing statement;");

        Cli.Result ran = Cli.run("explain", "--url", url(), "--query", "DELETE FROM customers", "--analyze",
                "--analyze-writes");
        assertThat(ran.exitCode()).as(ran.toString()).isZero();
        try (Connection c = DriverManager.getConnection(jdbc(DB)); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM customers")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(50_000);
        }

        Cli.Result ddl = Cli.run("explain", "--url", url(), "--query", "DROP TABLE customers");
        assertThat(ddl.exitCode()).isEqualTo(2);
        assertThat(ddl.stderr()).startsWith("cannot EXPLAIN a DROP statement");
    }

    @Test
    void badInputIsOneLine() {
        Cli.Result garbage = Cli.runWithInput("this is not a plan\n", "explain", "--plan", "-");
        assertThat(garbage.exitCode()).isEqualTo(2);
        assertThat(garbage.stderrLines()).singleElement().satisfies(l -> assertThat(l).startsWith("<stdin>:1:1: "));

        Cli.Result none = Cli.run("explain");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.stderrLines()).hasSize(1);

        Cli.Result badSql = Cli.run("explain", "--url", url(), "--query", "SELECT * FROM nowhere");
        assertThat(badSql.exitCode()).isEqualTo(3);
        assertThat(badSql.stderrLines()).singleElement().satisfies(l ->
                assertThat(l).contains("relation \"nowhere\" does not exist"));
    }
}
