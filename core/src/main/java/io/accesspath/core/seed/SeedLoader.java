package io.accesspath.core.seed;

import io.accesspath.core.db.Statement;
import io.accesspath.core.error.UserError;
import io.accesspath.core.schema.Schema;
import java.util.List;

/**
 * Loads seed data into one database. Each table loads in its own transaction ({@link TableLoad}),
 * so a failure leaves that table as it was. Operations that the database refuses throw
 * {@link UserError} with {@link UserError#DATABASE}.
 */
public interface SeedLoader extends AutoCloseable {
    /** The schema (namespace) tables are loaded into, read back from the database. */
    Schema liveSchema();

    /** The tables among {@code tables} that hold at least one row. */
    List<String> nonEmpty(List<String> tables);

    /** Empties the tables (and restarts their identity sequences), all in one statement. */
    void truncate(List<String> tables);

    /**
     * Starts loading one table: a transaction and a bulk load of {@code columns}, fed with
     * {@link TableLoad#write}.
     *
     * @param fresh the seed created the table and no foreign key references it yet: the load may
     *              empty it in its transaction and write rows already frozen (visible to all)
     */
    TableLoad begin(TableSeed table, List<String> columns, boolean binary, boolean fresh);

    /**
     * Starts loading a deferred reference: rows of (key, reference columns) that update the
     * table's rows, in one transaction.
     */
    TableLoad beginDeferred(DeferredReference reference, TableSeed table, boolean binary);

    /** Runs statements (deferred indexes) in one transaction. */
    void run(List<Statement> statements);

    /** Refreshes the planner statistics of the tables. */
    void analyze(List<String> tables);

    @Override
    void close();

    /** One table's load in progress. */
    interface TableLoad extends AutoCloseable {
        /** Sends bytes of the bulk format. */
        void write(byte[] bytes, int offset, int length);

        /**
         * Ends the bulk load, moves the table's identity sequence past the ids written and commits.
         *
         * @return the rows the database took
         */
        long commit();

        /**
         * Stops the load from another thread: the database is asked to cancel the bulk load, and
         * the next {@link #write} or {@link #commit()} fails, so the transaction rolls back. Does
         * nothing once the commit has begun (the table will be loaded).
         *
         * @return whether the load was stopped
         */
        boolean cancel();

        /** Rolls back (a no-op after {@link #commit()}); closes the connection. */
        @Override
        void close();
    }
}
