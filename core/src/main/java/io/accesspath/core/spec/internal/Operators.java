package io.accesspath.core.spec.internal;

import io.accesspath.core.spec.AccessPattern.Op;
import java.util.List;
import java.util.Optional;

/** Which comparison applies to which kind of column. */
final class Operators {
    private static final List<String> ORDERED = List.of("identifier", "text", "email", "url", "integer", "bigint",
            "decimal", "money", "date", "timestamp", "uuid", "enum");
    private static final List<String> EQUATABLE = List.of("identifier", "text", "email", "url", "integer", "bigint",
            "decimal", "money", "date", "timestamp", "uuid", "enum", "boolean", "searchable_text", "array", "range");
    private static final List<String> TEXT = List.of("identifier", "text", "email", "url");

    private Operators() {}

    /** The attribute types {@code op} applies to. */
    static List<String> typesFor(Op op) {
        return switch (op) {
            case EQ, IN, NE -> EQUATABLE;
            case RANGE, GT, GTE, LT, LTE -> ORDERED;
            case PREFIX -> TEXT;
            case CONTAINS -> List.of("json", "array", "range");
            case OVERLAPS -> List.of("array", "range");
            case FULLTEXT -> List.of("searchable_text");
            case NEAR, WITHIN -> List.of("geo_point");
            case IS_NULL, IS_NOT_NULL -> List.of();
        };
    }

    /**
     * Whether {@code op} applies to the column, given its type (empty for the key column and
     * relationship references, which compare like ordered values).
     */
    static boolean applies(Op op, Optional<String> type) {
        if (op == Op.IS_NULL || op == Op.IS_NOT_NULL) {
            return true;
        }
        return type.map(t -> typesFor(op).contains(t)).orElse(op.isEquality() || op.isRange() && op != Op.PREFIX
                || op == Op.NE);
    }

    /** Whether a column of the type can be sorted on. */
    static boolean orderable(Optional<String> type) {
        return type.map(t -> ORDERED.contains(t) || t.equals("boolean")).orElse(true);
    }

    /** How many constant values {@code op} takes: a hint when {@code count} is wrong. */
    static Optional<String> valueCountProblem(Op op, int count) {
        if (count == 0) {
            return Optional.empty();
        }
        return switch (op) {
            case IS_NULL, IS_NOT_NULL -> Optional.of(op.spelling() + " takes no value");
            case IN -> Optional.empty();
            case RANGE -> count == 2 ? Optional.empty() : Optional.of("a constant range takes two values: [low, high]");
            default -> count == 1 ? Optional.empty() : Optional.of(op.spelling() + " takes one value");
        };
    }
}
