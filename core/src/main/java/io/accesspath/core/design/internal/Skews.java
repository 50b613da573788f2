package io.accesspath.core.design.internal;

import io.accesspath.core.spec.Relationship;

/**
 * How much of all children the most-referenced parent holds under a declared skew. Zipf(s)
 * spreads children over parents ranked k = 1..N with weight 1/k^s, so the top parent holds
 * 1/H(N, s) (H the generalized harmonic number); Pareto(alpha) draws each parent's child count
 * from a Pareto distribution with the declared mean, whose largest of N draws is about
 * x_m N^(1/alpha).
 */
public final class Skews {
    private static final int EXACT_TERMS = 100_000;

    private Skews() {
    }

    /** The top parent's share of all children (1/parents when uniform). */
    public static double topShare(Relationship.Skew skew, long parents, double childrenPerParent) {
        if (parents <= 1) {
            return 1;
        }
        return switch (skew.kind()) {
            case "zipf" -> 1 / harmonic(parents, skew.parameter());
            case "pareto" -> {
                double alpha = skew.parameter();
                if (alpha <= 1) {
                    yield 1;
                }
                double xm = childrenPerParent * (alpha - 1) / alpha;
                double max = xm * Math.pow(parents, 1 / alpha);
                yield Math.min(1, max / (childrenPerParent * parents));
            }
            default -> 1.0 / parents;
        };
    }

    /** H(n, s) = sum of k^-s for k = 1..n: exact for the first terms, integrated for the tail. */
    static double harmonic(long n, double s) {
        long exact = Math.min(n, EXACT_TERMS);
        double h = 0;
        for (long k = 1; k <= exact; k++) {
            h += Math.pow(k, -s);
        }
        if (n > exact) {
            double a = exact + 0.5;
            double b = n + 0.5;
            h += Math.abs(s - 1) < 1e-9 ? Math.log(b / a) : (Math.pow(b, 1 - s) - Math.pow(a, 1 - s)) / (1 - s);
        }
        return h;
    }
}
