package io.accesspath.postgres.seed;

import io.accesspath.core.db.ApplyMode;
import io.accesspath.core.db.Database;
import io.accesspath.core.db.Statement;
import io.accesspath.core.error.Loc;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.seed.DeferredReference;
import io.accesspath.core.seed.SeedLoader;
import io.accesspath.core.seed.TableSeed;
import io.accesspath.postgres.PgIdentifiers;
import io.accesspath.postgres.PgLiterals;
import io.accesspath.postgres.internal.ServerError;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads seed data into PostgreSQL with COPY (pgjdbc's CopyManager), one connection and one
 * transaction per table: the COPY, then {@code setval} on the table's identity sequence, then
 * COMMIT. Constraints stay in force during the load. A failure or an interruption rolls the
 * table's transaction back. A table the seed has just created is emptied in the same transaction
 * and loaded with COPY FREEZE: its rows are written frozen and all-visible, so no VACUUM has to
 * revisit them.
 */
final class PgSeedLoader implements SeedLoader {
    private final Database db;

    PgSeedLoader(Database db) {
        this.db = db;
    }

    @Override
    public Schema liveSchema() {
        try (Connection c = db.open(); java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_catalog.current_schema()")) {
            rs.next();
            String schema = rs.getString(1);
            if (schema == null) {
                throw new UserError(List.of(Problem.of(Loc.NONE,
                        db.target() + " has no current schema (its search_path names no existing schema)",
                        "create the schema, or set search_path for the user")), UserError.DATABASE);
            }
            return db.introspect(schema);
        } catch (SQLException e) {
            throw failure("cannot read the current schema of " + db.target(), e);
        }
    }

    @Override
    public List<String> nonEmpty(List<String> tables) {
        List<String> out = new ArrayList<>();
        try (Connection c = db.open()) {
            for (String t : tables) {
                try (java.sql.Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + PgIdentifiers.quote(t) + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        out.add(t);
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("cannot check whether the tables of " + db.target() + " are empty", e);
        }
        return out;
    }

    @Override
    public void truncate(List<String> tables) {
        db.apply(List.of(new Statement("TRUNCATE " + tables.stream().map(PgIdentifiers::quote)
                .collect(Collectors.joining(", ")) + " RESTART IDENTITY", Statement.TABLE, String.join(",", tables))),
                ApplyMode.COMMIT);
    }

    @Override
    public TableLoad begin(TableSeed table, List<String> columns, boolean binary, boolean fresh) {
        String name = PgIdentifiers.quote(table.name());
        List<String> options = new ArrayList<>();
        if (binary) {
            options.add("FORMAT binary");
        }
        if (fresh) {
            options.add("FREEZE");
        }
        String copy = "COPY " + name + " (" + PgSeedScript.columnList(columns) + ") FROM STDIN"
                + (options.isEmpty() ? "" : " (" + String.join(", ", options) + ")");
        // COPY FREEZE needs the table emptied (or created) in the same transaction.
        return new PgTableLoad(db, table, copy, fresh ? List.of("TRUNCATE " + name) : List.of(), identity(table));
    }

    @Override
    public TableLoad beginDeferred(DeferredReference reference, TableSeed table, boolean binary) {
        String scratch = PgIdentifiers.quote("accesspath_" + reference.constraint());
        List<String> columns = new ArrayList<>(reference.key());
        columns.addAll(reference.columns());
        String list = PgSeedScript.columnList(columns);
        String create = "CREATE TEMP TABLE " + scratch + " ON COMMIT DROP AS SELECT " + list + " FROM "
                + PgIdentifiers.quote(table.name()) + " WITH NO DATA";
        String copy = "COPY " + scratch + " (" + list + ") FROM STDIN" + (binary ? " (FORMAT binary)" : "");
        return new PgTableLoad(db, table, copy, List.of(create), List.of(PgDeferred.update(reference, scratch)));
    }

    @Override
    public void run(List<Statement> statements) {
        db.apply(statements, ApplyMode.COMMIT);
    }

    @Override
    public void analyze(List<String> tables) {
        try (Connection c = db.open(); java.sql.Statement s = c.createStatement()) {
            s.execute("ANALYZE " + tables.stream().map(PgIdentifiers::quote).collect(Collectors.joining(", ")));
        } catch (SQLException e) {
            throw failure("ANALYZE failed on " + db.target(), e);
        }
    }

    @Override
    public void close() {
        // Connections belong to each operation and are closed by it.
    }

    /** Moves the identity sequence past the largest id, if the table has an identity column. */
    private static List<String> identity(TableSeed table) {
        if (table.identityColumn().isEmpty()) {
            return List.of();
        }
        String t = PgIdentifiers.quote(table.name());
        String c = PgIdentifiers.quote(table.identityColumn().get());
        return List.of("SELECT pg_catalog.setval(s, coalesce((SELECT max(" + c + ") FROM " + t + "), 0) + 1, false)"
                + " FROM pg_catalog.pg_get_serial_sequence(" + PgLiterals.quote(t) + ", "
                + PgLiterals.quote(table.identityColumn().get()) + ") AS s WHERE s IS NOT NULL");
    }

    static UserError failure(String what, SQLException e) {
        ServerError server = ServerError.of(e);
        return UserError.database(what + ": " + server.message() + " [SQLSTATE " + server.sqlState() + "]", e);
    }

    /** One table's COPY in its own transaction. */
    private static final class PgTableLoad implements TableLoad {
        private final Database db;
        private final TableSeed table;
        private final List<String> after;
        private final Connection connection;
        private final CopyIn copy;
        private final Object commitLock = new Object();
        private volatile boolean cancelled;
        private boolean committing;
        private boolean committed;

        PgTableLoad(Database db, TableSeed table, String copySql, List<String> before, List<String> after) {
            this.db = db;
            this.table = table;
            this.after = after;
            Connection c = db.open();
            try {
                c.setAutoCommit(false);
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("SET LOCAL synchronous_commit = off");
                    for (String sql : before) {
                        s.execute(sql);
                    }
                }
                this.copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
                this.connection = c;
            } catch (SQLException e) {
                closeQuietly(c);
                throw failure("cannot start loading table " + table.name() + " into " + db.target(), e);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (cancelled) {
                throw interrupted();
            }
            try {
                copy.writeToCopy(bytes, offset, length);
            } catch (SQLException e) {
                throw failure("loading table " + table.name() + " into " + db.target() + " failed", e);
            }
        }

        @Override
        public long commit() {
            synchronized (commitLock) {
                if (cancelled) {
                    throw interrupted();
                }
                committing = true;
            }
            try {
                long rows = copy.endCopy();
                try (java.sql.Statement s = connection.createStatement()) {
                    for (String sql : after) {
                        s.execute(sql);
                    }
                }
                connection.commit();
                committed = true;
                return rows;
            } catch (SQLException e) {
                throw failure("loading table " + table.name() + " into " + db.target() + " failed", e);
            }
        }

        @Override
        public boolean cancel() {
            synchronized (commitLock) {
                if (committing) {
                    return false;
                }
                cancelled = true;
            }
            try {
                // A cancel request on its own connection: safe from another thread, and the server
                // stops reading the COPY at its next row, should the writer be blocked on a full socket.
                connection.unwrap(PGConnection.class).cancelQuery();
            } catch (SQLException ignored) {
                // The writer sees the flag at its next write; closing the connection ends the rest.
            }
            return true;
        }

        private UserError interrupted() {
            return UserError.database("loading table " + table.name() + " into " + db.target() + " was interrupted", null);
        }

        @Override
        public void close() {
            try {
                if (!committed) {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                    connection.rollback();
                }
            } catch (SQLException ignored) {
                // Closing the connection ends the transaction on the server anyway.
            } finally {
                closeQuietly(connection);
            }
        }

        private static void closeQuietly(Connection c) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to do
            }
        }
    }
}
