package io.accesspath.core.spec.internal;

import io.accesspath.core.spec.KeyStrategy;
import io.accesspath.core.spec.Settings;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads the spec-wide settings. */
final class SettingsReader {
    static final int MIN_PG_VERSION = 14;
    static final int MAX_PG_VERSION = 18;
    static final List<String> ENUM_STYLES = List.of("check", "type", "table");

    private SettingsReader() {}

    /** The settings and, for a multi-tenant spec, the tenant entity as written (checked once entities are known). */
    record Read(Settings settings, Optional<Ref> tenant) {}

    static Read read(Fields settings) {
        settings.allowOnly(SpecKeys.SETTINGS);
        OptionalInt pgVersion = settings.wholeNumber("pg_version", 0);
        if (pgVersion.isPresent() && (pgVersion.getAsInt() < MIN_PG_VERSION || pgVersion.getAsInt() > MAX_PG_VERSION)) {
            settings.problems().add(settings.get("pg_version").orElseThrow().loc(), "PostgreSQL "
                    + pgVersion.getAsInt() + " is not supported (" + settings.label("pg_version") + ")",
                    "choose a major version from " + MIN_PG_VERSION + " to " + MAX_PG_VERSION);
            pgVersion = OptionalInt.empty();
        }
        KeyStrategy key = settings.choice("key", EntityReader.KEY_STRATEGIES).map(EntityReader::strategy)
                .orElse(new KeyStrategy.Identity());
        Optional<Ref> tenant = settings.ref("tenant");
        Optional<String> enumStyle = settings.choice("enum_style", ENUM_STYLES);
        return new Read(new Settings(pgVersion, key, tenant.map(Ref::name), enumStyle), tenant);
    }
}
