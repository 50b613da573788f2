package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/** A one-to-one reference that is not the grouping: row i gets a distinct parent, perm(i). */
final class OneToOneRef implements ColumnGen {
    private final TableModel parent;
    private final Permutation perm;
    private final int[] slots;

    OneToOneRef(TableModel parent, Permutation perm, int[] slots) {
        this.parent = parent;
        this.perm = perm;
        this.slots = slots.clone();
    }

    @Override
    public int[] slots() {
        return slots.clone();
    }

    @Override
    public void fill(RowContext ctx, Row row) {
        parent.writeKey(ctx, perm.apply(ctx.row), row, slots);
    }
}
