package io.accesspath.core.query.internal;

import io.accesspath.core.design.PatternShape.Fetch;
import io.accesspath.core.schema.ForeignKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Related rows read with each row, in the same statement (never one query per row, N+1):
 * to-one relations are joined and their columns returned under dotted labels
 * ({@code "customer.email"}); to-many relations become one JSON array per row, built by a
 * correlated subquery that reads the children of that row only, through the foreign-key index.
 * Relations fetched under a to-many one nest inside its JSON objects.
 */
final class Fetches {
    private static final String ITEM_INDENT = "       ";
    private static final int WIDTH = 100;

    private final QueryContext ctx;
    private final List<Fetch> fetches;
    private final Map<String, String> joined;

    /** What the main statement gains: select items with their labels, and joins. */
    record Parts(List<SqlText> items, List<String> labels, List<SqlText> joins) {}

    /**
     * @param joined to-one relations of the pattern's table the statement already joins (for a
     *               dotted filter), by name to alias: a fetch of the same relation reuses the join
     */
    Fetches(QueryContext ctx, List<Fetch> fetches, Map<String, String> joined) {
        this.ctx = ctx;
        this.fetches = fetches;
        this.joined = joined;
    }

    /** The select items and joins of every fetch, for a pattern table read under {@code alias}. */
    Parts render(String alias) {
        Parts parts = new Parts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        flat(alias, Optional.empty(), parts);
        return parts;
    }

    private void flat(String parentAlias, Optional<String> parentPath, Parts parts) {
        for (Fetch f : childrenOf(parentPath)) {
            if (f.toMany()) {
                parts.items().add(new SqlText().append(subquery(f, parentAlias, ITEM_INDENT)).sql(" AS " + ctx.id(f.path())));
                parts.labels().add(f.path());
                continue;
            }
            String alias;
            if (parentPath.isEmpty() && joined.containsKey(f.path())) {
                alias = joined.get(f.path());
            } else {
                alias = ctx.aliases.next(f.toTable());
                parts.joins().add(SqlText.of(join(f, alias, parentAlias)));
            }
            for (String c : ctx.readableColumns(f.toTable())) {
                String label = f.path() + "." + c;
                parts.items().add(SqlText.of(ctx.ref(alias, c) + " AS " + ctx.id(label)));
                parts.labels().add(label);
            }
            flat(alias, Optional.of(f.path()), parts);
        }
    }

    /** {@code JOIN to alias ON ...}: LEFT where the related row may be missing. */
    private String join(Fetch f, String alias, String parentAlias) {
        List<String> on = new ArrayList<>();
        for (int i = 0; i < f.fromColumns().size(); i++) {
            on.add(ctx.ref(alias, f.toColumns().get(i)) + " = " + ctx.ref(parentAlias, f.fromColumns().get(i)));
        }
        return (mayBeMissing(f) ? "LEFT JOIN " : "JOIN ") + ctx.id(f.toTable()) + " " + alias + " ON "
                + String.join(" AND ", on);
    }

    /**
     * Whether a to-one row may be missing: the reference is optional (a nullable foreign key), or
     * it is the inverse side of a one-to-one (the other row need not exist).
     */
    private boolean mayBeMissing(Fetch f) {
        boolean forward = ctx.table(f.fromTable()).foreignKeys().stream().map(ForeignKey::columns)
                .anyMatch(cols -> cols.containsAll(f.fromColumns()) && f.fromColumns().containsAll(cols));
        return !forward || f.fromColumns().stream().anyMatch(c -> ctx.column(f.fromTable(), c).nullable());
    }

    /** The JSON array of a to-many relation, correlated to the parent row under {@code parentAlias}. */
    private SqlText subquery(Fetch f, String parentAlias, String indent) {
        String alias = ctx.aliases.next(f.toTable());
        List<String> joins = new ArrayList<>();
        List<String> where = new ArrayList<>();
        String from;
        if (f.via().isPresent()) {
            var via = f.via().get();
            String link = ctx.aliases.next(via.table());
            from = ctx.id(via.table()) + " " + link;
            List<String> on = new ArrayList<>();
            for (int i = 0; i < via.toSide().size(); i++) {
                on.add(ctx.ref(alias, f.toColumns().get(i)) + " = " + ctx.ref(link, via.toSide().get(i)));
            }
            joins.add("JOIN " + ctx.id(f.toTable()) + " " + alias + " ON " + String.join(" AND ", on));
            for (int i = 0; i < via.fromSide().size(); i++) {
                where.add(ctx.ref(link, via.fromSide().get(i)) + " = " + ctx.ref(parentAlias, f.fromColumns().get(i)));
            }
        } else {
            from = ctx.id(f.toTable()) + " " + alias;
            for (int i = 0; i < f.toColumns().size(); i++) {
                where.add(ctx.ref(alias, f.toColumns().get(i)) + " = " + ctx.ref(parentAlias, f.fromColumns().get(i)));
            }
        }
        String inner = indent + "   ";
        SqlText object = object(alias, f.toTable(), f.path(), joins, indent + "    ");
        List<String> order = ctx.keyColumns(f.toTable()).stream().map(c -> ctx.ref(alias, c)).toList();
        SqlText out = new SqlText().sql("(SELECT coalesce(json_agg(").append(object)
                .sql("\n" + indent + "        ORDER BY " + String.join(", ", order) + "), '[]')\n" + inner + " FROM " + from);
        for (String j : joins) {
            out.sql("\n" + inner + " " + j);
        }
        return out.sql("\n" + inner + "WHERE " + String.join(" AND ", where) + ")");
    }

    /**
     * {@code json_build_object('col', alias.col, ..., 'child', ...)} of one row and what it nests,
     * its arguments on lines of their own under {@code indent}.
     */
    private SqlText object(String alias, String table, String path, List<String> joins, String indent) {
        String argIndent = indent + "    ";
        List<SqlText> args = new ArrayList<>();
        for (String c : ctx.readableColumns(table)) {
            args.add(SqlText.of(ctx.lit(c) + ", " + ctx.ref(alias, c)));
        }
        for (Fetch f : childrenOf(Optional.of(path))) {
            String key = ctx.lit(f.path().substring(f.path().lastIndexOf('.') + 1)) + ", ";
            if (f.toMany()) {
                args.add(new SqlText().sql(key).append(subquery(f, alias, argIndent)));
                continue;
            }
            String child = ctx.aliases.next(f.toTable());
            joins.add(join(f, child, alias));
            SqlText nested = object(child, f.toTable(), f.path(), joins, argIndent);
            if (mayBeMissing(f)) {
                String key0 = ctx.ref(child, ctx.keyColumns(f.toTable()).get(0));
                nested = new SqlText().sql("CASE WHEN " + key0 + " IS NULL THEN NULL ELSE ").append(nested).sql(" END");
            }
            args.add(new SqlText().sql(key).append(nested));
        }
        SqlText out = new SqlText().sql("json_build_object(\n" + argIndent);
        int column = argIndent.length();
        for (int i = 0; i < args.size(); i++) {
            String text = args.get(i).toString();
            boolean multiLine = text.contains("\n");
            if (i > 0) {
                boolean wrap = multiLine || column + 2 + text.length() > WIDTH;
                out.sql(wrap ? ",\n" + argIndent : ", ");
                column = wrap ? argIndent.length() : column + 2;
            }
            out.append(args.get(i));
            column = multiLine ? WIDTH : column + text.length();
        }
        return out.sql(")");
    }

    private List<Fetch> childrenOf(Optional<String> parentPath) {
        return fetches.stream().filter(f -> f.parentPath().equals(parentPath)).toList();
    }
}
