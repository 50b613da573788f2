package io.accesspath.postgres;

import io.accesspath.core.db.ApplyMode;
import io.accesspath.core.db.ApplyResult;
import io.accesspath.core.db.Database;
import io.accesspath.core.db.ServerVersion;
import io.accesspath.core.db.Statement;
import io.accesspath.core.dialect.Dialect;
import io.accesspath.core.error.Loc;
import io.accesspath.core.error.UserError;
import io.accesspath.core.schema.Schema;
import io.accesspath.postgres.internal.CatalogSql;
import io.accesspath.postgres.internal.ConnectionFailure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** What the embedded and the URL-named PostgreSQL databases share. */
abstract class PgDatabaseBase implements Database {
    private final String target;
    private final ServerVersion version;

    PgDatabaseBase(String target, ServerVersion version) {
        this.target = target;
        this.version = version;
    }

    /** A new connection, before this database's session settings. */
    abstract Connection connect() throws SQLException;

    /** Applies this database's session settings to a new connection. */
    abstract void configure(Connection connection) throws SQLException;

    @Override
    public final Dialect dialect() {
        return PgDialect.INSTANCE;
    }

    @Override
    public final ServerVersion serverVersion() {
        return version;
    }

    @Override
    public final String target() {
        return target;
    }

    @Override
    public final Connection open() {
        Connection connection = null;
        try {
            connection = connect();
            configure(connection);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw ConnectionFailure.of(target, e);
        }
    }

    @Override
    public final ApplyResult apply(List<Statement> statements, ApplyMode mode) {
        if (mode == ApplyMode.COMMIT && !writable()) {
            throw UserError.invalid(Loc.NONE, "refusing to commit DDL to " + target + ": it is open read-only",
                    "apply with rollback to prove the DDL without changing anything, or opt in to writes");
        }
        try (Connection connection = open()) {
            return SchemaApplier.apply(connection, target, statements, mode);
        } catch (SQLException e) {
            throw UserError.database("cannot close the connection to " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public final Schema introspect(String schemaName) {
        try (Connection connection = open()) {
            return PgIntrospector.introspect(connection, schemaName, target);
        } catch (SQLException e) {
            throw UserError.database("cannot close the connection to " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return target + " (PostgreSQL " + version.number() + (writable() ? ", writable)" : ", read-only)");
    }

    /** Reads the server's version on a fresh connection. */
    static ServerVersion readVersion(Connection connection) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(CatalogSql.get("server_version"))) {
            rs.next();
            int number = rs.getInt("version_num");
            return new ServerVersion(number / 10000, number % 100, rs.getString("description"));
        }
    }

    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already failing: the first error is the one to report.
        }
    }
}
