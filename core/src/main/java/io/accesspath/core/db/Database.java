package io.accesspath.core.db;

import io.accesspath.core.dialect.Dialect;
import io.accesspath.core.error.UserError;
import io.accesspath.core.schema.Schema;
import java.sql.Connection;
import java.util.List;

/**
 * A live database: an embedded throwaway server or a user's server named by a URL. Every
 * command runs on either. Operations that fail because of the database (unreachable, refused a
 * statement) throw {@link UserError} with exit code {@link UserError#DATABASE}.
 *
 * <p>Implementations are safe to share between threads; each {@link #open()} hands out a new
 * connection.
 */
public interface Database extends AutoCloseable {
    /** The dialect of this database, for rendering SQL to run on it. */
    Dialect dialect();

    /** The server's version, read once when the database was opened. */
    ServerVersion serverVersion();

    /**
     * The database as shown to the user: a URL without password
     * ({@code postgresql://postgres@127.0.0.1:5432/shop}) or a description of the embedded server.
     */
    String target();

    /** False when sessions are read-only (the default for a user's database). */
    boolean writable();

    /**
     * A new connection in auto-commit mode, with this database's session settings applied
     * (read-only, statement and lock timeouts). The caller closes it. For dialect modules (EXPLAIN,
     * bulk loading); other modules prefer the operations below.
     *
     * @throws UserError when the server cannot be reached
     */
    Connection open();

    /**
     * Runs the statements in one transaction, then commits or rolls back.
     *
     * @throws StatementError when a statement fails (the transaction is rolled back)
     * @throws UserError      when {@link ApplyMode#COMMIT} is asked of a read-only database
     */
    ApplyResult apply(List<Statement> statements, ApplyMode mode);

    /**
     * Reads one schema (namespace) of the database back into the model.
     *
     * @throws UserError when the schema does not exist
     */
    Schema introspect(String schemaName);

    /** Releases the database; an embedded server is stopped and its files are deleted. */
    @Override
    void close();
}
