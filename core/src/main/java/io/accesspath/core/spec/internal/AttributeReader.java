package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import io.accesspath.core.spec.Attribute;
import io.accesspath.core.spec.Checks;
import io.accesspath.core.spec.Generator;
import io.accesspath.core.spec.LogicalType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads one attribute, in its short form ({@code email: email}) or its long form, with its
 * checks and seed-data knobs.
 */
final class AttributeReader {
    static final List<String> DISTRIBUTIONS = List.of("uniform", "normal", "lognormal", "exponential", "zipf");
    private static final List<String> NUMERIC = List.of("integer", "bigint", "decimal", "money");
    private static final List<String> TEXTUAL = List.of("identifier", "text", "email", "url", "searchable_text");

    private final Values values;

    AttributeReader(Values values) {
        this.values = values;
    }

    /**
     * An attribute as read: its type when that is valid (so that later checks can use it even if
     * something else is wrong), the attribute when everything is valid, and the names its seed
     * knobs point to.
     */
    record Draft(String name, Loc loc, Optional<LogicalType> type, Optional<Attribute> attribute,
                 Optional<Ref> after, Optional<Ref> sumOf) {}

    /**
     * Reads the attribute {@code name} of {@code owner} (an entity, or a many-to-many link).
     *
     * @param loc where its name is written
     */
    Draft read(String owner, String name, Loc loc, Node node) {
        String label = "attribute '" + owner + "." + name + "'";
        if (node instanceof Node.Scalar scalar) {
            return shortForm(name, loc, scalar, label);
        }
        Optional<Fields> maybeFields = Fields.of(node, label, values);
        if (maybeFields.isEmpty()) {
            return new Draft(name, loc, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        Fields fields = maybeFields.get();
        fields.allowOnly(SpecKeys.ATTRIBUTE);
        int before = values.problems().size();
        Optional<LogicalType> type = fields.require("type").flatMap(t -> TypeReader.read(t, fields, label));
        boolean required = fields.flag("required");
        boolean unique = fields.flag("unique");
        Optional<String> description = fields.text("description");
        Optional<String> defaultValue = type.flatMap(t -> defaultValue(fields, t, label));
        Optional<Checks> checks = type.map(t -> checks(fields, t, label));
        GeneratorRead generate = fields.fields("generate", "generate of " + label)
                .map(g -> generator(g, required))
                .orElse(new GeneratorRead(Generator.DEFAULT, Optional.empty(), Optional.empty()));
        Optional<Attribute> attribute = values.problems().size() > before || type.isEmpty() || checks.isEmpty()
                ? Optional.empty()
                : Optional.of(new Attribute(name, type.get(), required, unique, defaultValue, checks.get(),
                        generate.generator(), description, loc));
        return new Draft(name, loc, type, attribute, generate.after(), generate.sumOf());
    }

    /** {@code name: type}: an optional attribute of a type that needs no other key. */
    private Draft shortForm(String name, Loc loc, Node.Scalar typeNode, String label) {
        if (typeNode.isNull()) {
            values.problems().add(loc, label + " has no type", "write '" + name + ": text' or {type: ...}");
            return new Draft(name, loc, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        Fields none = new Fields(new Node.Mapping(typeNode.loc(), List.of()), label, values);
        Optional<LogicalType> type = TypeReader.read(typeNode, none, label);
        Optional<Attribute> attribute = type.map(t -> new Attribute(name, t, false, false, Optional.empty(),
                Checks.NONE, Generator.DEFAULT, Optional.empty(), loc));
        return new Draft(name, loc, type, attribute, Optional.empty(), Optional.empty());
    }

    private Optional<String> defaultValue(Fields fields, LogicalType type, String label) {
        Optional<Node> node = fields.get("default");
        Optional<String> text = node.flatMap(n -> values.text(n, fields.label("default")));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> problem = Literals.problem(text.get(), type);
        problem.ifPresent(hint -> values.problems().add(node.get().loc(), "invalid default '" + text.get() + "' for "
                + label + " of type " + type.specName(), hint));
        return text;
    }

    private Checks checks(Fields attribute, LogicalType type, String label) {
        Optional<Fields> maybe = attribute.fields("check", "check of " + label);
        if (maybe.isEmpty()) {
            return Checks.NONE;
        }
        Fields check = maybe.get();
        check.allowOnly(SpecKeys.CHECK);
        fitsType(check, "min", type, NUMERIC);
        fitsType(check, "max", type, NUMERIC);
        fitsType(check, "min_length", type, TEXTUAL);
        fitsType(check, "pattern", type, TEXTUAL);
        Optional<BigDecimal> min = check.number("min");
        Optional<BigDecimal> max = check.number("max");
        minNotAboveMax(check, min, max);
        OptionalInt minLength = check.wholeNumber("min_length", 0);
        if (minLength.isPresent() && maxLengthOf(type).isPresent()
                && minLength.getAsInt() > maxLengthOf(type).getAsInt()) {
            values.problems().add(check.get("min_length").orElseThrow().loc(), "min_length " + minLength.getAsInt()
                    + " is greater than max_length " + maxLengthOf(type).getAsInt() + " of " + label);
        }
        return new Checks(min, max, minLength, check.text("pattern"));
    }

    private void fitsType(Fields fields, String key, LogicalType type, List<String> types) {
        if (fields.has(key) && !types.contains(type.specName())) {
            values.problems().add(fields.keyLoc(key), "key '" + key + "' does not apply to type " + type.specName()
                    + " in " + fields.context(), "it applies to " + String.join(", ", types));
        }
    }

    private void minNotAboveMax(Fields fields, Optional<BigDecimal> min, Optional<BigDecimal> max) {
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            values.problems().add(fields.get("min").orElseThrow().loc(), "min " + min.get().toPlainString()
                    + " is greater than max " + max.get().toPlainString() + " in " + fields.context());
        }
    }

    private static OptionalInt maxLengthOf(LogicalType type) {
        if (type instanceof LogicalType.Identifier t) {
            return OptionalInt.of(t.maxLength());
        }
        if (type instanceof LogicalType.Text t) {
            return t.maxLength();
        }
        if (type instanceof LogicalType.SearchableText t) {
            return t.maxLength();
        }
        return OptionalInt.empty();
    }

    private record GeneratorRead(Generator generator, Optional<Ref> after, Optional<Ref> sumOf) {}

    private GeneratorRead generator(Fields g, boolean required) {
        g.allowOnly(SpecKeys.GENERATE);
        Optional<String> distribution = g.choice("distribution", DISTRIBUTIONS);
        OptionalDouble mean = toDouble(g.number("mean"));
        Optional<BigDecimal> stddev = g.number("stddev");
        if (stddev.isPresent() && stddev.get().signum() < 0) {
            values.problems().add(g.get("stddev").orElseThrow().loc(), g.label("stddev") + " must not be negative");
        }
        Optional<BigDecimal> min = g.number("min");
        Optional<BigDecimal> max = g.number("max");
        minNotAboveMax(g, min, max);
        Optional<Double> nullRatio = g.fraction("null_ratio");
        if (nullRatio.isPresent() && required) {
            values.problems().add(g.keyLoc("null_ratio"), "'null_ratio' in " + g.context()
                    + " applies to optional attributes, and this one is required");
        }
        OptionalLong distinct = g.count("distinct");
        if (distinct.isPresent() && distinct.getAsLong() == 0) {
            values.problems().add(g.get("distinct").orElseThrow().loc(), g.label("distinct") + " must be at least 1");
        }
        Optional<Ref> after = g.ref("after");
        Optional<Ref> sumOf = g.ref("sum_of");
        Generator generator = new Generator(distribution, mean, toDouble(stddev), min, max, g.text("faker"),
                nullRatio.map(OptionalDouble::of).orElse(OptionalDouble.empty()), after.map(Ref::name),
                sumOf.map(Ref::name), distinct);
        return new GeneratorRead(generator, after, sumOf);
    }

    private static OptionalDouble toDouble(Optional<BigDecimal> n) {
        return n.map(v -> OptionalDouble.of(v.doubleValue())).orElse(OptionalDouble.empty());
    }
}
