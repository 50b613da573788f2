package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/** The reference along which the table is laid out: the parent whose group holds the row. */
final class GroupParentRef implements ColumnGen {
    private final TableModel parent;
    private final int[] slots;

    GroupParentRef(TableModel parent, int[] slots) {
        this.parent = parent;
        this.slots = slots.clone();
    }

    @Override
    public int[] slots() {
        return slots.clone();
    }

    @Override
    public void fill(RowContext ctx, Row row) {
        parent.writeKey(ctx, ctx.parent, row, slots);
    }
}
