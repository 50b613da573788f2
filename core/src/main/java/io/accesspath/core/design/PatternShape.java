package io.accesspath.core.design;

import io.accesspath.core.spec.AccessPattern;
import java.util.List;
import java.util.Optional;

/**
 * An access pattern resolved onto the designed tables: what a query for it must say. The query
 * writers (SQL, ORMs) and {@code verify} render it; the designer made it, so names, implicit
 * conditions (tenant scope, soft delete), keyset tiebreakers and joins agree with the indexes.
 *
 * @param pattern    the access pattern's name
 * @param table      the pattern's own table
 * @param conditions the WHERE conditions on the table, in the order the spec gives them, after
 *                   the implicit ones
 * @param links      conditions reached through another table (a many-to-many link or a dotted
 *                   path)
 * @param sort       ORDER BY, with any keyset tiebreaker appended
 * @param page       page size and style, if the pattern pages
 * @param columns    the columns to select; empty means every column
 * @param aggregates aggregates to compute (with {@code groupBy})
 * @param groupBy    grouping columns
 * @param fetches    related rows read with each row
 */
public record PatternShape(String pattern, String table, List<Condition> conditions, List<Link> links,
                           List<SortColumn> sort, Optional<AccessPattern.Page> page, List<String> columns,
                           List<Aggregate> aggregates, List<String> groupBy, List<Fetch> fetches) {

    public PatternShape {
        conditions = List.copyOf(conditions);
        links = List.copyOf(links);
        sort = List.copyOf(sort);
        columns = List.copyOf(columns);
        aggregates = List.copyOf(aggregates);
        groupBy = List.copyOf(groupBy);
        fetches = List.copyOf(fetches);
    }

    /**
     * One condition on a column.
     *
     * @param column      the column tested
     * @param source      the spec name it came from ({@code customer}, {@code status}; {@code tenant}
     *                    or {@code soft_delete} for implicit ones)
     * @param op          the comparison
     * @param constants   the constant values, if the pattern fixes them (a parameter otherwise)
     * @param implicit    added by the designer (tenant scope, soft delete)
     * @param caseFolded  compared case-insensitively through the dialect's fold (emails)
     * @param searchColumn for full-text: the generated document column searched
     * @param language    for full-text: the text search configuration
     * @param logicalType the spec type of the column (for parameter values), if it has one
     */
    public record Condition(String column, String source, AccessPattern.Op op, List<String> constants, boolean implicit,
                            boolean caseFolded, Optional<String> searchColumn, Optional<String> language,
                            Optional<String> logicalType) {
        public Condition {
            constants = List.copyOf(constants);
        }

        public boolean isParameter() {
            return constants.isEmpty() && op != AccessPattern.Op.IS_NULL && op != AccessPattern.Op.IS_NOT_NULL
                    && !(implicit && source.equals("soft_delete"));
        }
    }

    /**
     * A condition on another table, joined to the pattern's table.
     *
     * @param table        the other table (a many-to-many link table, or a related entity's table)
     * @param joinColumns  columns of {@code table} that match {@code ownColumns}
     * @param ownColumns   columns of the pattern's table they match
     * @param condition    the condition on {@code table}
     * @param drives       whether the expected plan starts from {@code table}
     */
    public record Link(String table, List<String> joinColumns, List<String> ownColumns, Condition condition,
                       boolean drives) {
        public Link {
            joinColumns = List.copyOf(joinColumns);
            ownColumns = List.copyOf(ownColumns);
        }
    }

    /** One ORDER BY column; {@code tiebreaker} when the designer added it for keyset paging. */
    public record SortColumn(String column, boolean descending, boolean tiebreaker) {}

    /** An aggregate: {@code function} of {@code column} (empty for count(*)). */
    public record Aggregate(AccessPattern.AggregateFunction function, Optional<String> column) {}

    /**
     * Related rows read with each row.
     *
     * @param path        the fetch path as written ({@code lines.product})
     * @param parentPath  the path this one continues ({@code lines}), empty for the pattern's table
     * @param fromTable   the table joined from
     * @param toTable     the table joined to
     * @param fromColumns columns of {@code fromTable} matched
     * @param toColumns   columns of {@code toTable} they match
     * @param toMany      whether each row has many related rows
     * @param via         for many-to-many, the link table in between, with its columns matching
     *                    {@code fromColumns} and {@code toColumns}
     */
    public record Fetch(String path, Optional<String> parentPath, String fromTable, String toTable,
                        List<String> fromColumns, List<String> toColumns, boolean toMany, Optional<Via> via) {
        public Fetch {
            fromColumns = List.copyOf(fromColumns);
            toColumns = List.copyOf(toColumns);
        }
    }

    /** A many-to-many link table between a fetch's two tables. */
    public record Via(String table, List<String> fromSide, List<String> toSide) {
        public Via {
            fromSide = List.copyOf(fromSide);
            toSide = List.copyOf(toSide);
        }
    }
}
