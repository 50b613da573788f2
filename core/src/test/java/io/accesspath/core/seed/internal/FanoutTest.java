package io.accesspath.core.seed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.design.internal.Skews;
import io.accesspath.core.spec.Relationship;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded randomized checks of the fan-out layout: exact totals, bounds, and the declared skew. */
class FanoutTest {
    @Test
    void totalsAreExactAndBoundsHold() {
        Random random = new Random(3);
        for (int i = 0; i < 300; i++) {
            long parents = 1 + random.nextInt(3000);
            long max = random.nextBoolean() ? Long.MAX_VALUE : 1 + random.nextInt(50);
            long children = max == Long.MAX_VALUE ? random.nextInt(20_000) : random.nextInt((int) Math.min(20_000,
                    parents * max) + 1);
            long min = random.nextBoolean() && children >= parents && max >= 1 ? 1 : 0;
            double exponent = random.nextBoolean() ? 0 : 0.5 + random.nextDouble() * 1.5;
            Fanout f = new Fanout(parents, children, min, max, exponent, new Permutation(parents, random.nextLong()),
                    random.nextLong());
            // Walk the parents in order with a cursor (as the generator does), then check random
            // access (start, count, parentOf: each walks up to a block of parents) on a sample.
            long[] first = new long[(int) parents + 1];
            long total = 0;
            Fanout.Cursor walk = f.cursor();
            for (long p = 0; p < parents; p++) {
                walk.seekParent(p);
                long c = walk.count();
                if (c < min || c > max) {
                    assertThat(c).as("case %d parent %d", i, p).isBetween(min, max);
                }
                assertThat(walk.first()).isEqualTo(total);
                first[(int) p] = total;
                total += c;
            }
            first[(int) parents] = total;
            assertThat(total).isEqualTo(children);
            for (int k = 0; k < 20; k++) {
                long p = random.nextInt((int) parents);
                assertThat(f.start(p)).as("case %d start(%d)", i, p).isEqualTo(first[(int) p]);
                assertThat(f.count(p)).isEqualTo(first[(int) p + 1] - first[(int) p]);
            }
            Fanout.Cursor cursor = f.cursor();
            for (long child = 0; child < children; child += 1 + random.nextInt(7)) {
                long p = cursor.seekChild(child);
                if (child < first[(int) p] || child >= first[(int) p + 1]) {
                    assertThat(child).as("case %d child %d", i, child).isGreaterThanOrEqualTo(first[(int) p])
                            .isLessThan(first[(int) p + 1]);
                }
            }
            for (int k = 0; k < 20 && children > 0; k++) {
                long child = (long) (random.nextDouble() * children);
                long p = f.parentOf(child);
                assertThat(child).isGreaterThanOrEqualTo(first[(int) p]).isLessThan(first[(int) p + 1]);
            }
        }
    }

    /** The most referenced parent's share matches Skews.topShare, the designer's estimate, within 2%. */
    @Test
    void zipfTopShareMatchesTheDesignersEstimate() {
        long parents = 20_000;
        long children = 200_000;
        for (double s : new double[] {0.8, 1.0, 1.1, 1.5}) {
            Permutation ranks = new Permutation(parents, 99);
            Fanout f = new Fanout(parents, children, 0, Long.MAX_VALUE, s, ranks, 5);
            double top = (double) f.count(ranks.apply(0)) / children;
            double expected = Skews.topShare(Relationship.Skew.zipf(s), parents, 10);
            assertThat(top).as("zipf(%s)", s).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(2));
        }
    }

    @Test
    void uniformCountsVaryAroundTheAverage() {
        Fanout f = new Fanout(10_000, 30_000, 1, 40, 0, new Permutation(10_000, 1), 2);
        long ones = 0;
        long largest = 0;
        Fanout.Cursor walk = f.cursor();
        for (long p = 0; p < 10_000; p++) {
            walk.seekParent(p);
            ones += walk.count() == 1 ? 1 : 0;
            largest = Math.max(largest, walk.count());
        }
        assertThat(ones).as("parents with the minimum only").isBetween(1000L, 6000L);
        assertThat(largest).isBetween(6L, 40L);
    }
}
