package io.accesspath.core.verify;

import io.accesspath.core.plan.Plan;
import io.accesspath.core.query.Query;
import io.accesspath.core.query.QuerySql;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What verify asks of a database dialect: statistics, parameter values from the data, EXPLAIN
 * ANALYZE, timed executions and write-cost measurements. The PostgreSQL module implements it.
 * Not thread-safe: one driver per verification.
 */
public interface VerifyDriver extends AutoCloseable {

    /** Refreshes statistics and the visibility map (VACUUM ANALYZE), as a settled database has them. */
    void settle();

    /** Rows in a table (exact). */
    long rows(String table);

    /** Values for every parameter but cursors, for one variant; empty when the data has none. */
    Optional<Map<String, Object>> pick(Query q, Variant variant);

    /**
     * The cursor values after the first page with these values, or empty when the first page is
     * not full (there is no next page).
     */
    Optional<Map<String, Object>> cursorAfterFirstPage(Query q, Map<String, Object> values);

    /** EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) of a statement with these values. */
    Plan explainAnalyze(Query q, QuerySql sql, Map<String, Object> values);

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the plan a prepared statement gets once the server stops
     * planning it for each value (a generic plan, as after five executions through most drivers).
     * Runs under a statement timeout: empty when the plan ran out of time (which is a finding).
     *
     * @param timeoutMs how long the generic plan may run
     */
    Optional<Plan> explainGeneric(Query q, QuerySql sql, Map<String, Object> values, long timeoutMs);

    /** Runs the statement once, fetching every row; returns the wall time in milliseconds and rows. */
    Timing execute(Query q, QuerySql sql, Map<String, Object> values);

    /** One execution's wall time (statement sent, every row fetched) and rows returned. */
    record Timing(double millis, long rows) {}

    /**
     * Measures writes on a table with all its indexes, then without each secondary index in turn,
     * inside transactions that are rolled back.
     *
     * @param updated for updates, the columns the write pattern changes; empty for inserts
     */
    WriteMeasurement measureWrites(String table, List<String> updated, int rows);

    /**
     * Stores a table in the order of a column (an append-only table in the order of its time
     * column, as inserts over time store it); only on a database verify made itself.
     */
    void orderBy(String table, String column);

    /** Drops indexes (to verify a schema without them); only on a database verify made itself. */
    void dropIndexes(List<String> indexes);

    @Override
    void close();
}
