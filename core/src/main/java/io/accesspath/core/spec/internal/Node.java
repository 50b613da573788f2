package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import java.util.List;
import java.util.Optional;

/**
 * A value of the spec file as written, before it means anything: a mapping, a sequence or a
 * scalar. Every node, and every mapping key, keeps where it starts in the file. Scalars are kept
 * as text (YAML's {@code yes}, {@code 1.10} or {@code 2_000_000} stay what the user typed); the
 * reader interprets them where it knows what is expected.
 */
public sealed interface Node {

    Loc loc();

    /** What kind of value this is, for messages ("a mapping", "a list", "a single value"). */
    String kind();

    /** A mapping with its entries in file order; keys are unique (duplicates are reported). */
    record Mapping(Loc loc, List<Entry> entries) implements Node {
        public Mapping {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        public Optional<Node> get(String key) {
            return entry(key).map(Entry::value);
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** One {@code key: value} of a mapping. */
    record Entry(String key, Loc keyLoc, Node value) {}

    record Sequence(Loc loc, List<Node> items) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A single value, as text. {@code isNull} marks an empty value ({@code key:}, {@code ~},
     * {@code null}).
     */
    record Scalar(Loc loc, String text, boolean isNull) implements Node {
        @Override
        public String kind() {
            return isNull ? "empty" : "a single value";
        }
    }
}
