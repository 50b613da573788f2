package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/** Makes the values of one attribute's column. */
interface ValueSource {
    /** Writes a value drawn from {@code rng}. */
    void write(RowContext ctx, Rng rng, Row row, int slot);

    /**
     * Writes value number {@code u} of {@code domain} values that are all different.
     *
     * @param group true when the values need only differ within the row's group (the sequence
     *              number of a task within its project), false when across the table
     */
    void writeUnique(RowContext ctx, Rng rng, Row row, int slot, long u, long domain, boolean group);

    /** How many different values {@link #writeUnique} can make ({@link Long#MAX_VALUE}: no limit). */
    long uniqueDomain();

    /** The slots this source reads from the row (an earlier timestamp); none by default. */
    default int[] reads() {
        return new int[0];
    }
}
