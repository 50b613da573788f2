package io.accesspath.core.spec;

import java.util.List;
import java.util.OptionalInt;

/**
 * What an attribute means, independent of any database. Each dialect maps a logical type to a
 * physical column type and says why.
 */
public sealed interface LogicalType {

    /** The spelling used in the spec ({@code text}, {@code decimal}, {@code enum}, ...). */
    String specName();

    /** A short opaque code users type or see: SKU, slug, handle, external reference. */
    record Identifier(int maxLength) implements LogicalType {
        public static final int DEFAULT_MAX_LENGTH = 64;
        public String specName() { return "identifier"; }
    }

    /** Free text, optionally limited in length. */
    record Text(OptionalInt maxLength) implements LogicalType {
        public String specName() { return "text"; }
    }

    record Email() implements LogicalType {
        public String specName() { return "email"; }
    }

    record Url() implements LogicalType {
        public String specName() { return "url"; }
    }

    /** A 32-bit whole number. */
    record Int() implements LogicalType {
        public String specName() { return "integer"; }
    }

    /** A 64-bit whole number. */
    record BigInt() implements LogicalType {
        public String specName() { return "bigint"; }
    }

    /** An exact number with {@code precision} digits, {@code scale} of them after the point. */
    record Decimal(int precision, int scale) implements LogicalType {
        public String specName() { return "decimal"; }
    }

    /** An amount of money: exact, never floating point. */
    record Money(int precision, int scale) implements LogicalType {
        public static final int DEFAULT_PRECISION = 14;
        public static final int DEFAULT_SCALE = 2;
        public String specName() { return "money"; }
    }

    record Bool() implements LogicalType {
        public String specName() { return "boolean"; }
    }

    record Date() implements LogicalType {
        public String specName() { return "date"; }
    }

    /** A point in time (always with time zone semantics). */
    record Timestamp() implements LogicalType {
        public String specName() { return "timestamp"; }
    }

    record Uuid() implements LogicalType {
        public String specName() { return "uuid"; }
    }

    /** A JSON document. */
    record Json() implements LogicalType {
        public String specName() { return "json"; }
    }

    /**
     * One of a fixed set of values. {@code weights} is empty or has one weight per value (their
     * relative frequency, used by the seed generator and for selectivity estimates).
     */
    record Enum(List<String> values, List<Double> weights) implements LogicalType {
        public Enum {
            values = List.copyOf(values);
            weights = List.copyOf(weights);
        }
        public String specName() { return "enum"; }

        /** The share of rows holding {@code value}: its weight, or 1/n without weights. */
        public double share(String value) {
            int i = values.indexOf(value);
            if (i < 0) {
                return 0;
            }
            if (weights.isEmpty()) {
                return 1.0 / values.size();
            }
            double total = weights.stream().mapToDouble(Double::doubleValue).sum();
            return total <= 0 ? 0 : weights.get(i) / total;
        }
    }

    /** A list of values of one element type (tags, labels). */
    record Array(LogicalType element) implements LogicalType {
        public String specName() { return "array"; }
    }

    /** A point on the earth (longitude, latitude). */
    record GeoPoint() implements LogicalType {
        public String specName() { return "geo_point"; }
    }

    /** Text searched by words (full-text search), in {@code language}. */
    record SearchableText(String language, OptionalInt maxLength) implements LogicalType {
        public static final String DEFAULT_LANGUAGE = "english";
        public String specName() { return "searchable_text"; }
    }

    /** A range of {@code element} values (integer, bigint, decimal, date or timestamp). */
    record Range(LogicalType element) implements LogicalType {
        public String specName() { return "range"; }
    }

    /** Every spelling the spec accepts for a type, for the JSON Schema and for did-you-mean hints. */
    List<String> SPEC_NAMES = List.of("identifier", "text", "email", "url", "integer", "bigint", "decimal",
            "money", "boolean", "date", "timestamp", "uuid", "json", "enum", "array", "geo_point",
            "searchable_text", "range");
}
