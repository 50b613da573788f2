package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import io.accesspath.core.spec.AccessPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Reads one SELECT into the parts of an access pattern: FROM the entity, JOINs the fetch paths,
 * WHERE the filters, the select list the projection and aggregates, GROUP BY, ORDER BY, and
 * LIMIT/OFFSET the page.
 */
final class SqlSelectReader {
    private static final List<String> AGGREGATES = List.of("count", "sum", "avg", "min", "max");

    private final PlainSelect select;
    private final SqlContext ctx;
    private final SqlScopes scopes;

    SqlSelectReader(PlainSelect select, SqlContext ctx) {
        this.select = select;
        this.ctx = ctx;
        this.scopes = new SqlScopes(ctx);
    }

    /** The parts of the pattern; {@code page} is the page the spec item gives, if any. */
    PatternDraft.Query read(Optional<PatternReader.PageSpec> page) {
        rejectUnsupportedClauses();
        if (!(select.getFromItem() instanceof Table from)) {
            ctx.unsupported(select.getFromItem() == null ? select : select.getFromItem(),
                    "FROM must name an entity", "select from an entity, e.g. FROM order_line");
            return PatternDraft.Query.NONE;
        }
        Optional<Ref> entity = scopes.from(from);
        if (entity.isEmpty()) {
            return PatternDraft.Query.NONE;
        }
        List<Ref> fetch = new ArrayList<>();
        for (Join join : select.getJoins() == null ? List.<Join>of() : select.getJoins()) {
            scopes.join(join).ifPresent(fetch::add);
        }
        List<PatternDraft.FilterDraft> filters = select.getWhere() == null ? List.of()
                : new SqlConditions(ctx, scopes).filters(select.getWhere());
        List<Ref> project = new ArrayList<>();
        List<AccessPattern.Aggregate> aggregates = new ArrayList<>();
        selectItems(project, aggregates);
        return new PatternDraft.Query(entity, filters, sort(), page(page), fetch, project, aggregates, groupBy());
    }

    private void rejectUnsupportedClauses() {
        if (select.getWithItemsList() != null && !select.getWithItemsList().isEmpty()) {
            ctx.unsupported(select, "WITH", "write the query without common table expressions");
        }
        if (select.getDistinct() != null) {
            ctx.unsupported(select, "DISTINCT", "use group_by, or leave DISTINCT out");
        }
        if (select.getHaving() != null) {
            ctx.unsupported(select.getHaving(), "HAVING", "filter with WHERE");
        }
        if (select.getFetch() != null) {
            ctx.unsupported(select, "FETCH FIRST", "use LIMIT");
        }
        if (select.getForMode() != null) {
            ctx.unsupported(select, "FOR UPDATE/SHARE", "leave locking out of the access pattern");
        }
    }

    private void selectItems(List<Ref> project, List<AccessPattern.Aggregate> aggregates) {
        boolean all = false;
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression expression = item.getExpression();
            if (expression instanceof AllColumns && !(expression instanceof AllTableColumns)) {
                all = true;
            } else if (expression instanceof AllTableColumns columns) {
                all |= scopes.isMain(columns.getTable());
            } else if (expression instanceof Column column) {
                scopes.ownColumn(column, "SELECT").ifPresent(project::add);
            } else if (expression instanceof Function function && aggregateFunction(function).isPresent()) {
                aggregate(function).ifPresent(aggregates::add);
            } else {
                ctx.unsupported(expression, "select item '" + expression + "'",
                        "select columns, *, or count, sum, avg, min, max of a column");
            }
        }
        if (all) {
            project.clear();
        }
    }

    private Optional<AccessPattern.Aggregate> aggregate(Function function) {
        AccessPattern.AggregateFunction kind = aggregateFunction(function).orElseThrow();
        Loc loc = ctx.locOf(function);
        if (function.isDistinct() || function.isUnique()) {
            ctx.unsupported(function, kind.name() + "(DISTINCT ...)", "aggregate over all rows");
            return Optional.empty();
        }
        if (function.isAllColumns() && kind == AccessPattern.AggregateFunction.COUNT) {
            return Optional.of(new AccessPattern.Aggregate(kind, Optional.empty(), loc));
        }
        List<?> parameters = function.getParameters() == null ? List.of() : function.getParameters();
        if (parameters.size() == 1 && parameters.get(0) instanceof Column column) {
            return scopes.ownColumn(column, "an aggregate")
                    .map(ref -> new AccessPattern.Aggregate(kind, Optional.of(ref.name()), loc));
        }
        boolean star = parameters.isEmpty() || parameters.size() == 1 && parameters.get(0) instanceof AllColumns;
        if (star && kind == AccessPattern.AggregateFunction.COUNT) {
            return Optional.of(new AccessPattern.Aggregate(kind, Optional.empty(), loc));
        }
        ctx.unsupported(function, "aggregate '" + function + "'", "aggregate one column, e.g. sum(amount)");
        return Optional.empty();
    }

    private List<AccessPattern.SortKey> sort() {
        List<AccessPattern.SortKey> sort = new ArrayList<>();
        for (OrderByElement element : select.getOrderByElements() == null ? List.<OrderByElement>of()
                : select.getOrderByElements()) {
            if (element.getNullOrdering() != null) {
                ctx.unsupported(element.getExpression(), "NULLS FIRST/LAST", "leave the null ordering out");
            }
            if (!(element.getExpression() instanceof Column column)) {
                ctx.unsupported(element.getExpression(), "ORDER BY '" + element.getExpression() + "'",
                        "order by columns");
                continue;
            }
            scopes.ownColumn(column, "ORDER BY").ifPresent(ref -> sort.add(new AccessPattern.SortKey(ref.name(),
                    element.isAsc() ? AccessPattern.Direction.ASC : AccessPattern.Direction.DESC, ref.loc())));
        }
        return sort;
    }

    private List<Ref> groupBy() {
        GroupByElement groupBy = select.getGroupBy();
        List<Ref> refs = new ArrayList<>();
        if (groupBy == null) {
            return refs;
        }
        for (Object item : groupBy.getGroupByExpressionList()) {
            if (item instanceof Column column) {
                scopes.ownColumn(column, "GROUP BY").ifPresent(refs::add);
            } else {
                ctx.unsupported(item, "GROUP BY '" + item + "'", "group by columns");
            }
        }
        return refs;
    }

    /** LIMIT gives the size; OFFSET the offset style; the spec item's page gives the rest. */
    private Optional<AccessPattern.Page> page(Optional<PatternReader.PageSpec> spec) {
        Limit limit = select.getLimit();
        boolean offset = select.getOffset() != null || (limit != null && limit.getOffset() != null);
        OptionalInt limitSize = OptionalInt.empty();
        if (limit != null && limit.getRowCount() != null) {
            if (limit.getRowCount() instanceof LongValue n && n.getValue() > 0
                    && n.getValue() <= Integer.MAX_VALUE) {
                limitSize = OptionalInt.of((int) n.getValue());
            } else if (!SqlConditions.isParameter(limit.getRowCount())) {
                ctx.unsupported(limit.getRowCount(), "LIMIT " + limit.getRowCount(),
                        "write a positive whole number or a parameter");
                return Optional.empty();
            }
        }
        AccessPattern.PageStyle style = spec.map(PatternReader.PageSpec::style)
                .orElse(offset ? AccessPattern.PageStyle.OFFSET : AccessPattern.PageStyle.NONE);
        if (offset && spec.isPresent() && style != AccessPattern.PageStyle.OFFSET) {
            ctx.problems().add(spec.get().loc(), "page style " + style.spelling() + " in " + ctx.context()
                    + " contradicts the SQL's OFFSET", "write page: {style: offset} or leave OFFSET out");
        }
        OptionalInt specSize = spec.map(PatternReader.PageSpec::size).orElse(OptionalInt.empty());
        if (limitSize.isPresent() && specSize.isPresent() && limitSize.getAsInt() != specSize.getAsInt()) {
            ctx.problems().add(spec.get().loc(), "page size " + specSize.getAsInt() + " in " + ctx.context()
                    + " differs from the SQL's LIMIT " + limitSize.getAsInt(), "give the size once");
        }
        OptionalInt size = limitSize.isPresent() ? limitSize : specSize;
        if (size.isEmpty()) {
            if (limit != null && limit.getRowCount() != null) {
                ctx.problems().add(ctx.locOf(limit.getRowCount()), "LIMIT with a parameter in " + ctx.context()
                        + " needs the page size", "add page: N to the access pattern");
            } else {
                spec.filter(s -> !s.sizeWritten()).ifPresent(s -> ctx.problems().add(s.loc(), "missing required key 'size' in page of "
                        + ctx.context(), "give the size, or a LIMIT in the SQL"));
            }
            return Optional.empty();
        }
        return Optional.of(new AccessPattern.Page(size.getAsInt(), style));
    }

/** The aggregate function of a select item, if it is one of count, sum, avg, min, max. */
private static Optional<AccessPattern.AggregateFunction> aggregateFunction(Function function) {
    String name = function.getName().toLowerCase(Locale.ROOT);
    return AGGREGATES.contains(name)
            ? Optional.of(AccessPattern.AggregateFunction.valueOf(name.toUpperCase(Locale.ROOT)))
            : Optional.empty();
}
}
