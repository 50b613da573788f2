package io.accesspath.core.design.internal;

import io.accesspath.core.spec.AccessPattern;
import io.accesspath.core.spec.LogicalType;
import java.util.List;
import java.util.Optional;

/**
 * An access pattern resolved onto a table's columns.
 *
 * @param joinConds       conditions on other tables the pattern joins to filter (many-to-many
 *                        links, dotted paths), with the column as {@code table.column}
 * @param joinSelectivity the share of the pattern table's rows those conditions keep
 */
public record Resolved(AccessPattern pattern, TableInfo table, List<Cond> conds, List<Sort> sort,
                       Optional<Integer> limit, List<String> neededColumns, boolean allColumns,
                       List<Fetch> fetches, List<Cond> joinConds, double joinSelectivity) {

    /** How an index can use a condition. */
    public enum Use {
        /** column = value: seekable, and the column then drops out of the sort order */
        EQ,
        /** column IN (...): seekable with several descents; breaks the order of later columns */
        IN,
        /** a contiguous range: seekable, but ends the seek */
        RANGE,
        /** a constant on a low-cardinality column: a partial index predicate */
        PREDICATE,
        /** needs a special index method (GIN, GiST) */
        SPECIAL,
        /** cannot use an index (ne, is not null on a mostly-filled column) */
        RESIDUAL
    }

    /**
     * One resolved condition.
     *
     * @param source      the name in the spec ({@code customer}, {@code status}, or implicit
     *                    {@code tenant} / soft-delete conditions)
     * @param column      the column it tests
     * @param type        the logical type of the column, when known
     * @param implicit    added by the designer (tenant scope, soft delete), not written in the spec
     * @param predicateSql for PREDICATE conditions, the SQL of the partial-index predicate
     * @param hotSelectivity the share of rows the condition keeps for the hottest value it can
     *                    take (the most-referenced parent under skew, the commonest enum value):
     *                    what the slowest calls see
     */
    public record Cond(String source, String column, AccessPattern.Op op, List<String> values, double selectivity,
                       Use use, Optional<LogicalType> type, boolean implicit, Optional<String> predicateSql,
                       double hotSelectivity) {
        public Cond(String source, String column, AccessPattern.Op op, List<String> values, double selectivity,
                    Use use, Optional<LogicalType> type, boolean implicit, Optional<String> predicateSql) {
            this(source, column, op, values, selectivity, use, type, implicit, predicateSql, selectivity);
        }

        public Cond {
            values = List.copyOf(values);
            hotSelectivity = Math.max(selectivity, hotSelectivity);
        }

        /** The selectivity for the average call, or for the hottest value. */
        public double selectivity(boolean hot) {
            return hot ? hotSelectivity : selectivity;
        }

        public String describe() {
            return column + " " + op.spelling() + (values.isEmpty() ? "" : " '" + String.join("', '", values) + "'");
        }

        /** The single constant, if there is exactly one. */
        public Optional<String> value() {
            return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
        }
    }

    /** One ORDER BY key on a column; {@code tiebreaker} if added by the designer for keyset paging. */
    public record Sort(String column, boolean descending, boolean tiebreaker) {}

    /**
     * A related entity read with each row.
     *
     * @param path        the fetch path as written ({@code lines.product})
     * @param parentPath  the fetch path this one continues, empty when it starts at the pattern
     * @param fromTable   the table joined from
     * @param toTable     the table joined to
     * @param joinColumns the columns an index lookup uses: of {@code toTable} (its key, or the
     *                    foreign key of a to-many relation), or of the link table for many-to-many
     * @param toMany      whether each row has many related rows
     * @param via         for many-to-many, the link table read in between
     * @param fromColumns columns of {@code fromTable} the join matches
     * @param toColumns   columns of {@code toTable} they match (through the link table's
     *                    {@code viaFrom} and {@code viaTo} columns for many-to-many)
     */
    public record Fetch(String path, Optional<String> parentPath, String fromTable, String toTable,
                        List<String> joinColumns, boolean toMany, Optional<String> via, List<String> fromColumns,
                        List<String> toColumns, List<String> viaFrom, List<String> viaTo) {}

    public List<Cond> conds(Use use) {
        return conds.stream().filter(c -> c.use() == use).toList();
    }

    public Optional<Cond> condOn(String column) {
        return conds.stream().filter(c -> c.column().equals(column)
                && (c.use() == Use.EQ || c.use() == Use.IN || c.use() == Use.RANGE)).findFirst();
    }
}
