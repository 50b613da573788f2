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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CLI as users run it: the packaged jar in a subprocess. */
class DesignCliIT {
    private static final Path INVALID = Cli.ROOT.resolve("core/src/test/resources/specs/invalid");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void designWritesTheFourFilesAndProvesTheSchemaOnAnEmbeddedPostgres(@TempDir Path out) throws IOException {
        Cli.Result r = Cli.run("design", "examples/shop.yaml", "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).startsWith("shop: 6 tables, ")
                .contains("index orders_customer_id_status_placed_at_id_total_amount_idx  serves customer_orders")
                .contains("applied to embedded PostgreSQL 17.7: ");
        for (String f : List.of("schema.sql", "design.md", "erd.mmd", "design.json")) {
            Path file = out.resolve(f);
            assertThat(file).exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(Cli.ROOT.resolve("examples/expected/shop").resolve(f)));
        }
        assertThat(r.stderr()).doesNotContain("Exception").doesNotContain("INFO");
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void formatJsonPrintsDesignJsonAndNothingElseOnStdout() throws IOException {
        Cli.Result r = Cli.run("design", "examples/iot.yaml", "--format", "json", "--no-apply");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = JSON.readTree(r.stdout());
        assertThat(json.path("format").asText()).isEqualTo("accesspath.design");
        assertThat(r.stdout()).isEqualTo(Files.readString(Cli.ROOT.resolve("examples/expected/iot/design.json")));
    }

    @Test
    void pgVersionSelectsTheTargetAndUsesItsFeatures() throws IOException {
        Cli.Result r = Cli.run("design", "examples/saas.yaml", "--pg-version", "15", "--format", "json", "--no-apply");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = JSON.readTree(r.stdout());
        assertThat(json.path("target").path("version").asInt()).isEqualTo(15);
        assertThat(r.stdout()).contains("\"setNullColumns\"");
    }

    @Test
    void theDesignIsProvedOnTheUsersDatabaseInsideATransactionThatIsRolledBack() {
        Cli.Result r = Cli.run("design", "examples/content.yaml", "--no-apply", "--url",
                "postgresql://postgres@127.0.0.1:5432/postgres");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("proved on postgresql://postgres@127.0.0.1:5432/postgres (PostgreSQL 15.")
                .contains("inside a transaction that was rolled back; nothing changed");
    }

    @Test
    void anUnreachableDatabaseIsOneLineAndExitCode3() {
        Cli.Result r = Cli.run("design", "examples/shop.yaml", "--no-apply", "--url",
                "postgresql://postgres@127.0.0.1:1/nowhere");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stderrLines()).singleElement().satisfies(l ->
                assertThat(l).startsWith("cannot connect to postgresql://postgres@127.0.0.1:1/nowhere"));
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void checkAcceptsEveryExample() {
        for (String name : List.of("shop", "saas", "iot", "content")) {
            Cli.Result r = Cli.run("check", "examples/" + name + ".yaml");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stdout()).startsWith("examples/" + name + ".yaml: ok (");
        }
    }

    static Stream<String> malformedSpecs() throws IOException {
        try (Stream<Path> files = Files.list(INVALID)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".expected")).sorted().toList()
                    .stream();
        }
    }

    /** Each malformed spec gives exactly its expected lines on stderr, exit code 2, and nothing on stdout. */
    @ParameterizedTest
    @MethodSource("malformedSpecs")
    void malformedSpecsGiveTheirExactErrorLines(String file) throws IOException {
        String expected = Files.readString(INVALID.resolve(file.replaceAll("\\.(yaml|json)$", ".expected")));
        Cli.Result r = Cli.runIn(INVALID, "check", file);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo(expected);
        assertThat(r.stdout()).isEmpty();
        Cli.Result design = Cli.runIn(INVALID, "design", file, "--no-apply");
        assertThat(design.exitCode()).isEqualTo(2);
        assertThat(design.stderr()).isEqualTo(expected);
    }

    @Test
    void checkCanReportProblemsAsJson() throws IOException {
        Cli.Result r = Cli.runIn(INVALID, "check", "unknown-attribute.yaml", "--format", "json");
        assertThat(r.exitCode()).isEqualTo(2);
        JsonNode json = JSON.readTree(r.stdout());
        assertThat(json.path("valid").asBoolean()).isFalse();
        JsonNode first = json.path("problems").get(0);
        assertThat(first.path("line").asInt()).isPositive();
        assertThat(first.path("text").asText()).startsWith("unknown-attribute.yaml:");
    }

    @Test
    void badFlagsAndMissingFilesAreOneLineErrors() {
        Cli.Result flag = Cli.run("design", "examples/shop.yaml", "--pg-versoin", "16");
        assertThat(flag.exitCode()).isEqualTo(2);
        assertThat(flag.stderrLines()).singleElement().satisfies(l ->
                assertThat(l).isEqualTo("accesspath: unknown option '--pg-versoin'; did you mean '--pg-version'?;"
                        + " see 'accesspath design --help'"));

        Cli.Result version = Cli.run("design", "examples/shop.yaml", "--pg-version", "12", "--no-apply");
        assertThat(version.exitCode()).isEqualTo(2);
        assertThat(version.stderr()).isEqualTo("PostgreSQL version 12 is not supported; choose 14..18\n");

        Cli.Result missing = Cli.run("check", "examples/nope.yaml");
        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.stderrLines()).singleElement().satisfies(l -> assertThat(l).contains("examples/nope.yaml"));

        Cli.Result noArgs = Cli.run("design");
        assertThat(noArgs.exitCode()).isEqualTo(2);
        assertThat(noArgs.stderrLines()).hasSize(1);
    }

    @Test
    void specSchemaPrintsTheJsonSchema() throws IOException {
        Cli.Result r = Cli.run("spec-schema");
        assertThat(r.exitCode()).isZero();
        JsonNode schema = JSON.readTree(r.stdout());
        assertThat(schema.path("$schema").asText()).contains("2020-12");
        assertThat(r.stdout()).isEqualTo(Files.readString(
                Cli.ROOT.resolve("core/src/main/resources/io/accesspath/core/spec/spec.schema.json")));
    }

    @Test
    void anOutputDirectoryThatCannotBeWrittenIsOneLineAndExitCode4(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("not-a-dir");
        Files.writeString(file, "x");
        Cli.Result r = Cli.run("design", "examples/shop.yaml", "--no-apply", "--out", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.stderrLines()).singleElement().satisfies(l -> assertThat(l).startsWith("cannot create directory"));
    }
}
