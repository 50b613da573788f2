package io.accesspath.postgres.advise;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of a workload and its weight (calls per unit of time, or a relative weight).
 *
 * @param id     a stable name: the access pattern, {@code FILE:LINE}, or pg_stat_statements' queryid
 * @param weight how often it runs, relative to the others
 * @param sql    the statement; parameters as {@code $1..$n} or JDBC {@code ?}
 * @param binder binds representative values to the {@code ?} parameters; without one, a
 *               parameterized statement is costed by its generic plan (the plan a prepared
 *               statement settles on, planned for no value in particular)
 */
public record WorkloadStatement(String id, double weight, String sql, Optional<Binder> binder) {
    public WorkloadStatement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sql, "sql");
        if (!(weight >= 0)) {
            throw new IllegalArgumentException("weight of " + id + " must be >= 0");
        }
    }

    public static WorkloadStatement of(String id, double weight, String sql) {
        return new WorkloadStatement(id, weight, sql, Optional.empty());
    }

    /** Binds values to a prepared EXPLAIN of the statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }
}
