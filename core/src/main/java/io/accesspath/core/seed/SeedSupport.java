package io.accesspath.core.seed;

import io.accesspath.core.db.Database;
import io.accesspath.core.error.UserError;
import java.util.List;

/**
 * What a database dialect provides for seeding: the encoding of its bulk-load format, the
 * framing of a script its command-line client runs, and loading into a live database.
 */
public interface SeedSupport {
    /**
     * Whether every projected column of the table has a binary wire form (binary loads are
     * faster; tables with other columns load as text).
     */
    boolean binaryCapable(TableSeed table, int[] projection);

    /**
     * An encoder of the bulk-load format.
     *
     * @param projection the slots of the row to write, in order
     * @param binary     the binary form (only if {@link #binaryCapable}); otherwise text
     */
    RowEncoder encoder(TableSeed table, int[] projection, boolean binary);

    /** Whether a column type read back from a database is the type the design gave it. */
    boolean sameType(String designType, String databaseType);

    /** The script that loads a plan's data (seed.sql), written piece by piece. */
    ScriptFormat script();

    /**
     * A loading session on {@code database}.
     *
     * @throws UserError when the database cannot be reached
     */
    SeedLoader loader(Database database);

    /** The pieces of a load script: a bulk block per table, statements around them. */
    interface ScriptFormat {
        /** What opens the script (settings, the transaction). */
        String header(SeedPlan plan);

        /** What opens a table's block of rows, listing the columns written. */
        String beginTable(TableSeed table, List<String> columns);

        /** What closes a table's block of rows, and moves its identity sequence past the ids written. */
        String endTable(TableSeed table, long rows);

        /** Statements that set a deferred reference from a block of (key, reference) rows. */
        String beginDeferred(DeferredReference reference, TableSeed table);

        /** What closes a deferred reference's block and applies it. */
        String endDeferred(DeferredReference reference, TableSeed table);

        /** What closes the script (commit, statistics). */
        String footer(SeedPlan plan);
    }
}
