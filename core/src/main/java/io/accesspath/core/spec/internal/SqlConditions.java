package io.accesspath.core.spec.internal;

import io.accesspath.core.spec.AccessPattern.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.Contains;
import net.sf.jsqlparser.expression.operators.relational.DoubleAnd;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.JsonOperator;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.Matches;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Translates a WHERE clause into filters: a conjunction of comparisons, each between a column
 * and a parameter ({@code :name}, {@code ?} or any expression without columns, such as
 * {@code now()}) or a constant.
 */
final class SqlConditions {
    private static final String SUPPORTED = "compare a column with a parameter (:name or ?) or a constant using"
            + " =, <>, <, <=, >, >=, IN, BETWEEN, LIKE 'x%', @>, &&, @@ or IS [NOT] NULL, joined by AND";

    private final SqlContext ctx;
    private final SqlScopes scopes;

    SqlConditions(SqlContext ctx, SqlScopes scopes) {
        this.ctx = ctx;
        this.scopes = scopes;
    }

    List<PatternDraft.FilterDraft> filters(Expression where) {
        List<PatternDraft.FilterDraft> filters = new ArrayList<>();
        for (Expression condition : conjuncts(where)) {
            filter(condition).ifPresent(filters::add);
        }
        return filters;
    }

    private static List<Expression> conjuncts(Expression expression) {
        Expression e = repairIn(expression);
        if (e instanceof AndExpression and) {
            List<Expression> all = new ArrayList<>(conjuncts(and.getLeftExpression()));
            all.addAll(conjuncts(and.getRightExpression()));
            return all;
        }
        if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            return conjuncts(list.get(0));
        }
        return List.of(e);
    }

    /**
     * JSqlParser 5.3 parses {@code a IN (1, 2) AND b = 3} as {@code a IN ((1, 2) AND b = 3)}
     * (JSqlParser issue #2244, fixed after 5.3). The list is then the leftmost operand of the
     * AND/OR tree on the right; this moves the IN back around it.
     */
    static Expression repairIn(Expression expression) {
        if (!(expression instanceof InExpression in) || !isAndOr(in.getRightExpression())) {
            return expression;
        }
        BinaryExpression top = (BinaryExpression) in.getRightExpression();
        BinaryExpression parent = top;
        while (isAndOr(parent.getLeftExpression())) {
            parent = (BinaryExpression) parent.getLeftExpression();
        }
        InExpression repaired = new InExpression(in.getLeftExpression(), parent.getLeftExpression());
        repaired.setNot(in.isNot());
        repaired.setASTNode(in.getASTNode());
        parent.setLeftExpression(repaired);
        return top;
    }

    private static boolean isAndOr(Expression e) {
        return e instanceof AndExpression || e instanceof OrExpression;
    }

    private Optional<PatternDraft.FilterDraft> filter(Expression condition) {
        if (condition instanceof OrExpression) {
            ctx.unsupported(condition, "OR", "write one access pattern for each branch");
        } else if (condition instanceof NotExpression || condition instanceof InExpression in && in.isNot()
                || condition instanceof Between b && b.isNot() || condition instanceof LikeExpression l && l.isNot()) {
            ctx.unsupported(condition, "NOT", SUPPORTED);
        } else if (condition instanceof IsNullExpression isNull) {
            return column(isNull.getLeftExpression(), condition).map(c -> draft(c,
                    isNull.isNot() ? Op.IS_NOT_NULL : Op.IS_NULL, condition, List.of(), condition));
        } else if (condition instanceof InExpression in) {
            return in(in);
        } else if (condition instanceof Between between) {
            return between(between);
        } else if (condition instanceof LikeExpression like) {
            return like(like);
        } else if (isContains(condition) || condition instanceof DoubleAnd || condition instanceof Matches) {
            Op op = isContains(condition) ? Op.CONTAINS : condition instanceof DoubleAnd ? Op.OVERLAPS : Op.FULLTEXT;
            return compare((BinaryExpression) condition, op, false);
        } else if (condition instanceof ComparisonOperator comparison) {
            return comparison(comparison);
        } else {
            ctx.unsupported(condition, "condition '" + condition + "'", SUPPORTED);
        }
        return Optional.empty();
    }

    /** {@code @>}: JSqlParser reads it as a JSON operator or, in some positions, as {@code Contains}. */
    private static boolean isContains(Expression condition) {
        return condition instanceof Contains
                || condition instanceof JsonOperator json && json.getStringExpression().equals("@>");
    }

    private Optional<PatternDraft.FilterDraft> comparison(ComparisonOperator comparison) {
        boolean columnOnRight = !(comparison.getLeftExpression() instanceof Column)
                && comparison.getRightExpression() instanceof Column;
        Op op;
        if (comparison instanceof EqualsTo) {
            Expression value = columnOnRight ? comparison.getLeftExpression() : comparison.getRightExpression();
            if (value instanceof Function any && any.getName().equalsIgnoreCase("any")) {
                return column(columnOnRight ? comparison.getRightExpression() : comparison.getLeftExpression(), comparison)
                        .map(c -> draft(c, Op.IN, comparison, List.of(), value));
            }
            op = Op.EQ;
        } else if (comparison instanceof NotEqualsTo) {
            op = Op.NE;
        } else if (comparison instanceof GreaterThan) {
            op = columnOnRight ? Op.LT : Op.GT;
        } else if (comparison instanceof GreaterThanEquals) {
            op = columnOnRight ? Op.LTE : Op.GTE;
        } else if (comparison instanceof MinorThan) {
            op = columnOnRight ? Op.GT : Op.LT;
        } else if (comparison instanceof MinorThanEquals) {
            op = columnOnRight ? Op.GTE : Op.LTE;
        } else {
            ctx.unsupported(comparison, "operator " + comparison.getStringExpression(), SUPPORTED);
            return Optional.empty();
        }
        return compare(comparison, op, columnOnRight);
    }

    private Optional<PatternDraft.FilterDraft> compare(BinaryExpression condition, Op op, boolean columnOnRight) {
        Expression columnSide = columnOnRight ? condition.getRightExpression() : condition.getLeftExpression();
        Expression valueSide = columnOnRight ? condition.getLeftExpression() : condition.getRightExpression();
        Optional<Ref> column = column(columnSide, condition);
        Optional<List<String>> values = value(valueSide, condition);
        if (column.isEmpty() || values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(draft(column.get(), op, condition, values.get(), valueSide));
    }

    private Optional<PatternDraft.FilterDraft> in(InExpression in) {
        Optional<Ref> column = column(in.getLeftExpression(), in);
        Expression right = in.getRightExpression();
        List<Expression> items = right instanceof ExpressionList<?> list ? new ArrayList<>(list) : List.of(right);
        List<String> constants = new ArrayList<>();
        boolean parameters = false;
        for (Expression item : items) {
            Optional<String> literal = literal(item);
            if (literal.isPresent()) {
                constants.add(literal.get());
            } else if (isParameter(item)) {
                parameters = true;
            } else {
                ctx.unsupported(item, "IN item '" + item + "'", "list parameters or constants, not a subquery");
                return Optional.empty();
            }
        }
        if (parameters && !constants.isEmpty()) {
            ctx.unsupported(right, "IN mixing parameters and constants", "list either parameters or constants");
            return Optional.empty();
        }
        return column.map(c -> draft(c, Op.IN, in, constants, right));
    }

    private Optional<PatternDraft.FilterDraft> between(Between between) {
        Optional<Ref> column = column(between.getLeftExpression(), between);
        Optional<String> low = literal(between.getBetweenExpressionStart());
        Optional<String> high = literal(between.getBetweenExpressionEnd());
        if (low.isPresent() != high.isPresent()) {
            ctx.unsupported(between, "BETWEEN a parameter and a constant", "give two parameters or two constants");
            return Optional.empty();
        }
        if (low.isEmpty() && !(isParameter(between.getBetweenExpressionStart())
                && isParameter(between.getBetweenExpressionEnd()))) {
            ctx.unsupported(between, "BETWEEN over columns", SUPPORTED);
            return Optional.empty();
        }
        List<String> constants = low.isPresent() ? List.of(low.get(), high.get()) : List.of();
        return column.map(c -> draft(c, Op.RANGE, between, constants, between.getBetweenExpressionStart()));
    }

    /** {@code LIKE 'abc%'} (a constant prefix) or {@code LIKE :p} / {@code LIKE :p || '%'} (a parameter prefix). */
    private Optional<PatternDraft.FilterDraft> like(LikeExpression like) {
        if (like.getLikeKeyWord() != LikeExpression.KeyWord.LIKE || like.getEscape() != null) {
            ctx.unsupported(like, like.getLikeKeyWord() + (like.getEscape() != null ? " ... ESCAPE" : ""),
                    "use LIKE 'prefix%' (or fulltext on a searchable_text attribute)");
            return Optional.empty();
        }
        Expression pattern = like.getRightExpression();
        Optional<Ref> column = column(like.getLeftExpression(), like);
        if (pattern instanceof StringValue string) {
            String text = string.getNotExcapedValue();
            String prefix = text.endsWith("%") ? text.substring(0, text.length() - 1) : "";
            if (prefix.isEmpty() || prefix.contains("%") || prefix.contains("_")) {
                ctx.unsupported(pattern, "LIKE '" + text + "'", "only prefixes can use an index: LIKE 'abc%'");
                return Optional.empty();
            }
            return column.map(c -> draft(c, Op.PREFIX, like, List.of(prefix), pattern));
        }
        boolean parameterPrefix = isParameter(pattern) && !(pattern instanceof Concat concat
                && concat.getLeftExpression() instanceof StringValue);
        if (!parameterPrefix) {
            ctx.unsupported(pattern, "LIKE " + pattern, "only prefixes can use an index: LIKE :prefix || '%'");
            return Optional.empty();
        }
        return column.map(c -> draft(c, Op.PREFIX, like, List.of(), pattern));
    }

    private PatternDraft.FilterDraft draft(Ref column, Op op, Expression condition, List<String> values, Expression value) {
        return new PatternDraft.FilterDraft(column, op, ctx.locOf(condition), values, ctx.locOf(value),
                OptionalDouble.empty());
    }

    /** The column a condition is on; expressions over columns are not supported. */
    private Optional<Ref> column(Expression expression, Expression condition) {
        if (expression instanceof Column column && !isBooleanLiteral(column)) {
            return scopes.filterColumn(column);
        }
        ctx.unsupported(expression, "condition on '" + expression + "'", SUPPORTED);
        return Optional.empty();
    }

    /** The constants an operand stands for (none for a parameter), or empty if it is neither. */
    private Optional<List<String>> value(Expression expression, Expression condition) {
        if (expression instanceof NullValue) {
            ctx.unsupported(condition, "comparison with NULL", "write IS NULL or IS NOT NULL");
            return Optional.empty();
        }
        Optional<String> literal = literal(expression);
        if (literal.isPresent()) {
            return Optional.of(List.of(literal.get()));
        }
        if (isParameter(expression)) {
            return Optional.of(List.of());
        }
        ctx.unsupported(condition, "condition '" + condition + "'", SUPPORTED);
        return Optional.empty();
    }

    /** The text of a constant: a string, a number, a boolean, a date or timestamp literal. */
    static Optional<String> literal(Expression expression) {
        if (expression instanceof StringValue s) {
            return Optional.of(s.getNotExcapedValue());
        }
        if (expression instanceof LongValue n) {
            return Optional.of(n.getStringValue());
        }
        if (expression instanceof DoubleValue d) {
            return Optional.of(d.toString());
        }
        if (expression instanceof SignedExpression signed && (signed.getExpression() instanceof LongValue
                || signed.getExpression() instanceof DoubleValue)) {
            return Optional.of(signed.toString().replace(" ", ""));
        }
        if (expression instanceof BooleanValue b) {
            return Optional.of(Boolean.toString(b.getValue()));
        }
        if (expression instanceof Column column && isBooleanLiteral(column)) {
            return Optional.of(column.getColumnName().toLowerCase(Locale.ROOT));
        }
        if (expression instanceof DateTimeLiteralExpression dateTime) {
            return Optional.of(dateTime.getValue().replaceAll("^'|'$", ""));
        }
        if (expression instanceof CastExpression cast && cast.getLeftExpression() != null) {
            return literal(cast.getLeftExpression());
        }
        return Optional.empty();
    }

    private static boolean isBooleanLiteral(Column column) {
        String name = column.getFullyQualifiedName().toLowerCase(Locale.ROOT);
        return name.equals("true") || name.equals("false");
    }

    /**
     * A value known only when the query runs: a parameter, or any expression without columns or
     * subqueries ({@code now() - interval '1 day'}).
     */
    static boolean isParameter(Expression expression) {
        if (expression instanceof JdbcParameter || expression instanceof JdbcNamedParameter) {
            return true;
        }
        return literal(expression).isEmpty() && !(expression instanceof NullValue) && !hasSubquery(expression)
                && SqlScopes.columnsIn(expression).stream().allMatch(SqlConditions::isBooleanLiteral);
    }

    private static boolean hasSubquery(Expression expression) {
        if (expression instanceof Select) {
            return true;
        }
        boolean[] found = {false};
        expression.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(ParenthesedSelect select, S context) {
                found[0] = true;
                return null;
            }
        }, null);
        return found[0];
    }
}
