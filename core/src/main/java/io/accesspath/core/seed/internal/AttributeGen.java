package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/**
 * One attribute's column: NULL at the declared ratio, otherwise a value from its source, made
 * unique (across the table or within the row's group) where a unique rule needs it, or drawn
 * from a fixed number of distinct values.
 */
final class AttributeGen implements ColumnGen {
    /** Where values must differ. */
    enum Unique { NONE, TABLE, GROUP }

    private final int[] slots;
    private final long salt;
    private final double nullRatio;
    private final long distinct;
    private final Unique unique;
    private final Permutation tableOrder;
    private final ValueSource source;

    /**
     * @param distinct   draw from this many distinct values (0: no limit)
     * @param tableOrder for {@link Unique#TABLE}: a permutation of the rows, so unique values are
     *                   not in row order
     */
    AttributeGen(int slot, long salt, double nullRatio, long distinct, Unique unique, Permutation tableOrder,
                 ValueSource source) {
        this.slots = new int[] {slot};
        this.salt = salt;
        this.nullRatio = nullRatio;
        this.distinct = distinct;
        this.unique = unique;
        this.tableOrder = tableOrder;
        this.source = source;
    }

    @Override
    public int[] slots() {
        return slots.clone();
    }

    @Override
    public int[] reads() {
        return source.reads();
    }

    @Override
    public void fill(RowContext ctx, Row row) {
        int slot = slots[0];
        Rng rng = ctx.rng(salt);
        if (nullRatio > 0 && rng.chance(nullRatio)) {
            row.setNull(slot);
            return;
        }
        switch (unique) {
            case TABLE -> source.writeUnique(ctx, rng, row, slot, tableOrder.apply(ctx.row), tableOrder.size(), false);
            case GROUP -> source.writeUnique(ctx, rng, row, slot, ctx.index, ctx.count, true);
            case NONE -> {
                if (distinct > 0) {
                    rng = ctx.rngFor(salt, rng.nextLong(distinct));
                }
                source.write(ctx, rng, row, slot);
            }
        }
    }
}
