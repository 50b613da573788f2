package io.accesspath.core.seed.internal;

import io.accesspath.core.error.Problem;
import io.accesspath.core.seed.SeedColumn;
import io.accesspath.core.seed.ValueKind;
import io.accesspath.core.spec.Attribute;
import io.accesspath.core.spec.Generator;
import io.accesspath.core.spec.LogicalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the {@link ValueSource} of each attribute from its type, its checks, its
 * {@code generate} knobs and, where those say nothing, its name ({@link Hints}). Records a
 * problem, naming the entity and attribute, for every request no value can satisfy: bounds
 * outside the type, an empty range, a pattern that no value within the length limits matches,
 * a Datafaker expression that does not resolve.
 */
final class ValuePlanner {
    private static final int POOL = 512;
    private static final long MAX_UNIQUE_PATTERN_ROWS = 200_000;
    /** The width of a uniform range that the spec bounds on one side only (or not at all). */
    private static final double DEFAULT_SPAN = 1000;

    private final Pools pools;
    private final StateSlots slots;
    private final List<Problem> problems;
    private final long seed;
    private final Instant now;

    ValuePlanner(Pools pools, StateSlots slots, List<Problem> problems, long seed, Instant now) {
        this.pools = pools;
        this.slots = slots;
        this.problems = problems;
        this.seed = seed;
        this.now = now;
    }

    /**
     * Where an attribute's timestamps come from.
     *
     * @param history    the entity's history
     * @param monotone   the values increase with the row index
     * @param rows       the table's rows
     * @param afterSlot  the slot of the value this one comes after, -1 for none
     * @param afterIsDate whether that value is a date
     */
    record Time(Timeline history, boolean monotone, long rows, int afterSlot, boolean afterIsDate) {}

    /**
     * The source of an attribute's values.
     *
     * @param uniqueRows when the values must all differ, how many there are (0 otherwise)
     * @return empty when a problem was recorded
     */
    Optional<ValueSource> source(String entity, Attribute a, SeedColumn column, Time time, long uniqueRows) {
        String label = "entity '" + entity + "', attribute '" + a.name() + "'";
        LogicalType type = a.type();
        return switch (column.kind()) {
            case INT2, INT4, INT8, NUMERIC -> numbers(label, a, column);
            case BOOL -> Optional.of(booleans(a));
            case TEXT -> type instanceof LogicalType.Enum e ? Optional.of(new ChoiceSource(ValueKind.TEXT, e.values(),
                    e.weights().isEmpty() ? e.values().stream().map(v -> 1.0).toList() : e.weights()))
                    : text(label, entity, a, uniqueRows);
            case JSON -> Optional.of(new JsonSource(jsonKeys(entity), pools.words()));
            case DATE, TIMESTAMPTZ -> Optional.of(time(a, column.kind() == ValueKind.DATE, time));
            case UUID -> Optional.of(new UuidSource(Hashing.derive(seed, "uuid:" + entity + "." + a.name())));
            case POINT -> Optional.of(new PointSource(pools.places()));
            case ARRAY -> Optional.of(new ArraySource(pools.words(),
                    column.element().orElse(ValueKind.TEXT) == ValueKind.TEXT, Math.min(Hints.maxLength(
                    ((LogicalType.Array) type).element()), 40)));
            case RANGE -> range(label, a, column, time);
            case FLOAT8 -> throw new IllegalStateException("no attribute type maps to FLOAT8");
        };
    }

    /** The share of NULLs of an optional attribute. */
    double nullRatio(Attribute a, boolean softDelete) {
        if (a.required()) {
            return 0;
        }
        return a.generate().nullRatio().orElse(Hints.nullRatio(a.name(), softDelete));
    }

    // ---- numbers ------------------------------------------------------------------------------

    private Optional<ValueSource> numbers(String label, Attribute a, SeedColumn column) {
        int scale = column.scale();
        long[] type = typeRange(column);
        long lo = type[0];
        long hi = type[1];
        String typeName = column.sqlType();
        Optional<BigDecimal> checkMin = a.checks().min();
        Optional<BigDecimal> checkMax = a.checks().max();
        if (checkMin.isPresent()) {
            BigDecimal units = checkMin.get().movePointRight(scale).setScale(0, RoundingMode.CEILING);
            if (units.compareTo(BigDecimal.valueOf(hi)) > 0) {
                return fail(a, label + ": check min " + checkMin.get().toPlainString() + " is above the largest value "
                        + typeName + " holds (" + BigDecimal.valueOf(hi, scale).toPlainString() + "); no value satisfies it",
                        "lower the check's min or choose a wider type");
            }
            lo = Math.max(lo, units.longValue());
        }
        if (checkMax.isPresent()) {
            BigDecimal units = checkMax.get().movePointRight(scale).setScale(0, RoundingMode.FLOOR);
            if (units.compareTo(BigDecimal.valueOf(lo)) < 0) {
                return fail(a, label + ": check max " + checkMax.get().toPlainString() + " is below the smallest value"
                        + " allowed (" + BigDecimal.valueOf(lo, scale).toPlainString() + "); no value satisfies it",
                        "raise the check's max");
            }
            hi = Math.min(hi, units.longValue());
        }
        Generator g = a.generate();
        double unit = Math.pow(10, scale);
        if (g.min().isPresent()) {
            BigDecimal units = g.min().get().movePointRight(scale).setScale(0, RoundingMode.CEILING);
            if (units.compareTo(BigDecimal.valueOf(hi)) > 0) {
                return fail(a, label + ": generate min " + g.min().get().toPlainString() + " is above the largest"
                        + " allowed value " + BigDecimal.valueOf(hi, scale).toPlainString(), "lower generate.min");
            }
            lo = Math.max(lo, units.longValue());
        }
        if (g.max().isPresent()) {
            BigDecimal units = g.max().get().movePointRight(scale).setScale(0, RoundingMode.FLOOR);
            if (units.compareTo(BigDecimal.valueOf(lo)) < 0) {
                return fail(a, label + ": generate max " + g.max().get().toPlainString() + " is below the smallest"
                        + " allowed value " + BigDecimal.valueOf(lo, scale).toPlainString(), "raise generate.max");
            }
            hi = Math.min(hi, units.longValue());
        }
        boolean boundedBelow = checkMin.isPresent() || g.min().isPresent();
        boolean boundedAbove = checkMax.isPresent() || g.max().isPresent();
        double dlo = lo / unit;
        double dhi = hi / unit;
        Hints.NumberHint hint = Hints.number(a.name(), a.type() instanceof LogicalType.Money);
        String kind = g.distribution().orElse(hint.distribution());
        if (g.distribution().isEmpty()) {
            double hlo = !boundedBelow && !Double.isNaN(hint.min()) ? Math.max(dlo, hint.min()) : dlo;
            double hhi = !boundedAbove && !Double.isNaN(hint.max()) ? Math.min(dhi, hint.max()) : dhi;
            if (hlo <= hhi) {
                boundedBelow |= hlo != dlo;
                boundedAbove |= hhi != dhi;
                dlo = hlo;
                dhi = hhi;
            }
        }
        if (Distribution.UNIFORM.equals(kind) || Distribution.ZIPF.equals(kind)) {
            if (!boundedBelow && !boundedAbove) {
                dlo = Math.max(dlo, Math.min(0, dhi));
            }
            if (!boundedBelow && boundedAbove) {
                dlo = Math.max(dlo, dhi - DEFAULT_SPAN);
            }
            if (!boundedAbove) {
                dhi = Math.min(dhi, dlo + DEFAULT_SPAN);
            }
        }
        double mean = g.mean().orElse(Double.isNaN(hint.mean()) ? finiteMid(dlo, dhi) : hint.mean());
        double stddev = g.stddev().orElse(Double.isNaN(hint.stddev()) ? Math.max(1, Math.abs(mean) / 2) : hint.stddev());
        Distribution d = Distribution.of(kind, mean, stddev, dlo, dhi);
        return Optional.of(new NumberSource(d, scale, lo, hi));
    }

    private static double finiteMid(double lo, double hi) {
        double l = Math.max(lo, -1e6);
        double h = Math.min(hi, 1e6);
        return (l + h) / 2;
    }

    /** The type's own bounds in units of the scale. */
    private static long[] typeRange(SeedColumn column) {
        return switch (column.kind()) {
            case INT2 -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case INT4 -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            case INT8 -> new long[] {Long.MIN_VALUE + 1, Long.MAX_VALUE - 1};
            default -> {
                int precision = Math.min(18, precisionOf(column.sqlType()));
                long max = 1;
                for (int i = 0; i < precision; i++) {
                    max *= 10;
                }
                yield new long[] {-(max - 1), max - 1};
            }
        };
    }

    /** The precision of {@code numeric(p,s)}; 18 when not written. */
    static int precisionOf(String sqlType) {
        int open = sqlType.indexOf('(');
        int comma = sqlType.indexOf(',');
        if (open < 0) {
            return 18;
        }
        int end = comma > open ? comma : sqlType.indexOf(')');
        return Integer.parseInt(sqlType.substring(open + 1, end).strip());
    }

    // ---- text -------------------------------------------------------------------------------

    private Optional<ValueSource> text(String label, String entity, Attribute a, long uniqueRows) {
        int max = Hints.maxLength(a.type());
        int min = a.checks().minLength().orElse(0);
        if (min > max) {
            return fail(a, label + ": check min_length " + min + " is above max_length " + max
                    + "; no value satisfies both", "lower min_length or raise max_length");
        }
        TextGen gen;
        boolean tokens = true;
        if (a.checks().pattern().isPresent()) {
            String pattern = a.checks().pattern().get();
            if (uniqueRows > MAX_UNIQUE_PATTERN_ROWS) {
                return fail(a, label + ": unique values matching pattern '" + pattern + "' are generated for at most "
                        + MAX_UNIQUE_PATTERN_ROWS + " rows, and " + uniqueRows + " are requested",
                        "seed fewer rows of " + entity + " or drop the pattern or unique");
            }
            int size = uniqueRows > 0 ? (int) uniqueRows : POOL;
            Optional<List<String>> values = PatternPool.values(pattern, min, max, size, uniqueRows > 0,
                    Hashing.derive(seed, "pattern:" + entity + "." + a.name()));
            if (values.isEmpty()) {
                return fail(a, label + ": no generated value matches pattern '" + pattern + "'"
                        + (max < Integer.MAX_VALUE ? " within max_length " + max : "")
                        + (min > 0 ? " and min_length " + min : ""), "check the pattern against the length limits");
            }
            if (uniqueRows > 0 && values.get().size() < uniqueRows) {
                return fail(a, label + ": pattern '" + pattern + "' has only " + values.get().size()
                        + " distinct values within the length limits but " + uniqueRows + " unique rows are requested",
                        "seed at most " + values.get().size() + " rows of " + entity + " or widen the pattern");
            }
            gen = new TextGens.Pool(values.get());
            tokens = false;
        } else if (a.generate().faker().isPresent()) {
            String expression = a.generate().faker().get();
            try {
                gen = new TextGens.Pool(pools.expression(expression, POOL));
            } catch (IllegalArgumentException e) {
                return fail(a, label + ": Datafaker cannot resolve the expression '" + expression + "'",
                        "use a provider and method Datafaker knows, e.g. #{Name.fullName} or #{Commerce.productName}");
            }
        } else {
            gen = Hints.text(entity, a.name(), a.type(), pools);
        }
        return Optional.of(new TextSource(gen, min, max, tokens, slots));
    }

    // ---- other types ------------------------------------------------------------------------

    private ValueSource booleans(Attribute a) {
        double p = a.defaultValue().map(d -> "true".equalsIgnoreCase(d) ? 0.85 : 0.15)
                .orElse(Hints.trueShare(a.name()));
        return new ChoiceSource(ValueKind.BOOL, List.of("false", "true"), List.of(1 - p, p));
    }

    private ValueSource time(Attribute a, boolean date, Time t) {
        Timeline timeline = t.history();
        boolean monotone = t.monotone();
        if (date && t.afterSlot() < 0) {
            if (Hints.has(a.name(), "due", "deadline", "expires", "expiry", "until", "end", "ends", "valid")) {
                timeline = new Timeline(now.plusSeconds(90L * 86_400), 120, Double.POSITIVE_INFINITY);
                monotone = false;
            } else if (Hints.has(a.name(), "birth", "dob", "birthday", "born")) {
                timeline = new Timeline(now.minusSeconds(18L * 365 * 86_400), 62 * 365, Double.POSITIVE_INFINITY);
                monotone = false;
            }
        }
        Generator g = a.generate();
        double mean = g.mean().orElse(48);
        double sd = g.stddev().orElse(96);
        Distribution delay = Distribution.of(Distribution.LOGNORMAL, mean, sd, g.min().map(BigDecimal::doubleValue)
                .orElse(0.0), g.max().map(BigDecimal::doubleValue).orElse(24.0 * 365));
        return new TimeSource(timeline, date, monotone, t.rows(), t.afterSlot(), t.afterIsDate(), delay,
                !a.required());
    }

    private Optional<ValueSource> range(String label, Attribute a, SeedColumn column, Time time) {
        ValueKind element = column.element().orElseThrow();
        LogicalType.Range type = (LogicalType.Range) a.type();
        if (element == ValueKind.DATE || element == ValueKind.TIMESTAMPTZ) {
            ValueSource lower = new TimeSource(time.history(), element == ValueKind.DATE, false, time.rows(), -1, false,
                    null, false);
            double unit = element == ValueKind.DATE ? 1 : Timeline.HOUR_MICROS;
            double mean = element == ValueKind.DATE ? 7 : 3;
            return Optional.of(new RangeSource(lower, Distribution.of(Distribution.EXPONENTIAL, mean * unit,
                    mean * unit, unit, 365 * 24 * unit)));
        }
        Attribute lowerBound = new Attribute(a.name(), type.element(), true, false, Optional.empty(), a.checks(),
                a.generate(), Optional.empty(), a.loc());
        return numbers(label, lowerBound, new SeedColumn(column.name(), column.sqlType(), element, column.scale(),
                Optional.empty())).map(lower -> new RangeSource(lower, Distribution.of(Distribution.EXPONENTIAL,
                10 * Math.pow(10, column.scale()), 1, 1, 1e6 * Math.pow(10, column.scale()))));
    }

    private static List<String> jsonKeys(String entity) {
        if (Hints.has(entity, "product", "item", "sku", "listing")) {
            return List.of("color", "size", "material", "weight_g#", "brand", "warranty_months#", "recyclable?");
        }
        if (Hints.has(entity, "event", "log", "reading", "alert", "message")) {
            return List.of("source", "level", "code#", "region", "retries#", "agent", "sampled?");
        }
        if (Hints.has(entity, "article", "post", "page", "document")) {
            return List.of("series", "reading_minutes#", "language", "featured?", "topic", "revision#");
        }
        return List.of("source", "channel", "tier", "locale", "beta?", "version#", "note");
    }

    private Optional<ValueSource> fail(Attribute a, String message, String hint) {
        problems.add(Problem.of(a.loc(), message, hint));
        return Optional.empty();
    }
}
