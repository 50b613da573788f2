package io.accesspath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accesspath seed} run as users run it: the built jar in a subprocess. */
class SeedCliIT {
    private static final String SHOP = "examples/shop.yaml";

    @TempDir
    Path dir;

    @Test
    void loadsTheEmbeddedDatabaseAndPrintsAJsonSummary() throws IOException {
        Cli.Result r = Cli.run("seed", SHOP, "--rows", "customer=500", "--rows", "category=20", "--rows", "product=100",
                "--rows", "order=1k", "--threads", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.stdout());
        assertThat(json.get("format").asText()).isEqualTo("accesspath.seed");
        assertThat(json.get("target").asText()).startsWith("embedded PostgreSQL");
        assertThat(json.get("output").asText()).isEqualTo("load");
        assertThat(json.get("seed").asLong()).isEqualTo(42);
        assertThat(json.get("tables")).hasSize(6);
        JsonNode orders = json.get("tables").get(3);
        assertThat(orders.get("table").asText()).isEqualTo("orders");
        assertThat(orders.get("status").asText()).isEqualTo("loaded");
        assertThat(orders.get("rows").asLong()).isEqualTo(1_000);
        assertThat(orders.has("seconds") && orders.has("rowsPerSecond") && orders.has("bytes")).isTrue();
        assertThat(json.get("totals").get("rows").asLong()).isEqualTo(500 + 20 + 100 + 1_000 + 3_000 + 200);
        assertThat(json.get("indexes").get("count").asInt()).isEqualTo(6);
        assertThat(json.get("foreignKeys").get("count").asInt()).isEqualTo(6);
        assertThat(r.stderr()).contains("starting an embedded PostgreSQL").contains("loaded order_line: 3,000 rows");
    }

    @Test
    void impossibleRequestsAreRefusedWithOneLineEachAndExitCode2() throws IOException {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, """
                name: bad
                entities:
                  item:
                    volume: {rows: 10k}
                    attributes:
                      kind: {type: enum, values: [a, b, c], unique: true}
                      code: {type: identifier, max_length: 2, unique: true}
                access_patterns:
                  - {name: by_id, entity: item, where: [id: eq], frequency: 1/s}
                """);
        Cli.Result r = Cli.run("seed", spec.toString(), "--format", "csv", "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderrLines()).containsExactly(
                spec + ":6:7: entity 'item', attribute 'kind': unique enum of 3 values has at most 3 distinct values but"
                        + " 10,000 rows are requested; seed at most 3 rows (--rows item=3), widen the type, or drop unique",
                spec + ":7:7: entity 'item', attribute 'code': unique identifier (max_length 2) has at most 1,296 distinct"
                        + " values but 10,000 rows are requested; seed at most 1296 rows (--rows item=1296), widen the"
                        + " type, or drop unique");
        assertThat(dir.resolve("out")).doesNotExist();

        assertThat(Cli.run("seed", SHOP, "--scale", "0", "--format", "csv", "--out", dir.toString()).stderrLines())
                .containsExactly("--scale must be a number greater than 0, got 0.0; for example --scale 0.01 for 1% of the"
                        + " declared volume");
        Cli.Result unknown = Cli.run("seed", SHOP, "--rows", "shoes=5", "--format", "csv", "--out", dir.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderrLines()).containsExactly("--rows names entity 'shoes', which shop does not have;"
                + " entities: customer, category, product, order, order_line");
        Cli.Result noOut = Cli.run("seed", SHOP, "--format", "sql");
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.stderrLines()).containsExactly("--format sql needs --out DIR; name the directory to write"
                + " seed.sql into");
    }

    @Test
    void csvIsByteIdenticalWithOneOrFourThreads() throws Exception {
        Path one = dir.resolve("one");
        Path four = dir.resolve("four");
        Cli.Result a = Cli.run("seed", SHOP, "--scale", "0.001", "--format", "csv", "--out", one.toString(),
                "--threads", "1");
        Cli.Result b = Cli.run("seed", SHOP, "--scale", "0.001", "--format", "csv", "--out", four.toString(),
                "--threads", "4");
        assertThat(a.exitCode()).as(a.toString()).isZero();
        assertThat(b.exitCode()).as(b.toString()).isZero();
        assertThat(hashes(four)).isEqualTo(hashes(one)).hasSize(7);
        JsonNode json = new ObjectMapper().readTree(a.stdout());
        assertThat(json.get("output").asText()).isEqualTo("csv");
        assertThat(json.get("files")).hasSize(7);
    }

    @Test
    void aUrlWhoseSchemaDiffersIsRefusedWithExitCode3() throws Exception {
        String name = ServerDatabases.create("ap_seed_it_cli_");
        String url = ServerDatabases.url(name);
        try {
            ServerDatabases.applySchema(url, SHOP, dir);
            ServerDatabases.psql(url, "ALTER TABLE customer DROP COLUMN country");
            Cli.Result r = Cli.run("seed", SHOP, "--url", url, "--scale", "0.0001");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.stderrLines()).containsExactly(
                    "table customer: column country (varchar(2) NOT NULL) is missing from the database",
                    "refusing to seed " + url + ": its schema does not match the design (1 blocking difference);"
                            + " migrate the database to the design first");
        } finally {
            ServerDatabases.drop(name);
        }
    }

    @Test
    void aLoadThatFailsLeavesNoHalfFilledTableAndSaysWhatWasLoaded() throws Exception {
        String name = ServerDatabases.create("ap_seed_it_cli_");
        String url = ServerDatabases.url(name);
        try {
            ServerDatabases.applySchema(url, SHOP, dir);
            // A constraint of the user's database that the design does not know: orders fail part way.
            ServerDatabases.psql(url, "ALTER TABLE orders ADD CONSTRAINT orders_small CHECK (total_amount < 150)");
            Cli.Result r = Cli.run("seed", SHOP, "--url", url, "--rows", "customer=500", "--rows", "order=20k");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.stderrLines()).anySatisfy(l -> assertThat(l).startsWith("loading table orders into " + url
                    + " failed: new row for relation \"orders\" violates check constraint \"orders_small\""));
            assertThat(r.stderrLines()).anySatisfy(l -> assertThat(l).startsWith("table orders was rolled back and"
                    + " holds no seeded rows; loaded: customer, category, product")
                    .containsPattern("not loaded: .*order_line"));
            assertThat(r.stdout()).isEmpty();
            assertThat(ServerDatabases.psql(url, "SELECT count(*) FROM orders")).isEqualTo("0");
            assertThat(ServerDatabases.psql(url, "SELECT count(*) FROM order_line")).isEqualTo("0");
            assertThat(ServerDatabases.psql(url, "SELECT count(*) FROM customer")).isEqualTo("500");
        } finally {
            ServerDatabases.drop(name);
        }
    }

    private static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                out.put(f.getFileName().toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }
}
