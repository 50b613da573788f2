package io.accesspath.core.design.internal;

import io.accesspath.core.spec.Entity;
import io.accesspath.core.spec.Relationship;
import io.accesspath.core.spec.Spec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Rows per entity at the declared volume. Declared rows win; otherwise rows follow from a
 * parent's rows and the fan-out of the relationship, or from growth times retention; failing
 * all of that an entity is assumed to hold {@link #DEFAULT_ROWS} rows.
 */
public final class Volumes {
    public static final long DEFAULT_ROWS = 1_000;

    private final Spec spec;
    private final Map<String, Long> rows = new HashMap<>();
    private final Map<String, String> basis = new HashMap<>();

    public Volumes(Spec spec) {
        this.spec = spec;
        for (Entity e : spec.entities()) {
            rows(e.name());
        }
    }

    /** Rows of the entity at the declared volume. */
    public long rows(String entity) {
        Long known = rows.get(entity);
        if (known != null) {
            return known;
        }
        long n = compute(entity, new HashSet<>());
        rows.put(entity, n);
        return n;
    }

    /** How the row count was obtained ("declared", "10 per customer", "default"). */
    public String basis(String entity) {
        rows(entity);
        return basis.getOrDefault(entity, "declared");
    }

    /** Rows of the entity a year from now (growth capped by retention). */
    public long rowsInAYear(String entity) {
        Entity e = spec.requireEntity(entity);
        double growth = e.volume().growthPerDay();
        long base = rows(entity);
        if (growth <= 0) {
            return base;
        }
        if (e.volume().retentionDays().isPresent()) {
            long steady = (long) (growth * e.volume().retentionDays().getAsLong());
            return Math.max(base, steady);
        }
        return base + (long) (growth * 365);
    }

    /** Average children per parent of a many-to-one / one-to-one relationship. */
    public double childrenPerParent(Relationship r) {
        if (r.fanout().avg().isPresent()) {
            return r.fanout().avg().get();
        }
        long parents = Math.max(1, rows(r.parent()));
        return Math.max(1.0, (double) rows(r.child()) / parents);
    }

    private long compute(String entity, Set<String> visiting) {
        if (rows.containsKey(entity)) {
            return rows.get(entity);
        }
        Entity e = spec.requireEntity(entity);
        if (e.volume().rows().isPresent()) {
            basis.put(entity, "declared");
            return e.volume().rows().getAsLong();
        }
        if (e.volume().growthPerDay() > 0 && e.volume().retentionDays().isPresent()) {
            basis.put(entity, "growth x retention");
            return Math.max(1, (long) (e.volume().growthPerDay() * e.volume().retentionDays().getAsLong()));
        }
        if (!visiting.add(entity)) {
            return DEFAULT_ROWS;
        }
        long best = -1;
        String why = null;
        for (Relationship r : spec.relationships()) {
            if (r.kind() == Relationship.Kind.MANY_TO_MANY || !r.child().equals(entity) || r.isSelfReference()) {
                continue;
            }
            if (r.fanout().avg().isEmpty()) {
                continue;
            }
            long parentRows = rows.containsKey(r.parent()) ? rows.get(r.parent()) : compute(r.parent(), visiting);
            long derived = Math.max(1, Math.round(parentRows * r.fanout().avg().get()));
            if (derived > best) {
                best = derived;
                why = io.accesspath.core.spec.Rate.formatNumber(r.fanout().avg().get()) + " per " + r.parent();
            }
        }
        visiting.remove(entity);
        if (best > 0) {
            basis.put(entity, why);
            rows.put(entity, best);
            return best;
        }
        basis.put(entity, "default (no volume declared)");
        return DEFAULT_ROWS;
    }

    /** Links of a many-to-many relationship: left rows times links per left row. */
    public long links(Relationship r) {
        double avg = r.fanout().avg().orElse(1.0);
        return Math.max(1, Math.round(rows(r.child()) * avg));
    }
}
