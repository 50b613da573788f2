package io.accesspath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accesspath queries} as users run it: the packaged jar in a subprocess. */
class QueriesCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void withoutOutItPrintsQueriesJsonAndNothingElse() throws IOException {
        Cli.Result r = Cli.run("queries", "examples/shop.yaml");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo(Files.readString(Cli.ROOT.resolve("examples/expected/shop/queries/queries.json")));
        JsonNode json = JSON.readTree(r.stdout());
        assertThat(json.path("format").asText()).isEqualTo("accesspath.queries");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void outWritesOneSqlFilePerPatternAndQueriesJsonAsTheGoldenCopies(@TempDir Path out) throws IOException {
        Cli.Result r = Cli.run("queries", "examples/saas.yaml", "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).startsWith("saas: 7 queries (PostgreSQL 14+)\n")
                .contains("  member_by_email  Index Scan on member using member_account_id_lower_email_key")
                .endsWith("wrote 8 files to " + out + "\n");
        Path golden = Cli.ROOT.resolve("examples/expected/saas/queries");
        try (Stream<Path> files = Files.list(golden)) {
            for (Path g : files.toList()) {
                assertThat(Files.readString(out.resolve(g.getFileName()), StandardCharsets.UTF_8)).as(g.toString())
                        .isEqualTo(Files.readString(g, StandardCharsets.UTF_8));
            }
        }
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void formatSqlPrintsEveryStatement() {
        Cli.Result r = Cli.run("queries", "examples/iot.yaml", "--format", "sql");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).startsWith("-- latest_readings: A device's dashboard: its last 100 readings.\n")
                .contains("ORDER BY location <-> point(:location_lon, :location_lat)\nLIMIT :limit;\n");
    }

    @Test
    void ormJpaWritesTheSourcesInTheirPackageDirectories(@TempDir Path out) throws IOException {
        Cli.Result r = Cli.run("queries", "examples/content.yaml", "--orm", "jpa", "--out", out.toString(),
                "--package", "org.acme.content");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path pkg = out.resolve("org/acme/content");
        assertThat(pkg.resolve("Article.java")).exists();
        assertThat(Files.readString(pkg.resolve("ArticleRepository.java"))).startsWith("package org.acme.content;\n")
                .contains("default Window<Article> homeFeed(ScrollPosition position) {");
        String expected = Files.readString(Cli.ROOT.resolve(
                "examples/expected/content/jpa/com/example/content/Article.java"));
        assertThat(Files.readString(pkg.resolve("Article.java")))
                .isEqualTo(expected.replace("com.example.content", "org.acme.content"));
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        for (List<String> args : List.of(
                List.of("queries", "examples/shop.yaml", "--orm", "jpa"),
                List.of("queries", "examples/shop.yaml", "--orm", "hibernate"),
                List.of("queries", "examples/shop.yaml", "--package", "com.example.shop"),
                List.of("queries", "examples/shop.yaml", "--orm", "jpa", "--out", "build/x", "--package", "com.int"),
                List.of("queries", "examples/shop.yaml", "--pg-version", "12"),
                List.of("queries", "core/src/test/resources/specs/invalid/not-yaml.yaml"))) {
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(args + "\n" + r).isEqualTo(2);
            assertThat(r.stderrLines()).as(args.toString()).hasSize(1);
            assertThat(r.stdout()).as(args.toString()).isEmpty();
        }
        Cli.Result jpa = Cli.run("queries", "examples/shop.yaml", "--orm", "jpa");
        assertThat(jpa.stderr()).isEqualTo("--orm jpa writes Java source files; add --out DIR\n");
    }
}
