package io.accesspath.core.query;

import java.util.Locale;

/**
 * What a query parameter stands for, so a caller (a test, {@code verify}, an application) can
 * pick a realistic value for it from the data: the role says which value of the column it
 * binds to is meant and how it is bound.
 */
public enum ParameterRole {
    /** {@code column = ?}: a value the column holds (compared case-insensitively where the SQL folds case). */
    EQUAL,
    /** {@code column <> ?}: a value the matching rows must not hold. */
    NOT_EQUAL,
    /** {@code column = ANY(?)}: several values, bound as one array (one statement for any list length). */
    IN_LIST,
    /** {@code column >= ?}: the inclusive low end of a half-open range (with {@link #RANGE_HIGH}). */
    RANGE_LOW,
    /** {@code column < ?}: the exclusive high end of a half-open range (with {@link #RANGE_LOW}). */
    RANGE_HIGH,
    /** {@code column > ?} or {@code column >= ?}: a one-sided lower bound. */
    LOWER_BOUND,
    /** {@code column < ?} or {@code column <= ?}: a one-sided upper bound. */
    UPPER_BOUND,
    /** {@code column LIKE ? || '%'}: the literal start of the value; the SQL escapes LIKE wildcards in it. */
    PREFIX,
    /** {@code search @@ websearch_to_tsquery(config, ?)}: words as a person types them into a search box. */
    FULLTEXT_TERMS,
    /** The longitude (x) of a point: the origin of a nearest-first search or a corner of a box. */
    LONGITUDE,
    /** The latitude (y) of a point: the origin of a nearest-first search or a corner of a box. */
    LATITUDE,
    /**
     * {@code column @> ?}: what the column must contain: a JSON document (bound as its text), array
     * elements (bound as an array) or, for a range column, one value.
     */
    CONTAINS,
    /** {@code column && ?}: array elements (bound as an array) or a range (bound as its text) to overlap. */
    OVERLAPS,
    /**
     * A keyset cursor value: the column's value in the last row of the previous page (the first
     * page returns it under the column's name). Only the next-page statement uses it.
     */
    CURSOR,
    /** {@code LIMIT ?}: rows a page; the default is the pattern's page size. */
    LIMIT,
    /** {@code OFFSET ?}: rows to skip (offset paging); the default is 0, the first page. */
    OFFSET;

    /** The role as queries.json spells it ({@code in_list}). */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
