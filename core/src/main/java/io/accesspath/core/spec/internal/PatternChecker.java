package io.accesspath.core.spec.internal;

import io.accesspath.core.spec.AccessPattern;
import io.accesspath.core.spec.AccessPattern.AggregateFunction;
import io.accesspath.core.spec.LogicalType;
import io.accesspath.core.spec.Rate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks an access pattern, written in YAML or in SQL, against the model: every name resolves,
 * every operator fits its column's type, every constant fits too.
 */
final class PatternChecker {
    private static final List<String> NUMERIC = List.of("integer", "bigint", "decimal", "money");

    private final Resolver resolver;
    private final Problems problems;

    PatternChecker(Resolver resolver, Problems problems) {
        this.resolver = resolver;
        this.problems = problems;
    }

    Optional<AccessPattern> check(PatternDraft draft) {
        Optional<Model.EntityInfo> entity = draft.entity().flatMap(ref -> resolver.entity(ref, draft.context()));
        if (entity.isEmpty()) {
            return Optional.empty();
        }
        Model.EntityInfo on = entity.get();
        List<AccessPattern.Filter> filters = new ArrayList<>();
        for (PatternDraft.FilterDraft filter : draft.filters()) {
            checkFilter(on, filter, draft.context());
            filters.add(new AccessPattern.Filter(filter.attribute().name(), filter.op(), filter.values(),
                    filter.selectivity(), filter.attribute().loc()));
        }
        for (AccessPattern.SortKey key : draft.sort()) {
            ownColumn(on, new Ref(key.attribute(), key.loc()), "'order_by' in " + draft.context())
                    .filter(c -> !Operators.orderable(typeOf(c)))
                    .ifPresent(c -> problems.add(key.loc(), "cannot order by '" + key.attribute() + "' of type "
                            + typeOf(c).orElseThrow() + " in " + draft.context()));
        }
        draft.page().filter(p -> p.style() == AccessPattern.PageStyle.KEYSET && draft.sort().isEmpty())
                .ifPresent(p -> problems.add(draft.loc(), "keyset paging in " + draft.context() + " needs 'order_by'",
                        "order by columns that end with a unique one, e.g. order_by: [placed_at desc, id desc]"));
        draft.fetch().forEach(ref -> resolver.navigations(on, ref));
        draft.project().forEach(ref -> ownColumn(on, ref, "'project' in " + draft.context()));
        draft.aggregates().forEach(aggregate -> checkAggregate(on, aggregate, draft.context()));
        draft.groupBy().forEach(ref -> ownColumn(on, ref, "'group_by' in " + draft.context()));
        if (!draft.groupBy().isEmpty() && draft.aggregates().isEmpty()) {
            problems.add(draft.groupBy().get(0).loc(), "'group_by' in " + draft.context() + " needs 'aggregates'");
        }
        if (draft.frequency().isEmpty()) {
            return Optional.empty();
        }
        Rate frequency = draft.frequency().get();
        return Optional.of(new AccessPattern(draft.name(), draft.description(), on.name, filters, draft.sort(),
                draft.page(), draft.fetch().stream().map(Ref::name).toList(),
                draft.project().stream().map(Ref::name).toList(), draft.aggregates(),
                draft.groupBy().stream().map(Ref::name).toList(), frequency, draft.latencyP95Ms(), draft.staleOk(),
                draft.sql(), draft.loc()));
    }

    private void checkFilter(Model.EntityInfo on, PatternDraft.FilterDraft filter, String context) {
        Optional<Model.Navigation> link = on.navigation(filter.attribute().name())
                .filter(n -> n.reference().isEmpty() && on.column(filter.attribute().name()).isEmpty());
        if (link.isPresent()) {
            // a many-to-many link: "products in category :c" filters by the other end's key
            AccessPattern.Op op = filter.op();
            if (op != AccessPattern.Op.EQ && op != AccessPattern.Op.IN) {
                problems.add(filter.opLoc(), "operator '" + op.spelling() + "' does not apply to many-to-many"
                        + " relationship '" + filter.attribute().name() + "' in " + context,
                        "filter a many-to-many relationship with eq or in (the other end's key)");
            }
            return;
        }
        Optional<Resolver.Target> target = resolver.path(on, filter.attribute());
        if (target.isEmpty()) {
            return;
        }
        Model.Column column = target.get().column();
        if (column.kind() == Model.ColumnKind.ATTRIBUTE && column.type().isEmpty()) {
            return;
        }
        Optional<String> type = typeOf(column);
        AccessPattern.Op op = filter.op();
        if (!Operators.applies(op, type)) {
            String what = type.map(t -> "attribute '" + filter.attribute().name() + "' of type " + t)
                    .orElse(column.describe() + " '" + filter.attribute().name() + "'");
            problems.add(filter.opLoc(), "operator '" + op.spelling() + "' does not apply to " + what + " in "
                    + context, op.spelling() + " applies to " + String.join(", ", Operators.typesFor(op)));
            return;
        }
        Optional<String> countProblem = Operators.valueCountProblem(op, filter.values().size());
        if (countProblem.isPresent()) {
            problems.add(filter.valueLoc(), "wrong number of values for '" + filter.attribute().name() + "' in "
                    + context, countProblem.get());
            return;
        }
        if (column.type().isPresent() && constantsAreElements(op, column.type().get())) {
            for (String value : filter.values()) {
                Literals.problem(value, column.type().get()).ifPresent(hint -> problems.add(filter.valueLoc(),
                        "invalid value '" + value + "' for attribute '" + filter.attribute().name() + "' of type "
                                + column.type().get().specName() + " in " + context, hint));
            }
        }
    }

    /** Whether the constants of {@code op} are values of the column's type (not, say, elements of an array). */
    private static boolean constantsAreElements(AccessPattern.Op op, LogicalType type) {
        return !(type instanceof LogicalType.Array || type instanceof LogicalType.Range
                || type instanceof LogicalType.Json) && op != AccessPattern.Op.PREFIX;
    }

    private void checkAggregate(Model.EntityInfo on, AccessPattern.Aggregate aggregate, String context) {
        if (aggregate.attribute().isEmpty()) {
            return;
        }
        Ref ref = new Ref(aggregate.attribute().get(), aggregate.loc());
        Optional<Model.Column> column = ownColumn(on, ref, "'aggregates' in " + context);
        if (column.isEmpty() || column.get().kind() == Model.ColumnKind.ATTRIBUTE && column.get().type().isEmpty()) {
            return;
        }
        Optional<String> type = typeOf(column.get());
        AggregateFunction function = aggregate.function();
        boolean numeric = type.filter(NUMERIC::contains).isPresent();
        boolean fits = switch (function) {
            case COUNT -> true;
            case SUM, AVG -> numeric;
            case MIN, MAX -> Operators.orderable(type);
        };
        if (!fits) {
            String name = function.name().toLowerCase(Locale.ROOT);
            problems.add(aggregate.loc(), "cannot compute " + name + " of '" + ref.name() + "' ("
                    + type.orElse(column.get().describe()) + ") in " + context,
                    name + (function == AggregateFunction.SUM || function == AggregateFunction.AVG
                            ? " needs a number attribute" : " needs an ordered attribute"));
        }
    }

    /** A column of the pattern's own entity (no dotted path). */
    private Optional<Model.Column> ownColumn(Model.EntityInfo on, Ref ref, String label) {
        if (ref.name().contains(".")) {
            problems.add(ref.loc(), label + " names '" + ref.name() + "' on a related entity",
                    "list columns of entity '" + on.name + "' only");
            return Optional.empty();
        }
        return resolver.column(on, ref);
    }

    private static Optional<String> typeOf(Model.Column column) {
        return column.type().map(LogicalType::specName);
    }
}
