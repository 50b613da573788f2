package io.accesspath.core.query.internal;

import io.accesspath.core.query.QuerySql;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL written in both spellings at once: with named parameters and with JDBC placeholders. Building
 * both together (rather than rewriting one into the other) never mistakes a {@code ::} cast or a
 * colon inside a literal for a parameter.
 */
public final class SqlText {
    private final StringBuilder named = new StringBuilder();
    private final StringBuilder jdbc = new StringBuilder();
    private final List<String> order = new ArrayList<>();

    /** Appends SQL that holds no parameter. */
    public SqlText sql(String text) {
        named.append(text);
        jdbc.append(text);
        return this;
    }

    /** Appends a parameter: {@code :name} in the named spelling, {@code ?} in the JDBC one. */
    public SqlText param(String name) {
        named.append(':').append(name);
        jdbc.append('?');
        order.add(name);
        return this;
    }

    /** Appends another fragment, parameters included. */
    public SqlText append(SqlText other) {
        named.append(other.named);
        jdbc.append(other.jdbc);
        order.addAll(other.order);
        return this;
    }

    public QuerySql build() {
        return new QuerySql(named.toString(), jdbc.toString(), order);
    }

    /** A fragment of plain SQL. */
    public static SqlText of(String text) {
        return new SqlText().sql(text);
    }

    /** The fragments joined by a separator. */
    public static SqlText join(String separator, List<SqlText> parts) {
        SqlText out = new SqlText();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.sql(separator);
            }
            out.append(parts.get(i));
        }
        return out;
    }

    /** The named spelling, for tests and messages. */
    @Override
    public String toString() {
        return named.toString();
    }
}
