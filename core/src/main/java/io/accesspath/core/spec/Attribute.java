package io.accesspath.core.spec;

import io.accesspath.core.error.Loc;
import java.util.Optional;

/**
 * One attribute of an entity.
 *
 * @param defaultValue a literal, or one of the special defaults {@code now} (timestamps, dates)
 *                     and {@code random} (uuids)
 */
public record Attribute(String name, LogicalType type, boolean required, boolean unique,
                        Optional<String> defaultValue, Checks checks, Generator generate,
                        Optional<String> description, Loc loc) {

    public static final String DEFAULT_NOW = "now";
    public static final String DEFAULT_RANDOM = "random";
}
