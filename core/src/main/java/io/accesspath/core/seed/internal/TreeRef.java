package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/**
 * A self-reference that makes trees of a given depth. The rows of a segment (the whole table, or
 * the row's group when the table is grouped, so replies stay under the same article) are laid
 * out level by level, level d holding a share proportional to branching^d; a row of level d > 0
 * points at a row of level d - 1, drawn under the relationship's skew. Roots have no parent
 * (NULL), or themselves when the reference is required.
 */
final class TreeRef implements ColumnGen {
    private final TableModel table;
    private final int[] slots;
    private final double[] cumulativeShare;
    private final double exponent;
    private final long salt;
    private final boolean required;
    private final int stateSlot;

    /**
     * @param depth     levels of the tree (roots are level 0), at least 1
     * @param branching children per parent from one level to the next (may be below 1)
     */
    TreeRef(TableModel table, int[] slots, int depth, double branching, double exponent, long salt, boolean required,
            StateSlots states) {
        this.table = table;
        this.slots = slots.clone();
        this.exponent = exponent;
        this.salt = salt;
        this.required = required;
        this.stateSlot = states.next();
        double[] shares = new double[depth];
        double total = 0;
        for (int d = 0; d < depth; d++) {
            shares[d] = Math.pow(branching, d);
            total += shares[d];
        }
        cumulativeShare = new double[depth + 1];
        for (int d = 0; d < depth; d++) {
            cumulativeShare[d + 1] = cumulativeShare[d] + shares[d] / total;
        }
        cumulativeShare[depth] = 1;
    }

    @Override
    public int[] slots() {
        return slots.clone();
    }

    @Override
    public void fill(RowContext ctx, Row row) {
        boolean grouped = ctx.parent >= 0;
        long segmentStart = grouped ? ctx.first : 0;
        long size = grouped ? ctx.count : table.rows;
        long position = ctx.row - segmentStart;
        int level = 0;
        while (level + 1 < cumulativeShare.length - 1 && boundary(size, level + 1) <= position) {
            level++;
        }
        long parentsStart = level == 0 ? 0 : boundary(size, level - 1);
        long parentsCount = level == 0 ? 0 : boundary(size, level) - parentsStart;
        if (parentsCount <= 0) {
            if (required) {
                table.writeKey(ctx, ctx.row, row, slots);
            } else {
                for (int s : slots) {
                    row.setNull(s);
                }
            }
            return;
        }
        Rng rng = ctx.rng(salt);
        long pick;
        if (exponent > 0) {
            Level l = level(ctx, segmentStart, level, parentsCount);
            pick = l.ranks.apply(l.sampler.sample(rng) - 1);
        } else {
            pick = rng.nextLong(parentsCount);
        }
        table.writeKey(ctx, segmentStart + parentsStart + pick, row, slots);
    }

    /** The first position of level {@code level} in a segment of {@code size} rows. */
    private long boundary(long size, int level) {
        return (long) Math.floor(size * cumulativeShare[level]);
    }

    private Level level(RowContext ctx, long segment, int level, long size) {
        Level l = ctx.state(stateSlot, Level::new);
        if (l.segment != segment || l.level != level) {
            l.segment = segment;
            l.level = level;
            l.sampler = new ZipfSampler(size, exponent);
            l.ranks = new Permutation(size, Hashing.combine(Hashing.combine(salt, segment), level));
        }
        return l;
    }

    /** The sampler of the level parents are drawn from. */
    private static final class Level {
        long segment = -1;
        int level = -1;
        ZipfSampler sampler;
        Permutation ranks;
    }
}
