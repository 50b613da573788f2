package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/**
 * A number that is the sum of an attribute over the row's children ({@code sum_of}: an order's
 * total is the sum of its lines' amounts). The children are laid out by a {@link Fanout} along
 * that relationship, so the row finds them and recomputes their values without storing them.
 */
final class SumGen implements ColumnGen {
    private final int[] slots;
    private final TableModel child;
    private final Grouping childGrouping;
    private final int childSlot;
    private final int childScale;
    private final int scale;
    private final int stateSlot;

    SumGen(int slot, int scale, TableModel child, int childSlot, StateSlots states) {
        this.slots = new int[] {slot};
        this.scale = scale;
        this.child = child;
        this.childGrouping = child.grouping.orElseThrow(() ->
                new IllegalStateException("sum_of over " + child.name + ", which is not laid out by its parent"));
        this.childSlot = childSlot;
        this.childScale = child.columns.get(childSlot).scale();
        this.stateSlot = states.next();
    }

    @Override
    public int[] slots() {
        return slots.clone();
    }

    @Override
    public void fill(RowContext ctx, Row row) {
        Scratch s = ctx.state(stateSlot, () -> new Scratch(child.newContext(), new Row(child.columns.size()),
                child.closure(childSlot)));
        Fanout.Cursor cursor = childGrouping.cursor(s.ctx);
        cursor.seekParent(ctx.row);
        long first = cursor.first();
        long end = first + cursor.count();
        long sum = 0;
        for (long j = first; j < end; j++) {
            child.prepare(s.ctx, j);
            for (ColumnGen g : s.gens) {
                g.fill(s.ctx, s.row);
            }
            if (!s.row.isNull(childSlot)) {
                sum += s.row.longValue(childSlot);
            }
        }
        row.setLong(slots[0], rescale(sum));
    }

    /** The sum (in the child's scale) in this column's scale, rounded half up. */
    private long rescale(long sum) {
        if (scale >= childScale) {
            return sum * pow10(scale - childScale);
        }
        long divisor = pow10(childScale - scale);
        return Math.floorDiv(sum + divisor / 2, divisor);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private record Scratch(RowContext ctx, Row row, ColumnGen[] gens) {}
}
