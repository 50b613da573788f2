package io.accesspath.core.seed.internal;

/**
 * How the rows of a child table are spread over the rows of its parent, laid out so that each
 * parent's children are contiguous: parent {@code p} owns child rows [{@link #start(long)
 * start(p)}, start(p + 1)). The layout is a pure function of the seed, so a parent can compute
 * its children (an order's total as the sum of its lines) and a child its parent without either
 * being stored.
 *
 * <p>Each parent gets a weight: under Zipf(s) the weight of the parent of rank r is r^-s, ranks
 * being mapped to rows by a fixed {@link Permutation} so that hot parents are spread over the
 * table; under a uniform skew it is a random factor with mean 1 (a Gamma(2) variate), so counts
 * vary around the average instead of being all equal. Every parent first gets {@code min}
 * children; the remaining children are shared in proportion to the weights by rounding down
 * the cumulative share, which makes the total exact. A declared maximum caps the weights.
 *
 * <p>Memory: two numbers per block of {@value #BLOCK} parents; a lookup walks at most one block.
 */
public final class Fanout {
    static final int BLOCK = 1024;
    private static final int CAP_ROUNDS = 8;

    private final long parents;
    private final long children;
    private final long min;
    private final long remaining;
    private final Weights weights;
    private final double[] weightAtBlock;
    private final long[] startAtBlock;
    private final double totalWeight;

    /**
     * @param parents  parent rows (at least 1)
     * @param children child rows to spread
     * @param min      children every parent gets first (0 or more; min * parents <= children)
     * @param max      the most children one parent may get ({@link Long#MAX_VALUE} for no limit)
     * @param exponent the Zipf exponent; 0 for a uniform spread
     * @param ranks    maps ranks (0-based) to parent rows; unused when uniform
     * @param noiseKey the seed of the uniform spread's random weights
     */
    public Fanout(long parents, long children, long min, long max, double exponent, Permutation ranks, long noiseKey) {
        if (parents < 1 || children < 0 || min < 0 || min * parents > children) {
            throw new IllegalArgumentException("fan-out of " + children + " children over " + parents
                    + " parents with at least " + min + " each is impossible");
        }
        this.parents = parents;
        this.children = children;
        this.min = min;
        this.remaining = children - min * parents;
        Weights w = new Weights(exponent > 0 ? Mode.ZIPF : Mode.NOISE, exponent, ranks, noiseKey,
                Double.POSITIVE_INFINITY);
        if (max < Long.MAX_VALUE && remaining > 0) {
            w = capped(w, max);
        }
        this.weights = w;
        this.totalWeight = sum(w);
        int blocks = (int) ((parents + BLOCK - 1) / BLOCK) + 1;
        this.weightAtBlock = new double[blocks];
        this.startAtBlock = new long[blocks];
        fillBlocks();
    }

    public long parents() {
        return parents;
    }

    public long children() {
        return children;
    }

    /** The children every parent gets at least. */
    public long min() {
        return min;
    }

    /** The first child row of parent {@code p}; {@code start(parents)} is the number of children. */
    public long start(long p) {
        if (p >= parents) {
            return children;
        }
        int block = (int) (p / BLOCK);
        double w = weightAtBlock[block];
        for (long q = (long) block * BLOCK; q < p; q++) {
            w += weights.of(q);
        }
        return startFor(weights, p, w, totalWeight);
    }

    /** The children of parent {@code p}. */
    public long count(long p) {
        return start(p + 1) - start(p);
    }

    /** The parent of child row {@code i}. */
    public long parentOf(long i) {
        if (i < 0 || i >= children) {
            throw new IndexOutOfBoundsException("child row " + i + " outside [0, " + children + ")");
        }
        int lo = 0;
        int hi = startAtBlock.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (startAtBlock[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Cursor c = new Cursor();
        c.at((long) lo * BLOCK, weightAtBlock[lo]);
        while (c.next <= i) {
            c.advance();
        }
        return c.parent;
    }

    /** A fresh cursor for walking parents in order; not thread-safe. */
    public Cursor cursor() {
        return new Cursor();
    }

    private long startFor(Weights w, long p, double weightBefore, double total) {
        if (p >= parents) {
            return children;
        }
        long share = w.mode == Mode.EQUAL ? exactShare(p)
                : (long) Math.floor(remaining * (weightBefore / total));
        return min * p + Math.min(remaining, share);
    }

    /** floor(remaining * p / parents) without overflow or rounding error. */
    private long exactShare(long p) {
        return remaining / parents * p + remaining % parents * p / parents;
    }

    private double sum(Weights w) {
        double total = 0;
        for (long p = 0; p < parents; p++) {
            total += w.of(p);
        }
        return total;
    }

    private void fillBlocks() {
        double w = 0;
        for (long p = 0; p < parents; p++) {
            if (p % BLOCK == 0) {
                int b = (int) (p / BLOCK);
                weightAtBlock[b] = w;
                startAtBlock[b] = startFor(weights, p, w, totalWeight);
            }
            w += weights.of(p);
        }
        int last = startAtBlock.length - 1;
        weightAtBlock[last] = w;
        startAtBlock[last] = children;
    }

    /**
     * Weights under a cap low enough that no parent gets more than {@code max} children; if no
     * cap is found in a few rounds, equal weights (counts then differ by at most one).
     */
    private Weights capped(Weights w, long max) {
        Weights current = w;
        for (int round = 0; round < CAP_ROUNDS; round++) {
            double total = sum(current);
            if (largestCount(current, total) <= max) {
                return current;
            }
            double limit = Math.max(0, max - min - 1) * total / remaining;
            double cap = Math.min(current.cap == Double.POSITIVE_INFINITY ? limit : current.cap * 0.9, limit);
            if (!(cap > 0)) {
                break;
            }
            current = new Weights(w.mode, w.exponent, w.ranks, w.noiseKey, cap);
        }
        return new Weights(Mode.EQUAL, 0, w.ranks, w.noiseKey, Double.POSITIVE_INFINITY);
    }

    private long largestCount(Weights w, double total) {
        double cumulative = 0;
        long previous = 0;
        long largest = 0;
        for (long p = 0; p < parents; p++) {
            cumulative += w.of(p);
            long next = startFor(w, p + 1, cumulative, total);
            largest = Math.max(largest, next - previous);
            previous = next;
        }
        return largest;
    }

    private enum Mode { ZIPF, NOISE, EQUAL }

    /** The weight of each parent: a pure function of the parent row. */
    private record Weights(Mode mode, double exponent, Permutation ranks, long noiseKey, double cap) {
        double of(long p) {
            double w = switch (mode) {
                case ZIPF -> Math.pow(ranks.inverse(p) + 1.0, -exponent);
                case NOISE -> gamma2(Hashing.combine(noiseKey, p));
                case EQUAL -> 1;
            };
            return Math.min(w, cap);
        }

        /** A Gamma(2, 1/2) variate (mean 1): the mean of two exponentials drawn from {@code seed}. */
        private static double gamma2(long seed) {
            double u1 = ((Hashing.mix(seed) >>> 11) + 1) * 0x1.0p-53;
            double u2 = ((Hashing.mix(seed + 0x9E3779B97F4A7C15L) >>> 11) + 1) * 0x1.0p-53;
            return -(Math.log(u1) + Math.log(u2)) / 2;
        }
    }

    /** Walks parents in order, keeping the current parent's range of child rows. */
    public final class Cursor {
        private long parent = -1;
        private double weightBefore;
        private long first;
        private long next;

        /** The parent of child row {@code i}, cheap when rows are visited in increasing order. */
        public long seekChild(long i) {
            if (parent >= 0 && i >= first && i < next) {
                return parent;
            }
            if (parent < 0 || i < first || i - next > BLOCK) {
                long p = parentOf(i);
                seekParent(p);
                return p;
            }
            while (next <= i) {
                advance();
            }
            return parent;
        }

        /** Positions the cursor on parent {@code p}. */
        public void seekParent(long p) {
            if (p == parent) {
                return;
            }
            if (parent >= 0 && p > parent && p - parent <= BLOCK) {
                while (parent < p) {
                    advance();
                }
                return;
            }
            int block = (int) (p / BLOCK);
            at((long) block * BLOCK, weightAtBlock[block]);
            while (parent < p) {
                advance();
            }
        }

        /** The current parent. */
        public long parent() {
            return parent;
        }

        /** The first child row of the current parent. */
        public long first() {
            return first;
        }

        /** Children of the current parent. */
        public long count() {
            return next - first;
        }

        private void at(long p, double w) {
            parent = p;
            weightBefore = w;
            first = startFor(weights, p, w, totalWeight);
            next = startFor(weights, p + 1, w + weights.of(p), totalWeight);
        }

        private void advance() {
            at(parent + 1, weightBefore + weights.of(parent));
        }
    }
}
