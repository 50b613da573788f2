package io.accesspath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code accesspath verify --url} on a user's database (a scratch database on the PostgreSQL
 * server, its schema applied as migrations would and its data loaded by {@code seed --url}):
 * every pattern is checked on the data as it is, at one scale, read-only, and the database is
 * left exactly as it was: same tables, indexes, statistics counters of writes, rows.
 */
class VerifyUrlCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOP = "examples/shop.yaml";
    /** Everything about the database verify could change: indexes, rows written, vacuums, analyzes. */
    private static final String STATE = "SELECT string_agg(t, ' | ' ORDER BY t) FROM ("
            + " SELECT indexdef AS t FROM pg_indexes WHERE schemaname = 'public'"
            + " UNION ALL SELECT relname || ' ins=' || n_tup_ins || ' upd=' || n_tup_upd || ' del=' || n_tup_del"
            + " || ' live=' || n_live_tup || ' vac=' || vacuum_count || ' an=' || analyze_count"
            + " FROM pg_stat_user_tables) s";

    @TempDir
    Path dir;

    @Test
    void theDataAsItIsIsVerifiedReadOnlyAndTheDatabaseIsLeftAsItWas() throws Exception {
        String name = ServerDatabases.create("ap_verify_it_url_");
        String url = ServerDatabases.url(name);
        try {
            ServerDatabases.applySchema(url, SHOP, dir.resolve("design"));
            Cli.Result seed = Cli.run("seed", SHOP, "--url", url, "--rows", "order=40k", "--rows", "customer=4k");
            assertThat(seed.exitCode()).as(seed.toString()).isZero();
            ServerDatabases.psql(url, "VACUUM ANALYZE");
            // the statistics collector publishes counters with a delay: wait until they settle
            String before = settled(url);

            Cli.Result r = Cli.run("verify", SHOP, "--url", url, "--runs", "5", "--report", dir.resolve("r").toString());
            assertThat(r.exitCode()).as(r.toString()).isIn(0, 1);
            JsonNode report = JSON.readTree(Files.readString(dir.resolve("r/report.json")));
            assertThat(report.path("scales")).hasSize(1);
            assertThat(report.path("scales").get(0).path("totalRows").asLong()).isGreaterThan(40_000);
            assertThat(report.path("writes")).isEmpty();
            assertThat(report.path("patterns")).hasSize(9);
            for (JsonNode p : report.path("patterns")) {
                JsonNode runs = p.path("runs");
                assertThat(runs).as(p.path("name").asText()).hasSize(1);
                assertThat(runs.get(0).path("variants")).as(p.path("name").asText()).isNotEmpty();
                if (p.path("status").asText().equals("fail")) {
                    // at this size only a missed latency target (a busy machine) may fail it
                    assertThat(p.path("problems").toString()).as(r.toString()).contains("exceeds the target");
                }
            }
            assertThat(r.stdout()).contains("customer_orders").contains("orders_customer_id_status_placed_at_id");

            assertThat(settled(url)).as("the database after verify").isEqualTo(before);
        } finally {
            ServerDatabases.drop(name);
        }
    }

    @Test
    void withoutIndexIsRefusedOnAUsersDatabase() throws Exception {
        Cli.Result r = Cli.run("verify", SHOP, "--url", "postgresql://postgres@127.0.0.1:5432/postgres",
                "--without-index", "orders_placed_at_id_paid_idx");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderrLines()).singleElement().satisfies(l -> assertThat(l).contains("--without-index drops indexes"));
    }

    /** The database's state once the statistics counters stop moving (they are flushed with a delay). */
    private static String settled(String url) throws Exception {
        String last = ServerDatabases.psql(url, "SELECT pg_stat_clear_snapshot(); " + STATE);
        for (int i = 0; i < 20; i++) {
            Thread.sleep(600);
            String now = ServerDatabases.psql(url, "SELECT pg_stat_clear_snapshot(); " + STATE);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }
}
