package io.accesspath.core.seed.internal;

/**
 * A numeric distribution of the {@code generate} knobs: uniform over [lo, hi], normal(mean,
 * stddev), log-normal with the given mean and standard deviation (of the values, not of their
 * logarithm), exponential with the given mean above lo, or Zipf over the integers lo..hi
 * (P(k) proportional to 1 / (k - lo + 1)).
 */
record Distribution(String kind, double mean, double stddev, double lo, double hi, ZipfSampler zipf) {
    static final String UNIFORM = "uniform";
    static final String NORMAL = "normal";
    static final String LOGNORMAL = "lognormal";
    static final String EXPONENTIAL = "exponential";
    static final String ZIPF = "zipf";

    static Distribution of(String kind, double mean, double stddev, double lo, double hi) {
        ZipfSampler z = null;
        if (ZIPF.equals(kind)) {
            long n = (long) Math.floor(hi) - (long) Math.ceil(lo) + 1;
            z = new ZipfSampler(Math.max(1, n), 1.0);
        }
        return new Distribution(kind, mean, stddev, lo, hi, z);
    }

    /** A value (not yet limited to [lo, hi]). */
    double sample(Rng rng) {
        return switch (kind) {
            case NORMAL -> mean + stddev * rng.nextGaussian();
            case LOGNORMAL -> {
                double m = Math.max(mean, 1e-9);
                double sigma2 = Math.log(1 + (stddev * stddev) / (m * m));
                double mu = Math.log(m) - sigma2 / 2;
                yield Math.exp(mu + Math.sqrt(sigma2) * rng.nextGaussian());
            }
            case EXPONENTIAL -> {
                double base = Double.isInfinite(lo) ? 0 : lo;
                yield base + Math.max(mean - base, 1e-9) * rng.nextExponential();
            }
            case ZIPF -> Math.ceil(lo) + zipf.sample(rng) - 1;
            default -> lo + (hi - lo) * rng.nextDouble();
        };
    }

    /** A value within [lo, hi]: a few redraws, then the nearest bound. */
    double sampleWithin(Rng rng) {
        double v = sample(rng);
        for (int i = 0; i < 8 && (v < lo || v > hi); i++) {
            v = sample(rng);
        }
        return Math.min(Math.max(v, lo), hi);
    }
}
