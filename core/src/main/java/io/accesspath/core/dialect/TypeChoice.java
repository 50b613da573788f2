package io.accesspath.core.dialect;

import io.accesspath.core.design.Decision;
import java.util.List;
import java.util.Optional;

/**
 * A dialect's physical type for a logical type, with the reason and the options weighed.
 *
 * @param sqlType       the column type as the DDL spells it
 * @param checks        CHECK expressions the type implies, with {@code %s} standing for the
 *                      quoted column name
 * @param reason        why this type
 * @param alternatives  types weighed and why they lost
 * @param avgWidthBytes the average stored width of a value, for size estimates
 * @param enumType      a named enum type to create (enum_style: type), if any
 */
public record TypeChoice(String sqlType, List<String> checks, String reason, List<Decision.Alternative> alternatives,
                         int avgWidthBytes, Optional<String> enumType) {
    public TypeChoice {
        checks = List.copyOf(checks);
        alternatives = List.copyOf(alternatives);
    }
}
