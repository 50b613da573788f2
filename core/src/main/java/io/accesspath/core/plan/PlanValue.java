package io.accesspath.core.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One value of an EXPLAIN field, as PostgreSQL's FORMAT JSON would print it. Numbers keep the
 * exact digits PostgreSQL printed ({@code 0.00}, {@code 1000}, {@code 0.50}), so a plan can be
 * written back unchanged.
 */
public sealed interface PlanValue {

    /** A string, such as a node type or a condition. */
    record TextValue(String value) implements PlanValue {
        public TextValue {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A number with the scale PostgreSQL printed it with. */
    record NumberValue(BigDecimal value) implements PlanValue {
        public NumberValue {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code true} or {@code false}. */
    record BoolValue(boolean value) implements PlanValue {
    }

    /** A list: of strings (such as "Sort Key"), of lists, or of objects (such as "Workers"). */
    record ListValue(List<PlanValue> items) implements PlanValue {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    /** A nested object, such as "Planning", "JIT" or one worker. */
    record ObjectValue(Fields fields) implements PlanValue {
        public ObjectValue {
            Objects.requireNonNull(fields, "fields");
        }
    }

    static PlanValue text(String value) {
        return new TextValue(value);
    }

    /** A number from its printed form, such as {@code "0.50"}; the scale is kept. */
    static PlanValue number(String printed) {
        return new NumberValue(new BigDecimal(printed));
    }

    static PlanValue number(long value) {
        return new NumberValue(BigDecimal.valueOf(value));
    }

    static PlanValue bool(boolean value) {
        return new BoolValue(value);
    }

    static PlanValue list(List<PlanValue> items) {
        return new ListValue(items);
    }

    /** A list of strings. */
    static PlanValue texts(List<String> items) {
        return new ListValue(items.stream().map(PlanValue::text).toList());
    }

    static PlanValue object(Fields fields) {
        return new ObjectValue(fields);
    }
}
