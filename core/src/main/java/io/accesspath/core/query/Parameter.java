package io.accesspath.core.query;

import java.util.Optional;

/**
 * One named parameter of a query, described as data.
 *
 * @param name         the name in the SQL ({@code :customer_id}); unique within the query
 * @param role         what value it stands for and how it is bound
 * @param table        the table of the column it binds to; empty for {@link ParameterRole#LIMIT}
 *                     and {@link ParameterRole#OFFSET}
 * @param column       the column it binds to (for {@link ParameterRole#CURSOR}: the sort column whose
 *                     value in the last row it takes)
 * @param sqlType      the type of the bound value as the database names it ({@code bigint},
 *                     {@code text[]} for an array, {@code double precision} for a coordinate)
 * @param logicalType  the spec's type of the column ({@code timestamp}, {@code enum}), where it has one
 * @param defaultValue the value to use when the caller has none: the page size for
 *                     {@link ParameterRole#LIMIT}, {@code 0} for {@link ParameterRole#OFFSET}
 */
public record Parameter(String name, ParameterRole role, Optional<String> table, Optional<String> column,
                        String sqlType, Optional<String> logicalType, Optional<String> defaultValue) {

    /** Whether the value is bound as an array ({@code = ANY(?)}, array containment or overlap). */
    public boolean isArray() {
        return sqlType.endsWith("[]");
    }
}
