package io.accesspath.core.seed.internal;

import io.accesspath.core.design.internal.Volumes;
import io.accesspath.core.error.Loc;
import io.accesspath.core.error.Problem;
import io.accesspath.core.seed.SeedOptions;
import io.accesspath.core.spec.Entity;
import io.accesspath.core.spec.Relationship;
import io.accesspath.core.spec.Spec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows to generate per entity, by the rules of {@link Volumes} (declared rows, else growth times
 * retention, else a parent's rows times the declared fan-out, else {@value Volumes#DEFAULT_ROWS})
 * with the scale applied to what is declared and {@code --rows} overriding: an entity whose
 * volume follows from a parent follows that parent's count, so children per parent stay as
 * declared. A scaled count is at least 1.
 */
final class RowCounts {
    private final Spec spec;
    private final SeedOptions options;
    private final Volumes full;
    private final Map<String, Long> rows = new HashMap<>();

    RowCounts(Spec spec, SeedOptions options, List<Problem> problems) {
        this.spec = spec;
        this.options = options;
        this.full = new Volumes(spec);
        if (!(options.scale() > 0) || Double.isInfinite(options.scale())) {
            problems.add(Problem.of(Loc.NONE, "--scale must be a number greater than 0, got "
                    + options.scale(), "for example --scale 0.01 for 1% of the declared volume"));
        }
        for (Map.Entry<String, Long> e : options.rows().entrySet()) {
            if (spec.entity(e.getKey()).isEmpty()) {
                problems.add(Problem.of(Loc.NONE, "--rows names entity '" + e.getKey() + "', which " + spec.name()
                        + " does not have", "entities: " + String.join(", ",
                        spec.entities().stream().map(Entity::name).toList())));
            } else if (e.getValue() < 0) {
                problems.add(Problem.of(Loc.NONE, "--rows " + e.getKey() + "=" + e.getValue()
                        + " is negative", "give a count of 0 or more"));
            }
        }
    }

    /** Rows of the entity. */
    long rows(String entity) {
        Long known = rows.get(entity);
        if (known != null) {
            return known;
        }
        long n = compute(entity, new HashSet<>());
        rows.put(entity, n);
        return n;
    }

    /** Rows of the entity at the declared volume, unscaled (it sets the length of the history). */
    long declaredRows(String entity) {
        return full.rows(entity);
    }

    /** Links of a many-to-many relationship: left rows times links per left row. */
    long links(Relationship r) {
        return Math.round(rows(r.child()) * r.fanout().avg().orElse(1.0));
    }

    private long compute(String entity, Set<String> visiting) {
        Long fixed = options.rows().get(entity);
        if (fixed != null) {
            return Math.max(0, fixed);
        }
        Entity e = spec.requireEntity(entity);
        if (e.volume().rows().isPresent()
                || (e.volume().growthPerDay() > 0 && e.volume().retentionDays().isPresent())) {
            return scaled(full.rows(entity));
        }
        if (!visiting.add(entity)) {
            return scaled(Volumes.DEFAULT_ROWS);
        }
        long best = -1;
        for (Relationship r : spec.referencesFrom(entity)) {
            if (r.isSelfReference() || r.fanout().avg().isEmpty()) {
                continue;
            }
            long parentRows = rows.containsKey(r.parent()) ? rows.get(r.parent()) : compute(r.parent(), visiting);
            best = Math.max(best, Math.round(parentRows * r.fanout().avg().get()));
        }
        visiting.remove(entity);
        return best >= 0 ? best : scaled(Volumes.DEFAULT_ROWS);
    }

    private long scaled(long declared) {
        double scale = options.scale() > 0 ? options.scale() : 1;
        return Math.max(1, Math.round(declared * scale));
    }
}
