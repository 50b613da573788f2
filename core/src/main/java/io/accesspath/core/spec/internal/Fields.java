package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import io.accesspath.core.spec.Rate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A mapping of the spec being read in a named context ({@code entity 'order'}): typed access to
 * its keys, with every problem reported at the key or value it concerns. An empty value
 * ({@code key:}) counts as absent.
 */
final class Fields {
    private final Node.Mapping mapping;
    private final String context;
    private final Values values;

    public Fields(Node.Mapping mapping, String context, Values values) {
        this.mapping = mapping;
        this.context = context;
        this.values = values;
    }

    /** {@code node} as the fields of {@code context}, or empty (and a problem) if it is not a mapping. */
    public static Optional<Fields> of(Node node, String context, Values values) {
        return values.mapping(node, context).map(m -> new Fields(m, context, values));
    }

    public String context() {
        return context;
    }

    public Loc loc() {
        return mapping.loc();
    }

    public Values values() {
        return values;
    }

    public Problems problems() {
        return values.problems();
    }

    /** {@code 'key' in CONTEXT}, the way messages name a value. */
    public String label(String key) {
        return "'" + key + "' in " + context;
    }

    /** Reports every key not in {@code allowed}, with a did-you-mean hint or the list of valid keys. */
    public void allowOnly(List<String> allowed) {
        for (Node.Entry entry : mapping.entries()) {
            if (!allowed.contains(entry.key())) {
                problems().add(entry.keyLoc(), "unknown key '" + entry.key() + "' in " + context,
                        Suggestions.didYouMean(entry.key(), allowed)
                                .orElse("valid keys: " + String.join(", ", allowed)));
            }
        }
    }

    /** Whether the key is there with a value. */
    public boolean has(String key) {
        return get(key).isPresent();
    }

    public Optional<Node> get(String key) {
        return mapping.get(key).filter(node -> !(node instanceof Node.Scalar s && s.isNull()));
    }

    /** The value of a key that must be there, reporting its absence. */
    public Optional<Node> require(String key) {
        Optional<Node.Entry> entry = mapping.entry(key);
        if (entry.isEmpty()) {
            problems().add(mapping.loc(), "missing required key '" + key + "' in " + context);
            return Optional.empty();
        }
        Node value = entry.get().value();
        if (value instanceof Node.Scalar scalar && scalar.isNull()) {
            problems().add(entry.get().keyLoc(), label(key) + " has no value");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Where the key is written (the mapping's start if it is absent). */
    public Loc keyLoc(String key) {
        return mapping.entry(key).map(Node.Entry::keyLoc).orElse(mapping.loc());
    }

    public Optional<String> text(String key) {
        return get(key).flatMap(n -> values.text(n, label(key)));
    }

    /** A name-valued key, checked against the naming rule. */
    public Optional<String> name(String key, String what) {
        return get(key).flatMap(n -> values.name(n, label(key), what));
    }

    public Optional<String> choice(String key, List<String> choices) {
        return get(key).flatMap(n -> values.choice(n, label(key), choices));
    }

    /** A boolean key; false when absent. */
    public boolean flag(String key) {
        return get(key).flatMap(n -> values.bool(n, label(key))).orElse(false);
    }

    public Optional<BigDecimal> number(String key) {
        return get(key).flatMap(n -> values.number(n, label(key)));
    }

    public OptionalInt wholeNumber(String key, int min) {
        return get(key).map(n -> values.wholeNumber(n, label(key), min)).orElse(OptionalInt.empty());
    }

    public Optional<Double> fraction(String key) {
        return get(key).flatMap(n -> values.fraction(n, label(key)));
    }

    public OptionalLong count(String key) {
        return get(key).map(n -> values.count(n, label(key))).orElse(OptionalLong.empty());
    }

    public Optional<BigDecimal> amount(String key) {
        return get(key).flatMap(n -> values.amount(n, label(key)));
    }

    public Optional<Rate> rate(String key) {
        return get(key).flatMap(n -> values.rate(n, label(key)));
    }

    public Optional<Rate> requireRate(String key) {
        return require(key).flatMap(n -> values.rate(n, label(key)));
    }

    public OptionalLong days(String key) {
        return get(key).map(n -> values.days(n, label(key))).orElse(OptionalLong.empty());
    }

    /** The items of a list-valued key; empty when absent. */
    public List<Node> items(String key) {
        return get(key).map(n -> values.items(n, label(key))).orElse(List.of());
    }

    /** A mapping-valued key as fields of {@code subContext}. */
    public Optional<Fields> fields(String key, String subContext) {
        return get(key).flatMap(n -> values.mapping(n, label(key)).map(m -> new Fields(m, subContext, values)));
    }

    /** A located text: the value of {@code key} with where it is written. */
    public Optional<Ref> ref(String key) {
        return get(key).flatMap(n -> values.text(n, label(key)).map(t -> new Ref(t, n.loc())));
    }
}
