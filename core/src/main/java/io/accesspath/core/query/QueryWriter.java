package io.accesspath.core.query;

import io.accesspath.core.design.Design;
import io.accesspath.core.design.PatternShape;
import io.accesspath.core.dialect.Dialect;
import io.accesspath.core.query.internal.SelectWriter;
import java.util.List;

/**
 * Writes the query of every access pattern of a design: parameterized PostgreSQL SQL that reads
 * only the columns the pattern needs, states the implicit conditions (tenant scope, soft delete),
 * pages by keyset where the pattern pages, fetches related rows without N+1, and names the plan the
 * design expects. Pure and deterministic: the same design gives the same queries.
 *
 * <p>Identifiers and constants go through the dialect's quoting; values are always parameters. The
 * SQL uses PostgreSQL operators and functions (full-text search, JSON aggregation, geometric
 * distance), so only the PostgreSQL dialect is accepted.
 */
public final class QueryWriter {
    private final Dialect dialect;

    /**
     * @throws IllegalArgumentException for a dialect other than PostgreSQL
     */
    public QueryWriter(Dialect dialect) {
        if (!dialect.id().equals("postgresql")) {
            throw new IllegalArgumentException("queries are written for PostgreSQL, not " + dialect.id());
        }
        this.dialect = dialect;
    }

    /** The query of every access pattern, in the spec's order. */
    public List<Query> write(Design design) {
        return design.shapes().stream().map(s -> write(design, s)).toList();
    }

    /** The query of one pattern of the design. */
    public Query write(Design design, PatternShape shape) {
        return new SelectWriter(design, dialect, shape).write();
    }
}
