package io.accesspath.core.spec;

import io.accesspath.core.error.Loc;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One way the application reads data: the heart of the spec. Every index the designer creates
 * serves at least one access pattern.
 *
 * @param name        unique name; also the name of the generated query
 * @param entity      the entity the pattern returns (the FROM)
 * @param filters     the WHERE conditions, each on an attribute or relationship of the entity
 *                    or (dotted, {@code customer.country}) of a related entity
 * @param sort        ORDER BY, in order
 * @param page        page size and pagination style, if the pattern pages
 * @param fetch       related entities read together with each row ({@code customer},
 *                    {@code lines}, {@code lines.product})
 * @param project     the attributes the caller needs; empty means all
 * @param aggregates  aggregates computed (count, sum, ...); with {@code groupBy}
 * @param groupBy     grouping attributes for aggregates
 * @param frequency   how often the pattern runs
 * @param latencyP95Ms the p95 latency target in milliseconds, if any
 * @param staleOk     whether results may lag writes (a replica, a cache or a materialized view
 *                    may answer)
 * @param sql         the SQL the pattern was written as, if it was (parsed into the fields
 *                    above)
 */
public record AccessPattern(String name, Optional<String> description, String entity, List<Filter> filters,
                            List<SortKey> sort, Optional<Page> page, List<String> fetch, List<String> project,
                            List<Aggregate> aggregates, List<String> groupBy, Rate frequency,
                            OptionalDouble latencyP95Ms, boolean staleOk, Optional<String> sql, Loc loc) {

    public AccessPattern {
        filters = List.copyOf(filters);
        sort = List.copyOf(sort);
        fetch = List.copyOf(fetch);
        project = List.copyOf(project);
        aggregates = List.copyOf(aggregates);
        groupBy = List.copyOf(groupBy);
    }

    /** A comparison in the WHERE clause. */
    public enum Op {
        EQ("eq"), IN("in"), NE("ne"), RANGE("range"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte"),
        PREFIX("prefix"), CONTAINS("contains"), OVERLAPS("overlaps"), FULLTEXT("fulltext"), NEAR("near"),
        WITHIN("within"), IS_NULL("is_null"), IS_NOT_NULL("is_not_null");

        private final String spelling;

        Op(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }

        /** Equality-like: an index can seek to exactly the matching keys. */
        public boolean isEquality() {
            return this == EQ || this == IN || this == IS_NULL;
        }

        /** Range-like: an index can scan one contiguous slice of keys. */
        public boolean isRange() {
            return this == RANGE || this == GT || this == GTE || this == LT || this == LTE || this == PREFIX;
        }

        public static Optional<Op> fromSpelling(String s) {
            for (Op op : values()) {
                if (op.spelling.equals(s)) {
                    return Optional.of(op);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One WHERE condition.
     *
     * @param attribute   the attribute or relationship (dotted for a related entity's attribute)
     * @param op          the comparison
     * @param values      the constants the pattern always uses ({@code status = 'open'}: one;
     *                    {@code status IN ('paid', 'shipped')}: several; a constant {@code range}:
     *                    low and high); empty when the value is a parameter
     * @param selectivity the share of rows the condition keeps, if the user knows it better than
     *                    the designer's estimate
     */
    public record Filter(String attribute, Op op, List<String> values, OptionalDouble selectivity, Loc loc) {
        public Filter {
            values = List.copyOf(values);
        }

        /** A filter with at most one constant value. */
        public Filter(String attribute, Op op, Optional<String> value, OptionalDouble selectivity, Loc loc) {
            this(attribute, op, value.map(List::of).orElse(List.of()), selectivity, loc);
        }

        /** The constant value, if the filter has exactly one. */
        public Optional<String> value() {
            return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
        }

        public boolean isConstant() {
            return !values.isEmpty() || op == Op.IS_NULL || op == Op.IS_NOT_NULL;
        }
    }

    public enum Direction {
        ASC, DESC;

        public String sql() {
            return name();
        }
    }

    public record SortKey(String attribute, Direction direction, Loc loc) {}

    public enum PageStyle {
        KEYSET("keyset"), OFFSET("offset"), NONE("none");

        private final String spelling;

        PageStyle(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }
    }

    /** {@code size} rows a page; {@code NONE} means "first N only" (a LIMIT without paging). */
    public record Page(int size, PageStyle style) {}

    public enum AggregateFunction { COUNT, SUM, AVG, MIN, MAX }

    /** An aggregate; {@code attribute} is empty for {@code count(*)}. */
    public record Aggregate(AggregateFunction function, Optional<String> attribute, Loc loc) {}

    /** Whether any filter is on a related entity (a dotted path). */
    public boolean filtersThroughJoin() {
        return filters.stream().anyMatch(f -> f.attribute().contains("."));
    }
}
