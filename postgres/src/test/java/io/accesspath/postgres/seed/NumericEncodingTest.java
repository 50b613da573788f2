package io.accesspath.postgres.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.seed.ByteSink;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** numeric in COPY's binary form, decoded back the way numeric_recv reads it. */
class NumericEncodingTest {
    @Test
    void edgeValuesRoundTrip() {
        long[] values = {0, 1, -1, 9_999, 10_000, 10_001, 100_000_000, 123_456_789_012L, -5, 50, 500_000,
                Long.MAX_VALUE, -Long.MAX_VALUE};
        for (int scale = 0; scale <= 9; scale++) {
            for (long v : values) {
                assertRoundTrip(v, scale);
            }
        }
    }

    @Test
    void seededRandomValuesRoundTrip() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            long v = switch (i % 3) {
                case 0 -> r.nextInt(1_000_000) - 500_000;
                case 1 -> r.nextLong() / (1L << r.nextInt(63));
                default -> r.nextInt(100) * (long) Math.pow(10, r.nextInt(12));
            };
            assertRoundTrip(v, r.nextInt(10));
        }
    }

    private static void assertRoundTrip(long unscaled, int scale) {
        ByteSink out = new ByteSink(64);
        CopyBinaryEncoder.numeric(unscaled, scale, out);
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray());
        int length = b.getInt();
        assertThat(length).isEqualTo(out.size() - 4);
        int n = b.getShort();
        int weight = b.getShort();
        int sign = b.getShort() & 0xFFFF;
        int dscale = b.getShort();
        BigDecimal value = BigDecimal.ZERO;
        for (int k = 0; k < n; k++) {
            int digit = b.getShort();
            assertThat(digit).isBetween(0, 9_999);
            if (k == 0 || k == n - 1) {
                assertThat(digit).as("no leading or trailing zero groups").isNotZero();
            }
            value = value.add(BigDecimal.valueOf(digit).scaleByPowerOfTen(4 * (weight - k)));
        }
        if (sign == 0x4000) {
            value = value.negate();
        } else {
            assertThat(sign).isZero();
        }
        assertThat(dscale).isEqualTo(scale);
        assertThat(value.compareTo(BigDecimal.valueOf(unscaled, scale))).as(unscaled + " scale " + scale).isZero();
    }
}
