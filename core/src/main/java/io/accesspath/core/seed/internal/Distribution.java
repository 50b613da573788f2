package io.accesspath.core.seed.internal;

/**
 * A numeric distribution of the {@code generate} knobs: uniform over [lo, hi], normal(mean,
 * stddev), log-normal with the given mean and standard deviation (of the values, not of their
 * logarithm), exponential with the given mean above lo, or Zipf over the integers lo..hi
 * (P(k) proportional to 1 / (k - lo + 1)). Everything that does not depend on the random draw is
 * worked out once, since a sample is taken for every generated value.
 */
final class Distribution {
    static final String UNIFORM = "uniform";
    static final String NORMAL = "normal";
    static final String LOGNORMAL = "lognormal";
    static final String EXPONENTIAL = "exponential";
    static final String ZIPF = "zipf";

    private enum Kind { UNIFORM, NORMAL, LOGNORMAL, EXPONENTIAL, ZIPF }

    private final Kind kind;
    private final double lo;
    private final double hi;
    /** normal: mean and stddev; log-normal: mu and sigma of the logarithm; exponential: base and mean above it. */
    private final double a;
    private final double b;
    private final ZipfSampler zipf;

    private Distribution(Kind kind, double lo, double hi, double a, double b, ZipfSampler zipf) {
        this.kind = kind;
        this.lo = lo;
        this.hi = hi;
        this.a = a;
        this.b = b;
        this.zipf = zipf;
    }

    static Distribution of(String kind, double mean, double stddev, double lo, double hi) {
        switch (kind) {
            case NORMAL:
                return new Distribution(Kind.NORMAL, lo, hi, mean, stddev, null);
            case LOGNORMAL: {
                double m = Math.max(mean, 1e-9);
                double sigma2 = Math.log(1 + (stddev * stddev) / (m * m));
                return new Distribution(Kind.LOGNORMAL, lo, hi, Math.log(m) - sigma2 / 2, Math.sqrt(sigma2), null);
            }
            case EXPONENTIAL: {
                double base = Double.isInfinite(lo) ? 0 : lo;
                return new Distribution(Kind.EXPONENTIAL, lo, hi, base, Math.max(mean - base, 1e-9), null);
            }
            case ZIPF: {
                long n = (long) Math.floor(hi) - (long) Math.ceil(lo) + 1;
                return new Distribution(Kind.ZIPF, lo, hi, Math.ceil(lo), 0, new ZipfSampler(Math.max(1, n), 1.0));
            }
            default:
                return new Distribution(Kind.UNIFORM, lo, hi, 0, 0, null);
        }
    }

    /** A value (not yet limited to [lo, hi]). */
    double sample(Rng rng) {
        switch (kind) {
            case NORMAL:
                return a + b * rng.nextGaussian();
            case LOGNORMAL:
                return Math.exp(a + b * rng.nextGaussian());
            case EXPONENTIAL:
                return a + b * rng.nextExponential();
            case ZIPF:
                return a + zipf.sample(rng) - 1;
            default:
                return lo + (hi - lo) * rng.nextDouble();
        }
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
