package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;
import java.util.Arrays;

/**
 * A reference that never repeats within a group: the product of each line of one order, the
 * far end of each link of one many-to-many row. Each group's sequence of parents is a pure
 * function of the group, drawn under the skew and redrawn on repeats (then probed linearly, so
 * it always ends). A group that asks for more distinct parents than exist gets the rest skipped
 * (only junction rows can be skipped; the planner caps other groups).
 */
final class DistinctRef implements ColumnGen {
    private static final int DRAWS = 32;

    private final ParentDraw draw;
    private final int[] slots;
    private final long salt;
    private final boolean excludeSelf;
    private final int stateSlot;

    DistinctRef(ParentDraw draw, int[] slots, long salt, boolean excludeSelf, StateSlots states) {
        this.draw = draw;
        this.slots = slots.clone();
        this.salt = salt;
        this.excludeSelf = excludeSelf;
        this.stateSlot = states.next();
    }

    @Override
    public int[] slots() {
        return slots.clone();
    }

    @Override
    public void fill(RowContext ctx, Row row) {
        Sequence s = ctx.state(stateSlot, Sequence::new);
        if (s.group != ctx.parent) {
            s.reset(ctx.parent);
            long[] d = draw.domain(ctx);
            s.first = d[0];
            s.n = d[1];
        }
        while (s.produced <= ctx.index) {
            s.append(next(ctx, s));
        }
        long p = s.values[(int) ctx.index];
        if (p < 0) {
            ctx.skip = true;
            return;
        }
        draw.parent().writeKey(ctx, p, row, slots);
    }

    private long next(RowContext ctx, Sequence s) {
        long self = excludeSelf ? ctx.parent : -1;
        long free = s.n - (self >= s.first && self < s.first + s.n ? 1 : 0) - s.used.size();
        if (free <= 0) {
            return -1;
        }
        Rng rng = ctx.rngFor(salt, Hashing.combine(ctx.parent, s.produced));
        long rank = 0;
        for (int attempt = 0; attempt < DRAWS; attempt++) {
            rank = draw.rank(ctx, rng, s.n);
            long p = draw.row(ctx, s.first, s.n, rank);
            if (p != self && s.used.add(rank)) {
                return p;
            }
        }
        for (long step = 1; step <= s.n; step++) {
            long r = (rank + step) % s.n;
            long p = draw.row(ctx, s.first, s.n, r);
            if (p != self && !s.used.contains(r)) {
                s.used.add(r);
                return p;
            }
        }
        return -1;
    }

    /** The parents drawn so far in the current group. */
    private static final class Sequence {
        long group = Long.MIN_VALUE;
        long first;
        long n;
        int produced;
        long[] values = new long[16];
        final LongSet used = new LongSet();

        void reset(long newGroup) {
            group = newGroup;
            produced = 0;
            used.clear();
        }

        void append(long v) {
            if (produced == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[produced++] = v;
        }
    }
}
