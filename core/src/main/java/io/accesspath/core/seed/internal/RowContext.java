package io.accesspath.core.seed.internal;

import java.util.function.Supplier;

/**
 * The position of the row being generated and the mutable state of one generating pass over a
 * table (cursors, caches). One per table per chunk, never shared between threads. Values never
 * depend on this state, only on the row: the state only makes sequential rows cheap.
 */
public final class RowContext {
    private final Object[] state;
    private final Rng rng = new Rng(0);
    /** The row's index in its table. */
    long row;
    /** The row's seed: every column derives its random stream from it. */
    long rowSeed;
    /** The parent row of the grouping relationship, or -1 when the table is not grouped. */
    long parent = -1;
    /** The first row of the group (the parent's first child). */
    long first;
    /** The rows in the group. */
    long count;
    /** The row's index within its group. */
    long index;
    /** The tenant's row, or -1 when the table is not tenant-scoped. */
    long tenant = -1;
    /** Set by a generator when the row cannot be made (a link with no free partner left). */
    boolean skip;

    RowContext(int stateSlots) {
        state = new Object[stateSlots];
    }

    /** The random stream of one column of the current row. */
    Rng rng(long salt) {
        return rng.reset(Hashing.combine(rowSeed, salt));
    }

    /** The random stream of one column for a value that depends only on {@code key}. */
    Rng rngFor(long salt, long key) {
        return rng.reset(Hashing.combine(salt, key));
    }

    @SuppressWarnings("unchecked")
    <T> T state(int slot, Supplier<T> create) {
        Object s = state[slot];
        if (s == null) {
            s = create.get();
            state[slot] = s;
        }
        return (T) s;
    }
}
