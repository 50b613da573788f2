package io.accesspath.core.seed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Chi-square test of the sampler against the exact Zipf probabilities. */
class ZipfSamplerTest {
    @Test
    void frequenciesFollowZipf() {
        int n = 20;
        int draws = 200_000;
        for (double s : new double[] {0.7, 1.0, 1.3, 2.0}) {
            ZipfSampler z = new ZipfSampler(n, s);
            long[] counts = new long[n];
            Rng rng = new Rng(42);
            for (int i = 0; i < draws; i++) {
                counts[(int) z.sample(rng) - 1]++;
            }
            double h = 0;
            for (int k = 1; k <= n; k++) {
                h += Math.pow(k, -s);
            }
            double chi2 = 0;
            for (int k = 1; k <= n; k++) {
                double expected = draws * Math.pow(k, -s) / h;
                chi2 += (counts[k - 1] - expected) * (counts[k - 1] - expected) / expected;
            }
            // 19 degrees of freedom: P(chi2 > 43.8) = 0.001.
            assertThat(chi2).as("zipf(%s)", s).isLessThan(43.8);
        }
    }
}
