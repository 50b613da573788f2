package io.accesspath.postgres.advise;

import io.accesspath.postgres.PgIdentifiers;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One index the advisor may propose or keep, as PostgreSQL would build it.
 *
 * @param name     the index's name: the existing index's, or a generated one for a candidate
 * @param schema   the table's schema
 * @param table    the table
 * @param method   the access method: {@code btree}, {@code gin}, {@code gist}
 * @param keys     the key columns as they go between the parentheses: a quoted column, a column
 *                 with {@code DESC}, or an expression in parentheses ({@code (lower(email))})
 * @param include  INCLUDE columns (quoted), B-tree only
 * @param where    the predicate of a partial index
 * @param existing whether the database already has this index
 */
public record IndexDef(String name, String schema, String table, String method, List<String> keys,
                       List<String> include, Optional<String> where, boolean existing) {
    public IndexDef {
        Objects.requireNonNull(name, "name");
        keys = List.copyOf(keys);
        include = List.copyOf(include);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("an index needs at least one key");
        }
    }

    /** The table as SQL: schema-qualified unless it is {@code public}. */
    public String qualifiedTable() {
        return schema.equals("public") ? PgIdentifiers.quote(table)
                : PgIdentifiers.quote(schema) + "." + PgIdentifiers.quote(table);
    }

    /** {@code CREATE INDEX [CONCURRENTLY] name ON table [USING method] (keys) [INCLUDE (...)] [WHERE ...]}. */
    public String ddl(boolean concurrently) {
        return "CREATE INDEX " + (concurrently ? "CONCURRENTLY " : "") + PgIdentifiers.quote(name) + " ON " + body();
    }

    /** The same index without a name, as HypoPG's hypopg_create_index takes it. */
    public String anonymousDdl() {
        return "CREATE INDEX ON " + body();
    }

    /** {@code DROP INDEX [CONCURRENTLY] name}. */
    public String dropDdl(boolean concurrently) {
        String qualified = schema.equals("public") ? PgIdentifiers.quote(name)
                : PgIdentifiers.quote(schema) + "." + PgIdentifiers.quote(name);
        return "DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + qualified;
    }

    private String body() {
        StringBuilder sb = new StringBuilder(qualifiedTable());
        if (!method.equals("btree")) {
            sb.append(" USING ").append(method);
        }
        sb.append(" (").append(String.join(", ", keys)).append(')');
        if (!include.isEmpty()) {
            sb.append(" INCLUDE (").append(String.join(", ", include)).append(')');
        }
        where.ifPresent(w -> sb.append(" WHERE ").append(w));
        return sb.toString();
    }

    /**
     * What makes two indexes the same, whatever their names: table, method, keys, INCLUDE and
     * predicate, compared without spaces, quotes, casts or outer parentheses.
     */
    public String signature() {
        return schema + "." + table + "|" + method + "|" + keys.stream().map(IndexDef::norm).toList() + "|"
                + include.stream().map(IndexDef::norm).sorted().toList() + "|" + where.map(IndexDef::norm).orElse("");
    }

    static String norm(String sql) {
        String s = sql.toLowerCase(Locale.ROOT).replace("\"", "").replaceAll("::[a-z ]+(\\[\\])?", "")
                .replaceAll("\\s+", "").replaceAll("\\basc$", "");
        while (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
