package io.accesspath.core.spec.internal;

import io.accesspath.core.spec.Rate;
import io.accesspath.core.spec.Relationship;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec's little languages for amounts: counts ({@code 2M}), rates ({@code 20k/day}),
 * durations ({@code 13 months}) and skews ({@code zipf(1.1)}). The patterns are shared with the
 * JSON Schema, which repeats them verbatim.
 */
public final class Quantities {
    /**
     * An amount: digits (underscores allowed between them), an optional fraction and an optional
     * k/M/B suffix. Counts must come out whole.
     */
    public static final String AMOUNT_PATTERN = "^([0-9]+(?:_[0-9]+)*(?:\\.[0-9]+)?)([kMB]?)$";
    /** A rate: an amount, optionally per s, min, h, day or month (30 days); plain means per second. */
    public static final String RATE_PATTERN = "^([0-9]+(?:_[0-9]+)*(?:\\.[0-9]+)?[kMB]?)(?: */ *(s|min|h|day|month))?$";
    /** A duration: a whole number of days, weeks, months (30 days) or years (365 days). */
    public static final String DURATION_PATTERN = "^([0-9]+(?:_[0-9]+)*) *(d|days?|w|weeks?|months?|y|years?)$";
    /** A skew: uniform, zipf (exponent 1), zipf(S) or pareto(ALPHA). */
    public static final String SKEW_PATTERN = "^(uniform|zipf|(zipf|pareto)\\( *([0-9]+(?:\\.[0-9]+)?) *\\))$";

    private static final Pattern AMOUNT = Pattern.compile(AMOUNT_PATTERN);
    private static final Pattern RATE = Pattern.compile(RATE_PATTERN);
    private static final Pattern DURATION = Pattern.compile(DURATION_PATTERN);
    private static final Pattern SKEW = Pattern.compile(SKEW_PATTERN);

    private static final Map<String, BigDecimal> SUFFIXES = Map.of("", BigDecimal.ONE, "k", BigDecimal.valueOf(1_000L),
            "M", BigDecimal.valueOf(1_000_000L), "B", BigDecimal.valueOf(1_000_000_000L));
    private static final Map<String, Long> SECONDS_PER_UNIT = Map.of("s", 1L, "min", 60L, "h", 3_600L,
            "day", 86_400L, "month", 30L * 86_400L);
    private static final Map<Character, Long> DAYS_PER_UNIT = Map.of('d', 1L, 'w', 7L, 'm', 30L, 'y', 365L);
    private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

    /** How to write a count, for hints. */
    public static final String COUNT_HELP = "write a whole number, optionally with underscores and a k, M or B suffix"
            + " (2000000, 2_000_000, 2M, 1.5k)";
    /** How to write a rate, for hints. */
    public static final String RATE_HELP = "write N/s, N/min, N/h, N/day, N/month or a plain number per second"
            + " (300/s, 5/min, 20k/day)";
    /** How to write a duration, for hints. */
    public static final String DURATION_HELP = "write a whole number of d, days, w, weeks, months or y, years"
            + " (90d, 13 months, 2y)";
    /** How to write a skew, for hints. */
    public static final String SKEW_HELP = "write uniform, zipf, zipf(S) or pareto(ALPHA), e.g. zipf(1.1)";

    private Quantities() {}

    /** A non-negative amount with an optional k/M/B suffix ({@code 2.5}, {@code 1.5k}). */
    public static Optional<BigDecimal> amount(String text) {
        Matcher m = AMOUNT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(m.group(1).replace("_", "")).multiply(SUFFIXES.get(m.group(2))));
    }

    /** A count: an amount that is a whole number that fits a long. */
    public static OptionalLong count(String text) {
        Optional<BigDecimal> value = amount(text);
        if (value.isEmpty() || value.get().stripTrailingZeros().scale() > 0 || value.get().compareTo(MAX_LONG) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(value.get().longValueExact());
    }

    /** A rate, normalized to events per second; its text is the user's spelling. */
    public static Optional<Rate> rate(String text) {
        String s = text.strip();
        Matcher m = RATE.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal perUnit = amount(m.group(1)).orElseThrow();
        long seconds = m.group(2) == null ? 1 : SECONDS_PER_UNIT.get(m.group(2));
        double perSecond = perUnit.divide(BigDecimal.valueOf(seconds), MathContext.DECIMAL64).doubleValue();
        return Double.isFinite(perSecond) ? Optional.of(new Rate(perSecond, s)) : Optional.empty();
    }

    /** A rate as events per day, computed exactly from its text (no rounding through seconds). */
    public static Optional<Double> perDay(String text) {
        Matcher m = RATE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long seconds = m.group(2) == null ? 1 : SECONDS_PER_UNIT.get(m.group(2));
        return Optional.of(amount(m.group(1)).orElseThrow().multiply(BigDecimal.valueOf(86_400L))
                .divide(BigDecimal.valueOf(seconds), MathContext.DECIMAL64).doubleValue());
    }

    /** A duration in days. */
    public static OptionalLong days(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        BigDecimal n = new BigDecimal(m.group(1).replace("_", ""));
        BigDecimal days = n.multiply(BigDecimal.valueOf(DAYS_PER_UNIT.get(m.group(2).charAt(0))));
        return days.compareTo(MAX_LONG) > 0 ? OptionalLong.empty() : OptionalLong.of(days.longValueExact());
    }

    /** A skew; zipf and pareto need a positive parameter. */
    public static Optional<Relationship.Skew> skew(String text) {
        Matcher m = SKEW.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(1).equals("uniform")) {
            return Optional.of(Relationship.Skew.UNIFORM);
        }
        if (m.group(1).equals("zipf")) {
            return Optional.of(Relationship.Skew.zipf(1));
        }
        double parameter = Double.parseDouble(m.group(3));
        if (parameter <= 0) {
            return Optional.empty();
        }
        return Optional.of(m.group(2).equals("zipf") ? Relationship.Skew.zipf(parameter)
                : Relationship.Skew.pareto(parameter));
    }
}
