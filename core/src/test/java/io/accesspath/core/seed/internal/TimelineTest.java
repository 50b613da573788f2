package io.accesspath.core.seed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void increasingFractionsGiveIncreasingInstantsInsideTheHistory() {
        Timeline t = new Timeline(NOW, 400, 0.25);
        long previous = Long.MIN_VALUE;
        for (int i = 0; i <= 10_000; i++) {
            long at = t.at(i / 10_000.0);
            assertThat(at).isGreaterThanOrEqualTo(previous).isGreaterThanOrEqualTo(t.startMicros())
                    .isLessThan(t.endMicros());
            previous = at;
        }
        assertThat(t.endMicros()).isEqualTo(NOW.toEpochMilli() * 1000);
    }

    @Test
    void growthPutsMoreRowsInTheRecentHalfAndDaytimeBeatsNight() {
        Timeline t = new Timeline(NOW, 365, 0.25);
        Random random = new Random(1);
        long middle = (t.startMicros() + t.endMicros()) / 2;
        int recent = 0;
        int evening = 0;
        int night = 0;
        for (int i = 0; i < 100_000; i++) {
            long at = t.at(random.nextDouble());
            recent += at >= middle ? 1 : 0;
            long hour = Math.floorMod(at / Timeline.HOUR_MICROS, 24);
            evening += hour == 19 ? 1 : 0;
            night += hour == 3 ? 1 : 0;
        }
        // density 0.25 + x: the second half holds (0.125 + 0.375) / 0.75 = 2/3 of the rows.
        assertThat(recent / 100_000.0).isBetween(0.64, 0.69);
        assertThat(evening).isGreaterThan(night * 5);
    }
}
