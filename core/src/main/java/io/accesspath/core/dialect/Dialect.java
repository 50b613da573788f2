package io.accesspath.core.dialect;

import io.accesspath.core.db.ConnectOptions;
import io.accesspath.core.db.Database;
import io.accesspath.core.db.Statement;
import io.accesspath.core.error.UserError;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.seed.SeedSupport;
import java.util.List;
import java.util.Map;

/**
 * Everything that differs per database product, behind one interface. Implementations are
 * stateless and found with {@link Dialects}.
 */
public interface Dialect {
    /** A stable id ({@code postgresql}). */
    String id();

    /** Quotes an identifier only where the database needs it (reserved words, case, symbols). */
    String quoteIdentifier(String identifier);

    /** What the schema designer asks of this database: types, capabilities, index methods. */
    DesignDialect designDialect();

    /**
     * The verify driver for a database of this dialect: statistics, parameter picks, EXPLAIN
     * ANALYZE, timings and write measurements.
     *
     * @param schema the designed schema the database holds
     * @param seed   the seed of random picks
     */
    io.accesspath.core.verify.VerifyDriver verifier(Database database, Schema schema, long seed);

    /** A string literal for this database. */
    String quoteLiteral(String value);

    /** The DDL that creates the schema in an empty database, in an order that runs. */
    List<Statement> renderDdl(Schema schema);

    /**
     * The DDL as one script.
     *
     * @param comments comment lines to put before statements, keyed by {@link Statement#key()}
     * @throws IllegalArgumentException when a key matches no statement
     */
    String renderScript(Schema schema, Map<String, List<String>> comments);

    /** Whether a database URL names a database of this dialect. */
    boolean acceptsUrl(String url);

    /**
     * Connects to the database a URL names.
     *
     * @throws UserError when the URL is malformed or the server cannot be reached
     */
    Database connect(String url, ConnectOptions options);

    /** Seed data: the bulk-load format, load scripts and loading into a database of this dialect. */
    SeedSupport seeding();

    /**
     * Starts a throwaway server of this dialect, deleted on {@link Database#close()}.
     *
     * @throws UserError when the server cannot start
     */
    Database startEmbedded();
}
