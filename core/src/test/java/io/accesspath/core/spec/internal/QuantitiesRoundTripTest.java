package io.accesspath.core.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.spec.Rate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of counts and rates checked over many random values: whatever way a number is
 * written (plain, with underscores, with a suffix, per any unit), reading it gives the number
 * back. The values come from fixed seeds, so a failure names a case that reproduces.
 */
class QuantitiesRoundTripTest {
    private static final int CASES = 200;
    private static final List<String> UNITS = List.of("s", "min", "h", "day", "month");
    private static final List<Long> UNIT_SECONDS = List.of(1L, 60L, 3_600L, 86_400L, 2_592_000L);

    /** A count, and every spelling of it the spec allows. */
    record CountCase(long value) {
        List<String> spellings() {
            List<String> spellings = new java.util.ArrayList<>(List.of(Long.toString(value), grouped(value)));
            for (long unit : List.of(1_000L, 1_000_000L, 1_000_000_000L)) {
                String suffix = unit == 1_000L ? "k" : unit == 1_000_000L ? "M" : "B";
                BigDecimal scaled = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
                if (scaled.compareTo(BigDecimal.ZERO) > 0) {
                    spellings.add(scaled.toPlainString() + suffix);
                }
            }
            return spellings;
        }
    }

    static Stream<CountCase> counts() {
        Random random = new Random(20_261_101L);
        return IntStream.range(0, CASES).mapToObj(i -> {
            long magnitude = (long) Math.pow(10, random.nextInt(16));
            return new CountCase((long) (random.nextDouble() * magnitude));
        });
    }

    @ParameterizedTest
    @MethodSource("counts")
    void everySpellingOfACountReadsBackAsTheCount(CountCase count) {
        for (String spelling : count.spellings()) {
            assertThat(Quantities.count(spelling)).as(spelling).hasValue(count.value());
        }
    }

    /** N per unit, N with up to three decimals. */
    record RateCase(BigDecimal amount, int unit) {
        String text() {
            return amount.toPlainString() + "/" + UNITS.get(unit);
        }

        double perSecond() {
            return amount.doubleValue() / UNIT_SECONDS.get(unit);
        }
    }

    static Stream<RateCase> rates() {
        Random random = new Random(86_400L);
        return IntStream.range(0, CASES).mapToObj(i -> new RateCase(
                BigDecimal.valueOf(random.nextInt(10_000_000), random.nextInt(4)), random.nextInt(UNITS.size())));
    }

    @ParameterizedTest
    @MethodSource("rates")
    void aRateReadsBackAsItsValuePerSecond(RateCase rate) {
        Rate read = Quantities.rate(rate.text()).orElseThrow();

        assertThat(read.perSecond()).isCloseTo(rate.perSecond(), org.assertj.core.api.Assertions.withinPercentage(1e-9));
        assertThat(read.text()).isEqualTo(rate.text());
        assertThat(Quantities.rate(read.text())).contains(read);
    }

    @ParameterizedTest
    @MethodSource("rates")
    void aRateWrittenPerSecondReadsBackTheSame(RateCase rate) {
        Rate perSecond = Rate.perSecond(rate.amount().doubleValue());

        assertThat(Quantities.rate(perSecond.text()).orElseThrow().perSecond()).isEqualTo(perSecond.perSecond());
        assertThat(Quantities.perDay(rate.text()).orElseThrow())
                .isCloseTo(rate.perSecond() * 86_400, org.assertj.core.api.Assertions.withinPercentage(1e-9));
    }

    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', '_');
    }
}
