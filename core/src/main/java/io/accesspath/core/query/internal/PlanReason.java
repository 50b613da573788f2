package io.accesspath.core.query.internal;

import io.accesspath.core.design.Decision;
import io.accesspath.core.design.Design;
import io.accesspath.core.design.PatternAccess;
import io.accesspath.core.schema.Table;
import io.accesspath.core.schema.UniqueConstraint;
import java.util.Optional;

/** Why the expected index answers a pattern, from the design's own decisions. */
final class PlanReason {
    private PlanReason() {
    }

    static String of(Design design, PatternAccess access) {
        if (access.index().isEmpty()) {
            return "No index: a sequential scan of " + access.table() + " is expected (the table is small, or the"
                    + " pattern reads most of it).";
        }
        String index = access.index().get();
        Optional<Decision> decision = design.decisionsOf(Decision.Kind.INDEX).stream()
                .filter(d -> d.subject().equals(index)).findFirst();
        if (decision.isPresent()) {
            return decision.get().reason();
        }
        // A unique index on an expression is a constraint decision that names the index in its choice.
        Optional<Decision> constraint = design.decisionsOf(Decision.Kind.CONSTRAINT).stream()
                .filter(d -> d.choice().contains(" " + index + " ")).findFirst();
        if (constraint.isPresent()) {
            return constraint.get().reason();
        }
        Optional<Table> table = design.schema().table(access.table());
        if (table.flatMap(Table::primaryKey).map(pk -> pk.name().equals(index)).orElse(false)) {
            return "The primary key of " + access.table() + " (" + String.join(", ", table.get().primaryKey()
                    .orElseThrow().columns()) + ") answers it.";
        }
        Optional<UniqueConstraint> unique = table.stream().flatMap(t -> t.uniques().stream())
                .filter(u -> u.name().equals(index)).findFirst();
        if (unique.isPresent()) {
            return "The unique constraint on " + access.table() + " (" + String.join(", ", unique.get().columns())
                    + ") answers it: equality on its columns finds at most one row.";
        }
        return "The unique index " + index + " answers it: equality on its key finds at most one row.";
    }
}
