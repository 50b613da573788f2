package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/** The table's own surrogate key (identity or UUID): a function of the row index. */
final class KeyGen implements ColumnGen {
    private final TableModel table;
    private final int[] slots;

    KeyGen(TableModel table, int slot) {
        this.table = table;
        this.slots = new int[] {slot};
    }

    @Override
    public int[] slots() {
        return slots;
    }

    @Override
    public void fill(RowContext ctx, Row row) {
        table.writeKey(ctx, ctx.row, row, slots);
    }
}
