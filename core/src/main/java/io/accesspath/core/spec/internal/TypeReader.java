package io.accesspath.core.spec.internal;

import io.accesspath.core.spec.LogicalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Reads an attribute's logical type from its {@code type} and the type-specific keys. */
final class TypeReader {
    /** Element types an array may hold. */
    static final List<String> ARRAY_ELEMENTS = List.of("identifier", "text", "email", "url", "integer", "bigint",
            "decimal", "money", "boolean", "date", "timestamp", "uuid");
    /** Element types a range may span. */
    static final List<String> RANGE_ELEMENTS = List.of("integer", "bigint", "decimal", "date", "timestamp");

    private static final int DECIMAL_PRECISION = 18;
    private static final int DECIMAL_SCALE = 2;
    private static final int MAX_PRECISION = 1000;
    /** Spellings from other languages and databases, and the spec's word for them. */
    private static final Map<String, String> FOREIGN_NAMES = Map.ofEntries(Map.entry("string", "text"),
            Map.entry("varchar", "text"), Map.entry("char", "text"), Map.entry("int", "integer"),
            Map.entry("int4", "integer"), Map.entry("smallint", "integer"), Map.entry("long", "bigint"),
            Map.entry("int8", "bigint"), Map.entry("float", "decimal"), Map.entry("double", "decimal"),
            Map.entry("numeric", "decimal"), Map.entry("number", "decimal"), Map.entry("bool", "boolean"),
            Map.entry("datetime", "timestamp"), Map.entry("timestamptz", "timestamp"), Map.entry("jsonb", "json"),
            Map.entry("point", "geo_point"), Map.entry("location", "geo_point"), Map.entry("list", "array"),
            Map.entry("tsvector", "searchable_text"));

    private TypeReader() {}

    /** The type named by the {@code type} node, checked along with the keys that only some types take. */
    static Optional<LogicalType> read(Node typeNode, Fields fields, String attributeLabel) {
        Values values = fields.values();
        Optional<String> typeName = values.text(typeNode, fields.label("type"));
        if (typeName.isEmpty()) {
            return Optional.empty();
        }
        String type = typeName.get();
        if (!LogicalType.SPEC_NAMES.contains(type)) {
            fields.problems().add(typeNode.loc(), "unknown type '" + type + "' for " + attributeLabel, typeHint(type));
            return Optional.empty();
        }
        boolean keysFit = true;
        for (Map.Entry<String, List<String>> specific : SpecKeys.TYPE_SPECIFIC.entrySet()) {
            if (fields.has(specific.getKey()) && !specific.getValue().contains(type)) {
                fields.problems().add(fields.keyLoc(specific.getKey()), "key '" + specific.getKey()
                        + "' does not apply to type " + type + " in " + fields.context(),
                        "it applies to " + String.join(", ", specific.getValue()));
                keysFit = false;
            }
        }
        Optional<LogicalType> logical = build(type, fields);
        return keysFit ? logical : Optional.empty();
    }

    /** The closest type, also through other languages' names ({@code strng} is close to string, that is text). */
    private static String typeHint(String type) {
        List<String> candidates = new ArrayList<>(LogicalType.SPEC_NAMES);
        candidates.addAll(FOREIGN_NAMES.keySet().stream().sorted().toList());
        String lower = type.toLowerCase(Locale.ROOT);
        Optional<String> closest = candidates.contains(lower) ? Optional.of(lower) : Suggestions.closest(type, candidates);
        return closest.map(c -> "did you mean '" + FOREIGN_NAMES.getOrDefault(c, c) + "'?")
                .orElse("expected one of " + String.join(", ", LogicalType.SPEC_NAMES));
    }

    private static Optional<LogicalType> build(String type, Fields fields) {
        return switch (type) {
            case "identifier" -> maxLength(fields).map(n -> new LogicalType.Identifier(
                    n.orElse(LogicalType.Identifier.DEFAULT_MAX_LENGTH)));
            case "text" -> maxLength(fields).map(LogicalType.Text::new);
            case "searchable_text" -> maxLength(fields).map(n -> new LogicalType.SearchableText(
                    fields.text("language").orElse(LogicalType.SearchableText.DEFAULT_LANGUAGE), n));
            case "decimal" -> precisionAndScale(fields, DECIMAL_PRECISION, DECIMAL_SCALE)
                    .map(ps -> new LogicalType.Decimal(ps[0], ps[1]));
            case "money" -> precisionAndScale(fields, LogicalType.Money.DEFAULT_PRECISION,
                    LogicalType.Money.DEFAULT_SCALE).map(ps -> new LogicalType.Money(ps[0], ps[1]));
            case "enum" -> enumType(fields);
            case "array" -> element(fields, ARRAY_ELEMENTS).map(LogicalType.Array::new);
            case "range" -> element(fields, RANGE_ELEMENTS).map(LogicalType.Range::new);
            default -> Optional.of(simple(type));
        };
    }

    /** A type that takes no parameters. */
    private static LogicalType simple(String type) {
        return switch (type) {
            case "email" -> new LogicalType.Email();
            case "url" -> new LogicalType.Url();
            case "integer" -> new LogicalType.Int();
            case "bigint" -> new LogicalType.BigInt();
            case "boolean" -> new LogicalType.Bool();
            case "date" -> new LogicalType.Date();
            case "timestamp" -> new LogicalType.Timestamp();
            case "uuid" -> new LogicalType.Uuid();
            case "json" -> new LogicalType.Json();
            case "geo_point" -> new LogicalType.GeoPoint();
            case "identifier" -> new LogicalType.Identifier(LogicalType.Identifier.DEFAULT_MAX_LENGTH);
            case "text" -> new LogicalType.Text(OptionalInt.empty());
            case "decimal" -> new LogicalType.Decimal(DECIMAL_PRECISION, DECIMAL_SCALE);
            case "money" -> new LogicalType.Money(LogicalType.Money.DEFAULT_PRECISION, LogicalType.Money.DEFAULT_SCALE);
            default -> throw new IllegalArgumentException("not a simple type: " + type);
        };
    }

    /** {@code max_length}: empty inside when absent; empty outside when invalid. */
    private static Optional<OptionalInt> maxLength(Fields fields) {
        if (!fields.has("max_length")) {
            return Optional.of(OptionalInt.empty());
        }
        OptionalInt n = fields.wholeNumber("max_length", 1);
        return n.isPresent() ? Optional.of(n) : Optional.empty();
    }

    private static Optional<int[]> precisionAndScale(Fields fields, int defaultPrecision, int defaultScale) {
        OptionalInt precision = fields.wholeNumber("precision", 1);
        OptionalInt scale = fields.wholeNumber("scale", 0);
        if ((fields.has("precision") && precision.isEmpty()) || (fields.has("scale") && scale.isEmpty())) {
            return Optional.empty();
        }
        int p = precision.orElse(defaultPrecision);
        int s = scale.orElse(defaultScale);
        if (p > MAX_PRECISION) {
            fields.problems().add(fields.get("precision").orElseThrow().loc(), fields.label("precision")
                    + " must be at most " + MAX_PRECISION + ", got " + p);
            return Optional.empty();
        }
        if (s > p) {
            fields.problems().add(fields.get(fields.has("scale") ? "scale" : "precision").orElseThrow().loc(),
                    "scale " + s + " is greater than precision " + p + " in " + fields.context(),
                    "the scale counts the digits after the point, out of the precision's digits");
            return Optional.empty();
        }
        return Optional.of(new int[] {p, s});
    }

    private static Optional<LogicalType> enumType(Fields fields) {
        Optional<Node> valuesNode = fields.require("values");
        if (valuesNode.isEmpty()) {
            return Optional.empty();
        }
        List<Node> items = fields.values().items(valuesNode.get(), fields.label("values"));
        if (items.isEmpty()) {
            if (valuesNode.get() instanceof Node.Sequence) {
                fields.problems().add(valuesNode.get().loc(), fields.label("values") + " is empty",
                        "list at least one value");
            }
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean valid = true;
        for (Node item : items) {
            Optional<String> value = fields.values().text(item, "each item of " + fields.label("values"));
            if (value.isEmpty()) {
                valid = false;
            } else if (!seen.add(value.get())) {
                fields.problems().add(item.loc(), "duplicate value '" + value.get() + "' in " + fields.label("values"));
                valid = false;
            } else {
                values.add(value.get());
            }
        }
        Optional<List<Double>> weights = weights(fields, items.size());
        return valid && weights.isPresent() ? Optional.of(new LogicalType.Enum(values, weights.get())) : Optional.empty();
    }

    private static Optional<List<Double>> weights(Fields fields, int valueCount) {
        Optional<Node> node = fields.get("weights");
        if (node.isEmpty()) {
            return Optional.of(List.of());
        }
        String label = fields.label("weights");
        List<Node> items = fields.values().items(node.get(), label);
        if (!(node.get() instanceof Node.Sequence)) {
            return Optional.empty();
        }
        boolean valid = true;
        List<Double> weights = new ArrayList<>();
        for (Node item : items) {
            Optional<BigDecimal> weight = fields.values().number(item, "each item of " + label);
            if (weight.isPresent() && weight.get().signum() < 0) {
                fields.problems().add(item.loc(), "negative weight " + weight.get().toPlainString() + " in " + label,
                        "weights are relative frequencies: 0 or more");
                weight = Optional.empty();
            }
            weight.ifPresent(w -> weights.add(w.doubleValue()));
            valid &= weight.isPresent();
        }
        if (items.size() != valueCount) {
            fields.problems().add(node.get().loc(), fields.context() + " has " + plural(valueCount, "value") + " but "
                    + plural(items.size(), "weight"), "give one weight per value, in the same order");
            return Optional.empty();
        }
        if (valid && weights.stream().allMatch(w -> w == 0)) {
            fields.problems().add(node.get().loc(), "every weight in " + label + " is zero",
                    "weights are relative frequencies: at least one must be positive");
            return Optional.empty();
        }
        return valid ? Optional.of(weights) : Optional.empty();
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static Optional<LogicalType> element(Fields fields, List<String> allowed) {
        Optional<String> of = fields.require("of").flatMap(n -> fields.values().choice(n, fields.label("of"), allowed));
        return of.map(TypeReader::simple);
    }
}
