package io.accesspath.core.plan;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An immutable, ordered set of EXPLAIN fields, keyed by the names PostgreSQL's FORMAT JSON uses
 * ("Node Type", "Actual Rows", ...), in the order PostgreSQL prints them. Typed getters return
 * empty when a field is absent or of another kind.
 */
public final class Fields {
    private static final Fields EMPTY = new Fields(new LinkedHashMap<>());

    private final Map<String, PlanValue> values;

    private Fields(LinkedHashMap<String, PlanValue> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Copies {@code values}, keeping their iteration order. */
    public static Fields of(Map<String, PlanValue> values) {
        return new Fields(new LinkedHashMap<>(values));
    }

    public static Fields empty() {
        return EMPTY;
    }

    /** Every field, in order. */
    public Map<String, PlanValue> asMap() {
        return values;
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Optional<PlanValue> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Optional<String> text(String key) {
        return values.get(key) instanceof PlanValue.TextValue t ? Optional.of(t.value()) : Optional.empty();
    }

    /** The number exactly as printed. */
    public Optional<BigDecimal> number(String key) {
        return values.get(key) instanceof PlanValue.NumberValue n ? Optional.of(n.value()) : Optional.empty();
    }

    public OptionalDouble decimal(String key) {
        return values.get(key) instanceof PlanValue.NumberValue n
                ? OptionalDouble.of(n.value().doubleValue()) : OptionalDouble.empty();
    }

    /** A whole number (counters, kB, blocks); empty for absent or fractional values. */
    public OptionalLong integer(String key) {
        if (values.get(key) instanceof PlanValue.NumberValue n) {
            try {
                return OptionalLong.of(n.value().longValueExact());
            } catch (ArithmeticException notWhole) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    public Optional<Boolean> bool(String key) {
        return values.get(key) instanceof PlanValue.BoolValue b ? Optional.of(b.value()) : Optional.empty();
    }

    /** A list of strings such as "Sort Key"; empty when absent. */
    public List<String> texts(String key) {
        return list(key).stream()
                .map(v -> v instanceof PlanValue.TextValue t ? t.value() : null)
                .filter(s -> s != null)
                .toList();
    }

    /** A list value's items; empty when absent. */
    public List<PlanValue> list(String key) {
        return values.get(key) instanceof PlanValue.ListValue l ? l.items() : List.of();
    }

    /** A list of objects such as "Workers" or "Triggers"; empty when absent. */
    public List<Fields> objects(String key) {
        return list(key).stream()
                .map(v -> v instanceof PlanValue.ObjectValue o ? o.fields() : null)
                .filter(f -> f != null)
                .toList();
    }

    public Optional<Fields> object(String key) {
        return values.get(key) instanceof PlanValue.ObjectValue o ? Optional.of(o.fields()) : Optional.empty();
    }

    /** Equal when the same keys hold equal values; order is not compared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Fields other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
