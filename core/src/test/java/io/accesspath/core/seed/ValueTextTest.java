package io.accesspath.core.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Seeded randomized comparison of the hand-written formatting with java.time, UUID and BigDecimal. */
class ValueTextTest {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    @Test
    void datesAndTimestampsMatchJavaTime() {
        Random random = new Random(5);
        for (int i = 0; i < 5000; i++) {
            long day = -200_000 + random.nextInt(400_000);
            StringBuilder sb = new StringBuilder();
            ValueText.date(day, sb);
            assertThat(sb).hasToString(LocalDate.ofEpochDay(day).toString().replaceFirst("^\\+", ""));
            long micros = Math.floorMod(random.nextLong(), 8_000_000_000_000_000L) - 2_000_000_000_000_000L;
            sb.setLength(0);
            ValueText.timestamp(micros, sb);
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000);
            assertThat(sb).hasToString(TIMESTAMP.format(at) + "+00");
        }
    }

    @Test
    void decimalsAndUuidsMatchTheJdk() {
        Random random = new Random(6);
        for (int i = 0; i < 5000; i++) {
            long unscaled = random.nextLong() >> random.nextInt(64);
            int scale = random.nextInt(8);
            StringBuilder sb = new StringBuilder();
            ValueText.decimal(unscaled, scale, sb);
            assertThat(sb).hasToString(BigDecimal.valueOf(unscaled, scale).toPlainString());
            long hi = random.nextLong();
            long lo = random.nextLong();
            sb.setLength(0);
            ValueText.uuid(hi, lo, sb);
            assertThat(sb).hasToString(new UUID(hi, lo).toString());
        }
    }
}
