package io.accesspath.core.spec;

import io.accesspath.core.error.Loc;
import java.util.List;
import java.util.Optional;

/**
 * A thing the application stores.
 *
 * @param table       the table's name (the entity's name unless the spec says otherwise)
 * @param uniques     composite uniqueness rules, each a list of attribute or relationship names
 * @param appendOnly  rows are inserted and never updated (time series, events, logs)
 * @param softDelete  the attribute (a timestamp or boolean) that marks a row deleted; reads skip
 *                    such rows
 * @param noOverlap   exclusion rules: rows equal on the leading names must not overlap on the
 *                    last one (a range or a geo point), e.g. [room, during] for bookings
 */
public record Entity(String name, String table, Optional<String> description, KeyStrategy key, List<Attribute> attributes,
                     List<UniqueRule> uniques, Volume volume, boolean appendOnly, Optional<String> softDelete,
                     List<UniqueRule> noOverlap, Loc loc) {
    public Entity {
        attributes = List.copyOf(attributes);
        uniques = List.copyOf(uniques);
        noOverlap = List.copyOf(noOverlap);
    }

    public Optional<Attribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    /** A composite uniqueness rule. */
    public record UniqueRule(List<String> attributes, Loc loc) {
        public UniqueRule {
            attributes = List.copyOf(attributes);
        }
    }
}
