package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/** A reference drawn independently for each row, under the relationship's skew. */
final class DrawnRef implements ColumnGen {
    private final ParentDraw draw;
    private final int[] slots;
    private final long salt;
    private final double nullRatio;

    DrawnRef(ParentDraw draw, int[] slots, long salt, double nullRatio) {
        this.draw = draw;
        this.slots = slots.clone();
        this.salt = salt;
        this.nullRatio = nullRatio;
    }

    @Override
    public int[] slots() {
        return slots.clone();
    }

    @Override
    public void fill(RowContext ctx, Row row) {
        Rng rng = ctx.rng(salt);
        long p = nullRatio > 0 && rng.chance(nullRatio) ? -1 : draw.draw(ctx, rng);
        if (p < 0) {
            for (int s : slots) {
                row.setNull(s);
            }
            return;
        }
        draw.parent().writeKey(ctx, p, row, slots);
    }
}
