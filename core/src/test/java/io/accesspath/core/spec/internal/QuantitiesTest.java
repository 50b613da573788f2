package io.accesspath.core.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.accesspath.core.spec.Rate;
import io.accesspath.core.spec.Relationship;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The spec's amounts, by example. Round trips over random values are in {@link QuantitiesRoundTripTest}. */
class QuantitiesTest {

    @ParameterizedTest
    @CsvSource({"2000000, 2000000", "2_000_000, 2000000", "2M, 2000000", "1.5k, 1500", "3B, 3000000000",
            "0, 0", "0.5k, 500", "1_000k, 1000000"})
    void readsCounts(String text, long expected) {
        assertThat(Quantities.count(text)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "2MM", "2m", "-1", "2 M", "_1", "1__0", "1e6", "1.2345k", "", "k", "99999999999B"})
    void rejectsWhatIsNotACount(String text) {
        assertThat(Quantities.count(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"300/s, 300", "5/min, 0.0833333333333333", "3600/h, 1", "86400/day, 1", "2592000/month, 1",
            "20k/day, 0.2314814814814815", "300, 300", "0.5/s, 0.5", "2 / min, 0.0333333333333333", "0, 0"})
    void readsRatesAsEventsPerSecond(String text, double perSecond) {
        Rate rate = Quantities.rate(text).orElseThrow();
        assertThat(rate.perSecond()).isCloseTo(perSecond, within(1e-12));
        assertThat(rate.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5/minute", "10 per second", "-3/s", "/s", "5/", "1e3/s", "5/d", "five/s"})
    void rejectsWhatIsNotARate(String text) {
        assertThat(Quantities.rate(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"90d, 90", "1 day, 1", "2w, 14", "3 weeks, 21", "13 months, 390", "1 month, 30", "2y, 730",
            "5 years, 1825", "1_000d, 1000"})
    void readsDurationsInDays(String text, long days) {
        assertThat(Quantities.days(text)).hasValue(days);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3 fortnights", "90", "2.5y", "1m", "d", "-1d"})
    void rejectsWhatIsNotADuration(String text) {
        assertThat(Quantities.days(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"uniform, uniform", "zipf, zipf(1)", "zipf(1.1), zipf(1.1)", "zipf( 2 ), zipf(2)",
            "pareto(1.2), pareto(1.2)"})
    void readsSkews(String text, String normalized) {
        Relationship.Skew skew = Quantities.skew(text).orElseThrow();
        assertThat(skew.toString()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zipf(0)", "zipf(-1)", "pareto", "normal", "zipf()", "Zipf(1)"})
    void rejectsWhatIsNotASkew(String text) {
        assertThat(Quantities.skew(text)).isEmpty();
    }
}
