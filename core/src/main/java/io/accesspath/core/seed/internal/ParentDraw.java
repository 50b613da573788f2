package io.accesspath.core.seed.internal;

/**
 * Draws a parent row under a skew: Zipf(s) over ranks 1..n mapped to rows by a fixed
 * permutation (the hottest parents are spread over the table), or uniform. Either over the whole
 * parent table or, for references between tenant-scoped tables, over the parent rows of the
 * row's own tenant (Zipf then ranks the tenant's parents).
 */
final class ParentDraw {
    private final TableModel parent;
    private final double exponent;
    private final boolean tenantLocal;
    private final long key;
    private final Permutation ranks;
    private final ZipfSampler sampler;
    private final int localSlot;

    /**
     * @param exponent the Zipf exponent, 0 for uniform
     * @param ranks    the rank-to-row permutation of the parent table (shared by every relationship
     *                 to it, so a hot parent is hot everywhere)
     */
    ParentDraw(TableModel parent, double exponent, boolean tenantLocal, long key, Permutation ranks, StateSlots slots) {
        this.parent = parent;
        this.exponent = exponent;
        this.tenantLocal = tenantLocal;
        this.key = key;
        this.ranks = ranks;
        this.sampler = exponent > 0 && !tenantLocal && parent.rows > 0 ? new ZipfSampler(parent.rows, exponent) : null;
        this.localSlot = slots.next();
    }

    TableModel parent() {
        return parent;
    }

    /** The first row and the number of rows a draw picks from, for the current row. */
    long[] domain(RowContext ctx) {
        if (!tenantLocal) {
            return new long[] {0, parent.rows};
        }
        long[] range = parent.tenantRange(ctx, ctx.tenant);
        return new long[] {range[1], range[2] - range[1]};
    }

    /** A rank (0-based) in a domain of {@code n} rows. */
    long rank(RowContext ctx, Rng rng, long n) {
        if (exponent <= 0) {
            return rng.nextLong(n);
        }
        if (!tenantLocal) {
            return sampler.sample(rng) - 1;
        }
        return local(ctx, n).sampler.sample(rng) - 1;
    }

    /** The row (absolute) of the parent at {@code rank} in a domain starting at {@code first}. */
    long row(RowContext ctx, long first, long n, long rank) {
        if (exponent <= 0) {
            return first + rank;
        }
        if (!tenantLocal) {
            return ranks.apply(rank);
        }
        return first + local(ctx, n).ranks.apply(rank);
    }

    /** A parent row for the current row; -1 when its domain is empty. */
    long draw(RowContext ctx, Rng rng) {
        long[] d = domain(ctx);
        if (d[1] == 0) {
            return -1;
        }
        return row(ctx, d[0], d[1], rank(ctx, rng, d[1]));
    }

    private Local local(RowContext ctx, long n) {
        Local l = ctx.state(localSlot, Local::new);
        if (l.tenant != ctx.tenant || l.n != n) {
            l.tenant = ctx.tenant;
            l.n = n;
            l.sampler = new ZipfSampler(n, exponent);
            l.ranks = new Permutation(n, Hashing.combine(key, ctx.tenant));
        }
        return l;
    }

    /** The sampler and permutation of the current tenant. */
    private static final class Local {
        long tenant = -1;
        long n;
        ZipfSampler sampler;
        Permutation ranks;
    }
}
