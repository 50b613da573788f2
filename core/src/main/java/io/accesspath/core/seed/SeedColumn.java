package io.accesspath.core.seed;

import java.util.Optional;

/**
 * One column a seed writes.
 *
 * @param name    the column's name
 * @param sqlType the column's type as the design spells it ({@code numeric(14,2)})
 * @param kind    how its values are held and written
 * @param scale   digits after the point for {@link ValueKind#NUMERIC} values (and numeric
 *                elements); 0 otherwise
 * @param element the element kind of an {@link ValueKind#ARRAY} or {@link ValueKind#RANGE}
 */
public record SeedColumn(String name, String sqlType, ValueKind kind, int scale, Optional<ValueKind> element) {
    public static SeedColumn of(String name, String sqlType, ValueKind kind) {
        return new SeedColumn(name, sqlType, kind, 0, Optional.empty());
    }
}
