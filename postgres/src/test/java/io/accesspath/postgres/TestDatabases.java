package io.accesspath.postgres;

import io.accesspath.core.db.ConnectOptions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The databases integration tests run on: one embedded server per JVM (started on first use,
 * stopped and deleted by its shutdown hook when the JVM exits) and the server named by {@value #URL_ENV} (default
 * {@value #DEFAULT_URL}). Each test class makes its own uniquely named databases and drops them.
 * A database that cannot be reached fails the test: nothing is skipped.
 */
public final class TestDatabases {
    static final String URL_ENV = "ACCESSPATH_TEST_PG_URL";
    static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static PgEmbeddedDatabase embedded;

    private TestDatabases() {}

    /** Where a test runs. */
    public enum Target { EMBEDDED, SERVER }

    /** The JVM's embedded server, started on first use. */
    static synchronized PgEmbeddedDatabase embedded() {
        if (embedded == null) {
            embedded = PgEmbeddedDatabase.start();
            System.err.println("embedded PostgreSQL " + embedded.serverVersion().number() + " started in "
                    + embedded.startupTime().toMillis() + " ms");
        }
        return embedded;
    }

    /** A URL of the target server's maintenance database, where databases are created. */
    static String adminUrl(Target target) {
        return switch (target) {
            case EMBEDDED -> embedded().url("postgres");
            case SERVER -> System.getenv().getOrDefault(URL_ENV, DEFAULT_URL);
        };
    }

    /** A new, empty, UTF-8 database on the target, dropped when the result is closed. */
    public static Scratch create(Target target, String label) {
        String admin = adminUrl(target);
        String name = ("accesspath_it_" + label + "_" + HexFormat.of().formatHex(bytes(4))).toLowerCase(Locale.ROOT);
        try (PgUrlDatabase server = PgUrlDatabase.connect(admin, ConnectOptions.DEFAULT.withWrites());
             Connection connection = server.open();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + PgIdentifiers.quote(name)
                    + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + target, e);
        }
        String url = withDatabase(admin, name);
        return new Scratch(admin, name, url, PgUrlDatabase.connect(url, ConnectOptions.DEFAULT.withWrites()));
    }

    /** The URL with another database in its path. */
    static String withDatabase(String url, String database) {
        int start = url.indexOf("://") + 3;
        int query = url.indexOf('?', start);
        int end = query >= 0 ? query : url.length();
        int slash = url.indexOf('/', start);
        String authority = url.substring(start, slash >= 0 && slash < end ? slash : end);
        return url.substring(0, start) + authority + "/" + database + url.substring(end);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A database made for one test class; closing it drops it. */
    public record Scratch(String adminUrl, String name, String url, PgUrlDatabase database) implements AutoCloseable {
        @Override
        public void close() {
            try (PgUrlDatabase server = PgUrlDatabase.connect(adminUrl, ConnectOptions.DEFAULT.withWrites());
                 Connection connection = server.open();
                 java.sql.Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + PgIdentifiers.quote(name) + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop database " + name, e);
            }
        }
    }
}
