package io.accesspath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Scratch databases on the PostgreSQL server the tests use ({@code ACCESSPATH_TEST_PG_URL}),
 * holding a spec's designed schema as a user's migrations would, driven with psql.
 */
final class ServerDatabases {
    static final String SERVER = System.getenv().getOrDefault("ACCESSPATH_TEST_PG_URL",
            "postgresql://postgres@127.0.0.1:5432/postgres");

    private ServerDatabases() {
    }

    /** A new database named {@code prefix} and a random suffix. */
    static String create(String prefix) throws IOException, InterruptedException {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        psql(SERVER, "CREATE DATABASE " + name);
        return name;
    }

    static String url(String name) {
        return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + name;
    }

    /** Applies the spec's designed schema (schema.sql written to {@code dir}) to the database. */
    static void applySchema(String url, String spec, Path dir) throws IOException, InterruptedException {
        Cli.Result design = Cli.run("design", spec, "--no-apply", "--out", dir.toString());
        assertThat(design.exitCode()).as(design.toString()).isZero();
        psql(url, "\\i " + dir.resolve("schema.sql"));
    }

    static void drop(String name) throws IOException, InterruptedException {
        psql(SERVER, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Runs a psql command; returns what it printed (unaligned, tuples only). */
    static String psql(String url, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", command)
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("psql said: %s", said).isZero();
        return said;
    }
}
