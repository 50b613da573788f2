package io.accesspath.core.query.internal;

import io.accesspath.core.design.PatternShape.Condition;
import io.accesspath.core.design.PatternShape.SortColumn;
import io.accesspath.core.query.ParameterRole;
import io.accesspath.core.spec.AccessPattern.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * The next-page condition of keyset pagination: "after the last row of the previous page" in the
 * ORDER BY's terms.
 *
 * <p>Where every sort column is NOT NULL (or a condition keeps NULLs out) and all sort in the same
 * direction, it is one row-value comparison, {@code (placed_at, id) < (:after_placed_at, :after_id)},
 * which PostgreSQL turns into a single index seek. Otherwise it is spelled out column by column
 * ({@code a > :a OR (a = :a AND b < :b)}); a column that can be NULL follows PostgreSQL's default
 * order, where NULL sorts after every value ascending and before every value descending.
 */
final class Keyset {
    private final QueryContext ctx;

    /** The condition, and whether it had to be spelled out (and why). */
    record Predicate(SqlText sql, boolean rowValue, List<String> nullableColumns) {}

    Keyset(QueryContext ctx) {
        this.ctx = ctx;
    }

    Predicate render(String alias, String table, List<SortColumn> sort, List<Condition> conditions) {
        List<String> params = new ArrayList<>();
        List<String> nullable = new ArrayList<>();
        for (SortColumn s : sort) {
            params.add(ctx.params.add("after_" + s.column(), ParameterRole.CURSOR, table, s.column(),
                    ctx.type(table, s.column()), ctx.logicalType(table, s.column())));
            if (canBeNull(table, s.column(), conditions)) {
                nullable.add(s.column());
            }
        }
        boolean sameDirection = sort.stream().allMatch(s -> s.descending() == sort.get(0).descending());
        if (sameDirection && nullable.isEmpty()) {
            return new Predicate(rowValue(alias, sort, params), true, nullable);
        }
        return new Predicate(expanded(alias, table, sort, params, nullable, 0), false, nullable);
    }

    private SqlText rowValue(String alias, List<SortColumn> sort, List<String> params) {
        String op = sort.get(0).descending() ? " < " : " > ";
        if (sort.size() == 1) {
            return new SqlText().sql(ctx.ref(alias, sort.get(0).column()) + op).param(params.get(0));
        }
        List<SqlText> left = new ArrayList<>();
        List<SqlText> right = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            left.add(SqlText.of(ctx.ref(alias, sort.get(i).column())));
            right.add(new SqlText().param(params.get(i)));
        }
        return new SqlText().sql("(").append(SqlText.join(", ", left)).sql(")" + op + "(")
                .append(SqlText.join(", ", right)).sql(")");
    }

    /**
     * after(k) OR (tie(k) AND (after(k+1) OR ...)), from column k on; the outermost alternatives
     * each on a line of their own.
     */
    private SqlText expanded(String alias, String table, List<SortColumn> sort, List<String> params,
                             List<String> nullable, int k) {
        List<SqlText> alternatives = alternatives(alias, table, sort, params, nullable, k);
        return new SqlText().sql("(").append(SqlText.join("\n       OR ", alternatives)).sql(")");
    }

    private List<SqlText> alternatives(String alias, String table, List<SortColumn> sort, List<String> params,
                                       List<String> nullable, int k) {
        SortColumn s = sort.get(k);
        String col = ctx.ref(alias, s.column());
        String p = params.get(k);
        String type = ctx.type(table, s.column());
        boolean canBeNull = nullable.contains(s.column());
        List<SqlText> out = new ArrayList<>();
        out.add(new SqlText().sql(col + (s.descending() ? " < " : " > ")).param(p));
        if (canBeNull) {
            // Ascending, NULLs come last: after a value come the NULLs. Descending, NULLs come
            // first: after a NULL come all values.
            out.add(new SqlText().sql("(" + col + (s.descending() ? " IS NOT NULL AND " : " IS NULL AND "))
                    .append(ctx.bind(p, type, true)).sql(s.descending() ? " IS NULL)" : " IS NOT NULL)"));
        }
        if (k < sort.size() - 1) {
            SqlText tie = canBeNull
                    ? new SqlText().sql("(" + col + " = ").param(p).sql(" OR (" + col + " IS NULL AND ")
                    .append(ctx.bind(p, type, true)).sql(" IS NULL))")
                    : new SqlText().sql(col + " = ").param(p);
            List<SqlText> rest = alternatives(alias, table, sort, params, nullable, k + 1);
            SqlText restSql = rest.size() == 1 ? rest.get(0)
                    : new SqlText().sql("(").append(SqlText.join(" OR ", rest)).sql(")");
            out.add(new SqlText().sql("(").append(tie).sql(" AND ").append(restSql).sql(")"));
        }
        return out;
    }

    private boolean canBeNull(String table, String column, List<Condition> conditions) {
        if (!ctx.column(table, column).nullable()) {
            return false;
        }
        // Any comparison but IS NULL keeps NULLs out of the result.
        return conditions.stream().noneMatch(c -> c.column().equals(column) && c.op() != Op.IS_NULL
                && c.searchColumn().isEmpty());
    }
}
