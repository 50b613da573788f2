package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import io.accesspath.core.spec.Rate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Interprets nodes as the values a spec expects (text, names, numbers, booleans, rates...),
 * reporting a problem at the node when it is not one. {@code label} names the value in messages,
 * e.g. {@code 'rows' in volume of entity 'order'}.
 */
final class Values {
    private static final Pattern NUMBER = Pattern.compile("^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$");
    private static final Pattern WHOLE = Pattern.compile("^-?[0-9]+$");

    private final Problems problems;

    public Values(Problems problems) {
        this.problems = problems;
    }

    public Problems problems() {
        return problems;
    }

    /** The node as text; a mapping or a list is a problem. */
    public Optional<String> text(Node node, String label) {
        if (node instanceof Node.Scalar scalar && !scalar.isNull()) {
            return Optional.of(scalar.text());
        }
        problems.add(node.loc(), label + " must be a single value, not " + node.kind());
        return Optional.empty();
    }

    /** The node as a name ({@code what} is e.g. "entity name"), checked against the naming rule. */
    public Optional<String> name(Node node, String label, String what) {
        return text(node, label).filter(name -> isValidName(name, node.loc(), what));
    }

    /** Reports a name that breaks the naming rule; true if the name is valid. */
    public boolean isValidName(String name, Loc loc, String what) {
        Optional<Names.Invalid> invalid = Names.check(name, what);
        invalid.ifPresent(i -> problems.add(loc, i.message(), i.hint()));
        return invalid.isEmpty();
    }

    /** One of {@code choices}, with a did-you-mean hint when it is not. */
    public Optional<String> choice(Node node, String label, List<String> choices) {
        return text(node, label).filter(value -> {
            if (choices.contains(value)) {
                return true;
            }
            problems.add(node.loc(), "invalid value '" + value + "' for " + label, Suggestions.oneOf(value, choices));
            return false;
        });
    }

    /** {@code true} or {@code false}; YAML 1.1 spellings ({@code yes}, {@code on}) are rejected. */
    public Optional<Boolean> bool(Node node, String label) {
        return text(node, label).flatMap(value -> {
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return Optional.of(lower.equals("true"));
            }
            problems.add(node.loc(), label + " must be true or false, got '" + value + "'");
            return Optional.empty();
        });
    }

    /** A decimal number. */
    public Optional<BigDecimal> number(Node node, String label) {
        return text(node, label).flatMap(value -> {
            if (NUMBER.matcher(value.strip()).matches()) {
                return Optional.of(new BigDecimal(value.strip()));
            }
            problems.add(node.loc(), label + " must be a number, got '" + value + "'");
            return Optional.empty();
        });
    }

    /** A whole number that fits an int, at least {@code min}. */
    public OptionalInt wholeNumber(Node node, String label, int min) {
        Optional<String> text = text(node, label);
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        String value = text.get().strip();
        if (!WHOLE.matcher(value).matches() || value.length() > 10 || Long.parseLong(value) > Integer.MAX_VALUE) {
            problems.add(node.loc(), label + " must be a whole number, got '" + text.get() + "'");
            return OptionalInt.empty();
        }
        int n = Integer.parseInt(value);
        if (n < min) {
            problems.add(node.loc(), label + " must be at least " + min + ", got " + n);
            return OptionalInt.empty();
        }
        return OptionalInt.of(n);
    }

    /** A share between 0 and 1. */
    public Optional<Double> fraction(Node node, String label) {
        return number(node, label).flatMap(n -> {
            if (n.signum() >= 0 && n.compareTo(BigDecimal.ONE) <= 0) {
                return Optional.of(n.doubleValue());
            }
            problems.add(node.loc(), label + " must be between 0 and 1, got " + n.toPlainString());
            return Optional.empty();
        });
    }

    /** A count ({@code 2_000_000}, {@code 2M}, {@code 1.5k}). */
    public OptionalLong count(Node node, String label) {
        Optional<String> text = text(node, label);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong count = Quantities.count(text.get());
        if (count.isEmpty()) {
            problems.add(node.loc(), "invalid count '" + text.get() + "' for " + label, Quantities.COUNT_HELP);
        }
        return count;
    }

    /** A non-negative amount, not necessarily whole ({@code 2.5}, {@code 1.5k}). */
    public Optional<BigDecimal> amount(Node node, String label) {
        return text(node, label).flatMap(text -> {
            Optional<BigDecimal> amount = Quantities.amount(text);
            if (amount.isEmpty()) {
                problems.add(node.loc(), "invalid number '" + text + "' for " + label,
                        "write a non-negative number, optionally with a k, M or B suffix (10, 2.5, 1.5k)");
            }
            return amount;
        });
    }

    /** A rate ({@code 300/s}, {@code 20k/day}). */
    public Optional<Rate> rate(Node node, String label) {
        return text(node, label).flatMap(text -> {
            Optional<Rate> rate = Quantities.rate(text);
            if (rate.isEmpty()) {
                problems.add(node.loc(), "invalid rate '" + text + "' for " + label, Quantities.RATE_HELP);
            }
            return rate;
        });
    }

    /** A positive duration in days ({@code 90d}, {@code 13 months}). */
    public OptionalLong days(Node node, String label) {
        Optional<String> text = text(node, label);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong days = Quantities.days(text.get());
        if (days.isEmpty() || days.getAsLong() == 0) {
            problems.add(node.loc(), "invalid duration '" + text.get() + "' for " + label, Quantities.DURATION_HELP);
            return OptionalLong.empty();
        }
        return days;
    }

    /** The items of a list; anything else is a problem. */
    public List<Node> items(Node node, String label) {
        if (node instanceof Node.Sequence sequence) {
            return sequence.items();
        }
        problems.add(node.loc(), label + " must be a list, not " + node.kind());
        return List.of();
    }

    /** The node as a mapping; anything else is a problem. */
    public Optional<Node.Mapping> mapping(Node node, String label) {
        if (node instanceof Node.Mapping mapping) {
            return Optional.of(mapping);
        }
        problems.add(node.loc(), label + " must be a mapping, not " + node.kind());
        return Optional.empty();
    }
}
