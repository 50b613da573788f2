package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/** An optional reference to a table without rows: always NULL. */
final class NullRef implements ColumnGen {
    private final int[] slots;

    NullRef(int[] slots) {
        this.slots = slots.clone();
    }

    @Override
    public int[] slots() {
        return slots.clone();
    }

    @Override
    public void fill(RowContext ctx, Row row) {
        for (int s : slots) {
            row.setNull(s);
        }
    }
}
