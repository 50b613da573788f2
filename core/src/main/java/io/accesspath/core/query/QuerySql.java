package io.accesspath.core.query;

import java.util.List;

/**
 * One SQL statement of a query, in two spellings.
 *
 * @param sql        with named parameters ({@code :customer_id}), for people and for clients that
 *                   bind by name
 * @param jdbcSql    the same statement with {@code ?} placeholders
 * @param parameters the parameter bound to each {@code ?} of {@code jdbcSql}, in order; a parameter
 *                   used twice appears twice
 */
public record QuerySql(String sql, String jdbcSql, List<String> parameters) {
    public QuerySql {
        parameters = List.copyOf(parameters);
    }
}
