package io.accesspath.core.spec;

import io.accesspath.core.error.Loc;
import java.util.List;

/**
 * How often rows of an entity are written. Together with the access patterns it gives the
 * read/write ratio and the write cost of every index.
 */
public record WritePattern(String entity, Rate inserts, List<Update> updates, Rate deletes, Loc loc) {
    public WritePattern {
        updates = List.copyOf(updates);
    }

    /** Updates of some attributes at some rate. */
    public record Update(Rate rate, List<String> attributes, Loc loc) {
        public Update {
            attributes = List.copyOf(attributes);
        }
    }

    public double updatesPerSecond() {
        return updates.stream().mapToDouble(u -> u.rate().perSecond()).sum();
    }

    public double writesPerSecond() {
        return inserts.perSecond() + updatesPerSecond() + deletes.perSecond();
    }
}
