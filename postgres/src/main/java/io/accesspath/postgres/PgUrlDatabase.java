package io.accesspath.postgres;

import io.accesspath.core.db.ConnectOptions;
import io.accesspath.core.db.ServerVersion;
import io.accesspath.core.error.UserError;
import io.accesspath.postgres.internal.CatalogSql;
import io.accesspath.postgres.internal.ConnectionFailure;
import io.accesspath.postgres.internal.PgUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * A user's PostgreSQL database, named by a URL: {@code jdbc:postgresql://host:5432/db?user=u} or
 * {@code postgresql://u:p@host:5432/db}.
 *
 * <p>Read-only unless {@link ConnectOptions#allowWrites()}: every session starts with
 * {@code default_transaction_read_only = on}, so the server refuses any write, whatever SQL runs.
 * (A session may still turn it off again: this is a guard against mistakes; a role without write
 * privileges is the security boundary.) Every session also gets the options' statement and lock
 * timeouts. Each {@link #open()} makes a new connection; there is no pool.
 */
public final class PgUrlDatabase extends PgDatabaseBase {
    private final PgUrl url;
    private final ConnectOptions options;

    private PgUrlDatabase(PgUrl url, ConnectOptions options, ServerVersion version) {
        super(url.display(), version);
        this.url = url;
        this.options = options;
    }

    /**
     * Connects once to check the server is there and read its version.
     *
     * @throws UserError when the URL is malformed ({@link UserError#INVALID_INPUT}) or the server
     *                   cannot be reached ({@link UserError#DATABASE}), in one line that names
     *                   the URL without its password and says what the server said
     */
    public static PgUrlDatabase connect(String url, ConnectOptions options) {
        PgUrl parsed = PgUrl.parse(url);
        ServerVersion version;
        try (Connection connection = connect(parsed, options)) {
            version = readVersion(connection);
        } catch (SQLException e) {
            throw ConnectionFailure.of(parsed.display(), e);
        }
        return new PgUrlDatabase(parsed, options, version);
    }

    @Override
    public boolean writable() {
        return options.allowWrites();
    }

    @Override
    Connection connect() throws SQLException {
        return connect(url, options);
    }

    @Override
    void configure(Connection connection) throws SQLException {
        try (PreparedStatement session = connection.prepareStatement(CatalogSql.get("session"))) {
            session.setString(1, options.allowWrites() ? "off" : "on");
            session.setString(2, Long.toString(options.statementTimeout().toMillis()));
            session.setString(3, Long.toString(options.lockTimeout().toMillis()));
            session.execute();
        }
    }

    /** Nothing to release: connections belong to their callers. */
    @Override
    public void close() {
        // No pool, no server: each connection is closed by whoever opened it.
    }

    private static Connection connect(PgUrl url, ConnectOptions options) throws SQLException {
        Properties properties = url.properties();
        String seconds = Long.toString(seconds(options.connectTimeout()));
        properties.putIfAbsent("connectTimeout", seconds);
        properties.putIfAbsent("loginTimeout", seconds);
        properties.putIfAbsent("ApplicationName", "accesspath");
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    /** Whole seconds, at least 1 for a non-zero duration (pgjdbc's 0 means no limit). */
    private static long seconds(Duration d) {
        if (d.isZero()) {
            return 0;
        }
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
