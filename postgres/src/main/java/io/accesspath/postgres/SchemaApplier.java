package io.accesspath.postgres;

import io.accesspath.core.db.ApplyMode;
import io.accesspath.core.db.ApplyResult;
import io.accesspath.core.db.Statement;
import io.accesspath.core.db.StatementError;
import io.accesspath.core.error.UserError;
import io.accesspath.postgres.internal.ServerError;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Runs a list of DDL statements in one transaction on a PostgreSQL connection, timing each.
 *
 * <p>{@link ApplyMode#COMMIT} keeps the result. {@link ApplyMode#ROLLBACK} proves that the
 * statements run and changes nothing: the transaction is made read-write explicitly (so it works
 * on a session that is read-only by default), objects are created in a scratch schema put first
 * on the {@code search_path} (so names already taken in the user's schema do not collide), and
 * everything, scratch schema included, is rolled back.
 *
 * <p>When a statement fails, the transaction is rolled back, so nothing of the list is left
 * behind, and a {@link StatementError} names the statement and carries the server's message.
 */
public final class SchemaApplier {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SchemaApplier() {}

    /**
     * Applies the statements.
     *
     * @param connection an open connection; its auto-commit setting is restored afterwards
     * @param target     the database as shown in messages
     * @throws StatementError when a statement fails
     * @throws UserError      when the transaction cannot be started, committed or rolled back
     */
    public static ApplyResult apply(Connection connection, String target, List<Statement> statements,
                                    ApplyMode mode) {
        long start = System.nanoTime();
        List<ApplyResult.Timing> timings = new ArrayList<>(statements.size());
        boolean autoCommit = true;
        boolean ended = false;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            if (mode == ApplyMode.ROLLBACK) {
                enterScratchSchema(connection);
            }
            try (java.sql.Statement jdbc = connection.createStatement()) {
                for (int i = 0; i < statements.size(); i++) {
                    timings.add(run(jdbc, statements, i, target));
                }
            }
            if (mode == ApplyMode.COMMIT) {
                connection.commit();
            } else {
                connection.rollback();
            }
            ended = true;
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            ServerError server = ServerError.of(e);
            throw UserError.database("cannot apply " + statements.size() + " statements to " + target + " ("
                    + mode.name().toLowerCase(Locale.ROOT) + "): " + server.message() + " [SQLSTATE "
                    + server.sqlState() + "]", e);
        } finally {
            if (!ended) {
                rollbackQuietly(connection, autoCommit);
            }
        }
        return new ApplyResult(mode, timings, Duration.ofNanos(System.nanoTime() - start));
    }

    private static ApplyResult.Timing run(java.sql.Statement jdbc, List<Statement> statements, int i, String target) {
        Statement statement = statements.get(i);
        long t0 = System.nanoTime();
        try {
            jdbc.execute(statement.sql());
        } catch (SQLException e) {
            ServerError server = ServerError.of(e);
            throw new StatementError(statement, i + 1, statements.size(), target, server.sqlState(),
                    server.message(), server.hint(), server.position(), e);
        }
        return new ApplyResult.Timing(statement, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Ends a failed transaction; a connection that cannot even roll back is closed by its owner. */
    private static void rollbackQuietly(Connection connection, boolean autoCommit) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException ignored) {
            // The original error is the one worth reporting; the server ends the transaction
            // anyway when the connection is closed.
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void enterScratchSchema(Connection connection) throws SQLException {
        String scratch = "accesspath_probe_" + HexFormat.of().formatHex(randomBytes(6));
        try (java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.execute("SET TRANSACTION READ WRITE");
            jdbc.execute("CREATE SCHEMA " + PgIdentifiers.quote(scratch));
        }
        try (PreparedStatement path = connection.prepareStatement(
                "SELECT pg_catalog.set_config('search_path', ? || ', ' || pg_catalog.current_setting('search_path'), true)")) {
            path.setString(1, PgIdentifiers.quote(scratch));
            path.execute();
        }
    }
}
