package io.accesspath.core.seed.internal;

/**
 * A small, fast, resettable pseudo-random generator (SplitMix64). One instance is reseeded
 * for every (row, column) so a value depends only on its seed, never on what was generated
 * before it. Not thread-safe: each generating thread has its own.
 */
public final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    public Rng(long seed) {
        state = seed;
    }

    /** Restarts the stream from {@code seed}. */
    public Rng reset(long seed) {
        state = seed;
        return this;
    }

    public long nextLong() {
        state += GOLDEN;
        return Hashing.mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in (0, 1]: safe for logarithms. */
    public double nextOpenDouble() {
        return ((nextLong() >>> 11) + 1) * DOUBLE_UNIT;
    }

    /** Uniform in [0, bound), bound > 0 (the modulo bias is below bound / 2^64). */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return Long.remainderUnsigned(nextLong(), bound);
    }

    /** Uniform in [0, bound), bound > 0. */
    public int nextInt(int bound) {
        return (int) nextLong(bound);
    }

    public boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** Standard normal (Box-Muller, one value per call). */
    public double nextGaussian() {
        double u = nextOpenDouble();
        double v = nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Exponential with mean 1. */
    public double nextExponential() {
        return -Math.log(nextOpenDouble());
    }
}
