package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Evidence;
import io.accesspath.core.plan.diagnose.Fix;
import io.accesspath.core.plan.diagnose.Kind;
import io.accesspath.core.plan.diagnose.internal.Condition.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.accesspath.core.plan.diagnose.internal.Context.fact;

/**
 * non-sargable: a selective filter (removing at least {@link #MIN_REMOVED_SHARE} of at least
 * {@link #MIN_ROWS_READ} rows) with conditions an index on the plain column cannot serve: a
 * function or expression on the column ({@code lower(email) = ...}, {@code date_trunc(...)}),
 * a cast of the column ({@code (customer_id)::numeric = 4242.0}, {@code (id)::text = '42'}), a
 * LIKE/ILIKE pattern with a leading wildcard, an OR across columns (scan filters) or across
 * relations (join filters). A function in an Index Cond is not reported: an expression index
 * already serves it. Each condition gets its fix: a rewritten predicate where one is exact, an
 * expression index for immutable functions, a trigram index for wildcards, a UNION or one index
 * per column for ORs.
 */
final class NonSargableRule implements Rule {
    /** Share of the rows read that the filter must remove. */
    static final double MIN_REMOVED_SHARE = 0.9;
    /** Rows the node must read (returned plus removed, over all loops). */
    static final double MIN_ROWS_READ = 10_000;

    private static final Set<String> SCANS = Set.of("Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan");
    private static final Set<Shape> SCAN_SHAPES = Set.of(Shape.FUNCTION_ON_COLUMN, Shape.CAST_ON_COLUMN,
            Shape.LEADING_WILDCARD, Shape.OR_ACROSS_COLUMNS);
    /** Immutable functions commonly applied to columns: an expression index on them is allowed. */
    private static final Set<String> INDEXABLE_FUNCTIONS = Set.of("lower", "upper", "btrim", "ltrim", "rtrim", "md5",
            "abs", "left", "right", "substr", "reverse", "jsonb_extract_path_text");
    private static final Pattern DATE_TRUNC = Pattern.compile("date_trunc\\('(\\w+)'(?:::text)?, (.+)\\)");
    private static final Pattern INTEGRAL = Pattern.compile("'?(-?\\d+)(?:\\.0*)?'?(?:::\\w+)?");

    @Override
    public Kind kind() {
        return Kind.NON_SARGABLE;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        List<Diagnosis> out = new ArrayList<>();
        ctx.nodes().forEach(n -> {
            if (SCANS.contains(n.nodeType()) && n.relationName().isPresent()) {
                check(ctx, n, n.filter(), n.rowsRemovedByFilter(), Scope.of(n), SCAN_SHAPES).ifPresent(out::add);
            } else if (Context.isJoin(n)) {
                boolean join = n.joinFilter().isPresent();
                check(ctx, n, join ? n.joinFilter() : n.filter(), join ? n.rowsRemovedByJoinFilter()
                        : n.rowsRemovedByFilter(), Scope.NONE, Set.of(Shape.OR_ACROSS_RELATIONS)).ifPresent(out::add);
            }
        });
        return out;
    }

    private Optional<Diagnosis> check(Context ctx, PlanNode node, Optional<String> filter, OptionalDouble removedPerLoop,
                                      Scope scope, Set<Shape> shapes) {
        double removed = Context.total(node, removedPerLoop);
        double read = removed + Context.rows(node);
        if (filter.isEmpty() || read < MIN_ROWS_READ || removed / read < MIN_REMOVED_SHARE) {
            return Optional.empty();
        }
        List<Condition> flagged = Predicates.conjuncts(filter, scope).stream().filter(c -> shapes.contains(c.shape()))
                .toList();
        if (flagged.isEmpty()) {
            return Optional.empty();
        }
        List<Fix> fixes = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (Condition c : flagged) {
            why.add(reason(c));
            fixes.addAll(fixes(node, c));
        }
        Evidence evidence = new Evidence(List.of(fact("Rows Removed by Filter", removed, "rows"),
                fact("Removed Share", removed / read, "share")),
                "The filter " + filter.get() + " removed " + Fmt.count(removed) + " of " + Fmt.count(read) + " rows ("
                        + Fmt.pct(removed / read) + ").");
        String gain = scope.qualifiers().isEmpty()
                ? "Filtering each table before the join avoids joining " + Fmt.count(removed) + " rows that are thrown away."
                : "A predicate an index can serve avoids reading " + Fmt.count(removed) + " rows.";
        return Optional.of(ctx.diagnosis(kind(), Optional.of(node), evidence, String.join(" ", why), fixes,
                Context.Gain.of(ctx.inclusive(node), removed, gain)));
    }

    private static String reason(Condition c) {
        String column = c.column().orElse("");
        return switch (c.shape()) {
            case FUNCTION_ON_COLUMN -> c.text() + " applies " + (c.detail().isEmpty() ? "an expression" : c.detail() + "()")
                    + " to " + column + ", so an index on " + column + " cannot serve it.";
            case CAST_ON_COLUMN -> c.text() + " converts " + column + " to " + c.detail() + " before comparing (the value "
                    + "it is compared with has another type), so an index on " + column + " cannot serve it.";
            case LEADING_WILDCARD -> c.text() + " starts its pattern with a wildcard, so a B-tree index on " + column
                    + " cannot seek to it.";
            case OR_ACROSS_COLUMNS -> c.text() + " is an OR over " + String.join(", ", c.columns()) + ": one index "
                    + "cannot serve it, and without an index on each column PostgreSQL reads every row.";
            default -> c.text() + " is an OR over columns of different relations, so neither side can be filtered "
                    + "before the join: both inputs are read in full and joined before the filter applies.";
        };
    }

    private static List<Fix> fixes(PlanNode node, Condition c) {
        String table = node.relationName().isPresent() ? Context.table(node) : "";
        String column = c.column().orElse("");
        switch (c.shape()) {
            case FUNCTION_ON_COLUMN -> {
                Matcher trunc = DATE_TRUNC.matcher(c.target());
                if (c.detail().equals("date_trunc") && trunc.matches() && c.op().equals("=")) {
                    String col = trunc.group(2);
                    return List.of(Fix.of("Compare the column itself with the " + trunc.group(1) + " the value starts "
                            + "(the same rows when the value is the start of a " + trunc.group(1) + "); an index on "
                            + col + " serves it.", col + " >= " + c.value() + " AND " + col + " < "
                            + c.value() + " + interval '1 " + trunc.group(1) + "'"));
                }
                if (INDEXABLE_FUNCTIONS.contains(c.detail().toLowerCase(Locale.ROOT))) {
                    return List.of(Fix.of("Index the expression, so the condition becomes an index condition as written.",
                            Sql.createIndex(table, List.of("(" + c.target() + ")"))));
                }
                return List.of(Fix.of("Rewrite " + c.text() + " so " + column + " stands alone on one side, or, if "
                        + c.target() + " is IMMUTABLE, index that expression."));
            }
            case CAST_ON_COLUMN -> {
                Matcher integral = INTEGRAL.matcher(c.value());
                if (c.detail().equals("date") && c.op().equals("=")) {
                    return List.of(Fix.of("Compare the column with the day's range instead of casting it.",
                            column + " >= " + c.value() + " AND " + column + " < " + c.value() + " + 1"));
                }
                if (integral.matches() && c.op().equals("=")) {
                    return List.of(Fix.of("Compare with a value of the column's own type, so the column is not cast.",
                            column + " " + c.op() + " " + integral.group(1)));
                }
                return List.of(Fix.of("Compare " + column + " with a value of its own type (cast the value, not the "
                        + "column), so an index on " + column + " serves the condition."));
            }
            case LEADING_WILDCARD -> {
                return List.of(Fix.of("Create a trigram index, which serves LIKE and ILIKE with any wildcards.",
                        "CREATE EXTENSION IF NOT EXISTS pg_trgm;\n"
                                + Sql.createIndex(table + " USING gin", List.of(column + " gin_trgm_ops"))));
            }
            case OR_ACROSS_COLUMNS -> {
                List<String> indexes = c.columns().stream().map(col -> Sql.createIndex(table, List.of(col))).toList();
                return List.of(
                        Fix.of("Give every column of the OR an index (skip those that exist), so PostgreSQL can "
                                + "combine them in a BitmapOr.", String.join("\n", indexes)),
                        Fix.of("Or split the query into a UNION of one query per alternative: "
                                + String.join("; ", c.arms()) + "."));
            }
            default -> {
                return List.of(Fix.of("Split the query into a UNION of one query per alternative, each filtering its "
                        + "own table before the join: " + String.join("; ", c.arms()) + "."));
            }
        }
    }
}
