package io.accesspath.postgres.seed;

import io.accesspath.core.seed.DeferredReference;
import io.accesspath.postgres.PgIdentifiers;
import java.util.stream.Collectors;

/** The UPDATE that sets a deferred reference from a scratch table of (key, reference) rows. */
final class PgDeferred {
    private PgDeferred() {
    }

    static String update(DeferredReference r, String scratch) {
        String table = PgIdentifiers.quote(r.table());
        return "UPDATE " + table + " SET " + r.columns().stream()
                .map(c -> PgIdentifiers.quote(c) + " = d." + PgIdentifiers.quote(c)).collect(Collectors.joining(", "))
                + " FROM " + scratch + " d WHERE " + r.key().stream()
                .map(k -> table + "." + PgIdentifiers.quote(k) + " = d." + PgIdentifiers.quote(k))
                .collect(Collectors.joining(" AND "));
    }
}
