package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/** Computes the value of one or more columns of the current row. */
interface ColumnGen {
    /** The row slots this generator writes. */
    int[] slots();

    /** The row slots it reads (written by other generators first); none by default. */
    default int[] reads() {
        return new int[0];
    }

    void fill(RowContext ctx, Row row);
}
