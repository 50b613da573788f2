package io.accesspath.core.advise;

import java.util.List;
import java.util.Set;

/**
 * The what-if cost interface the index advisor searches over. A live implementation asks the
 * database's planner about hypothetical indexes (HypoPG); a recorded one ({@code CostMatrix})
 * answers from a matrix recorded earlier, so the search can be tested and benchmarked offline.
 *
 * <p>Contract: {@link #cost} is the planner's estimated cost of one query when exactly the
 * candidate indexes in {@code configuration} exist (on top of what the database already has,
 * minus any existing index the caller has hidden). Implementations may restrict the
 * configuration to the indexes relevant to the query (same tables) and cache by (query,
 * relevant indexes); {@link #calls()} counts the questions that reached the planner (or the
 * matrix), not the cache hits.
 */
public interface WhatIf {
    /** The workload: each query's id and weight (calls per unit of time, or a relative weight). */
    List<WorkloadQuery> queries();

    /** The candidate indexes the search may choose from. */
    List<IndexCandidate> candidates();

    /** Estimated cost of {@code queryId} when the candidate indexes {@code configuration} exist. */
    double cost(String queryId, Set<String> configuration);

    /** What-if questions answered so far (cache misses). */
    long calls();

    /**
     * The candidates that can change the cost of {@code queryId}; the search and the cache
     * restrict every configuration to them. Default: the candidates on a table the query's SQL
     * names, or with no table; all of them when the query has no SQL or it does not parse.
     * A recorded matrix answers exactly (the indexes its recorded costs of that query mention).
     */
    default java.util.Set<String> relevant(String queryId) {
        return io.accesspath.core.advise.internal.Relevance.byTable(this, queryId);
    }

    /** One query of the workload. {@code sql} may be null for a recorded matrix. */
    record WorkloadQuery(String id, double weight, String sql) {
        public WorkloadQuery {
            if (weight < 0 || Double.isNaN(weight)) {
                throw new IllegalArgumentException("weight of " + id + " must be >= 0");
            }
        }
    }

    /**
     * One candidate index. {@code table} may be null in a recorded matrix; {@code ddl} is the
     * CREATE INDEX statement (null in a recorded matrix); {@code writeCost} is the estimated
     * index entries written per second by the write patterns (0 when unknown). {@code existing}
     * marks an index the database already has: a configuration that includes it keeps it, one
     * that leaves it out hides it (HypoPG's hypopg_hide_index), so the search can propose
     * dropping redundant or unused indexes; its size counts against the budget like any other.
     */
    record IndexCandidate(String id, String table, List<String> columns, long sizeBytes, String ddl,
            double writeCost, boolean existing) {
        public IndexCandidate {
            columns = List.copyOf(columns);
        }
    }
}
