package io.accesspath.core.plan.diagnose.internal;

import java.util.List;
import java.util.Optional;

/**
 * One top-level conjunct of a node's condition, classified by whether an index on a column of the
 * node's relation can serve it.
 *
 * @param text     the conjunct as printed
 * @param shape    its classification
 * @param column   the node's own column it constrains (as printed, unqualified), for the shapes
 *                 that have one
 * @param target   the side holding the column: the column, the cast or the expression
 * @param op       the comparison operator, empty for OR and unclassified conjuncts
 * @param value    the other side (a constant, parameter or another relation's column)
 * @param detail   the function name (FUNCTION_ON_COLUMN) or the target type (CAST_ON_COLUMN)
 * @param columns  every own column the conjunct references, distinct, in order
 * @param arms     the alternatives of an OR, as printed
 */
record Condition(String text, Shape shape, Optional<String> column, String target, String op, String value,
                 String detail, List<String> columns, List<String> arms) {

    enum Shape {
        /** {@code col = value}, {@code col = ANY (array)}. */
        EQUALITY,
        /** {@code col IS NULL}. */
        IS_NULL,
        /** {@code col < value} and the like. */
        RANGE,
        /** {@code f(col) = value}, {@code (col % 10) = 3}: only an expression index serves it. */
        FUNCTION_ON_COLUMN,
        /** {@code (col)::type = value}: the column is converted before it is compared. */
        CAST_ON_COLUMN,
        /** {@code col LIKE '%x'} (or ILIKE): a B-tree cannot seek to a leading wildcard. */
        LEADING_WILDCARD,
        /** {@code (a = 1) OR (b = 2)} over several of the relation's columns. */
        OR_ACROSS_COLUMNS,
        /** {@code (x.a = 1) OR (y.b = 2)} over columns of different relations (join filters). */
        OR_ACROSS_RELATIONS,
        /** Anything else (column against column, NOT, subplans, unknown syntax). */
        OTHER;

        /** True for the shapes a B-tree on the plain column serves. */
        boolean sargable() {
            return this == EQUALITY || this == IS_NULL || this == RANGE;
        }
    }

    boolean is(Shape s) {
        return shape == s;
    }
}
