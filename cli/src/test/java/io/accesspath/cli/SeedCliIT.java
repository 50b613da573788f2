package io.accesspath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accesspath seed} run as users run it: the built jar in a subprocess. */
class SeedCliIT {
    private static final String SHOP = "examples/shop.yaml";
    private static final String SERVER = System.getenv().getOrDefault("ACCESSPATH_TEST_PG_URL",
            "postgresql://postgres@127.0.0.1:5432/postgres");

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
        String name = "accesspath_it_seedcli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        psql(SERVER, "CREATE DATABASE " + name);
        String url = SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + name;
        try {
            Cli.Result design = Cli.run("design", SHOP, "--no-apply", "--out", dir.toString());
            assertThat(design.exitCode()).as(design.toString()).isZero();
            psql(url, "\\i " + dir.resolve("schema.sql"));
            psql(url, "ALTER TABLE customer DROP COLUMN country");
            Cli.Result r = Cli.run("seed", SHOP, "--url", url, "--scale", "0.0001");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.stderrLines()).containsExactly(
                    "table customer: column country (varchar(2) NOT NULL) is missing from the database",
                    "refusing to seed " + url + ": its schema does not match the design (1 blocking difference);"
                            + " migrate the database to the design first");
        } finally {
            psql(SERVER, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
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

    private static void psql(String url, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", command)
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("psql said: %s", said).isZero();
    }
}
