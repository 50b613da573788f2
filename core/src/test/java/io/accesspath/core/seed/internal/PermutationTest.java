package io.accesspath.core.seed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded randomized checks that permutations are bijections of [0, n) and invert. */
class PermutationTest {
    @Test
    void everySmallSizeIsABijection() {
        Random random = new Random(7);
        for (int n = 1; n <= 300; n++) {
            Permutation p = new Permutation(n, random.nextLong());
            BitSet seen = new BitSet(n);
            for (int x = 0; x < n; x++) {
                long y = p.apply(x);
                assertThat(y).isBetween(0L, n - 1L);
                assertThat(seen.get((int) y)).as("n=%d x=%d", n, x).isFalse();
                seen.set((int) y);
                assertThat(p.inverse(y)).isEqualTo(x);
            }
        }
    }

    @Test
    void largeSizesInvert() {
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            long n = 1 + (random.nextLong() >>> (1 + random.nextInt(40)));
            Permutation p = new Permutation(n, random.nextLong());
            for (int k = 0; k < 50; k++) {
                long x = Math.floorMod(random.nextLong(), n);
                assertThat(p.inverse(p.apply(x))).isEqualTo(x);
            }
        }
    }

    @Test
    void keysGiveDifferentOrders() {
        Permutation a = new Permutation(1000, 1);
        Permutation b = new Permutation(1000, 2);
        int same = 0;
        for (int x = 0; x < 1000; x++) {
            same += a.apply(x) == b.apply(x) ? 1 : 0;
        }
        assertThat(same).isLessThan(20);
    }
}
