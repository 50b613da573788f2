package io.accesspath.core.spec;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Spec-wide settings.
 *
 * @param pgVersion      the PostgreSQL major version the design targets (a CLI flag overrides)
 * @param defaultKey     the key strategy of entities that do not choose one
 * @param tenant         in a multi-tenant spec, the tenant entity: every entity with a required
 *                       reference to it is tenant-scoped (composite keys and uniqueness)
 * @param enumStyle      how enums become columns: {@code check} (text + CHECK, the default),
 *                       {@code type} (CREATE TYPE ... AS ENUM) or {@code table} (a lookup table)
 */
public record Settings(OptionalInt pgVersion, KeyStrategy defaultKey, Optional<String> tenant,
                       Optional<String> enumStyle) {
    public static final Settings DEFAULT = new Settings(OptionalInt.empty(), new KeyStrategy.Identity(),
            Optional.empty(), Optional.empty());
}
