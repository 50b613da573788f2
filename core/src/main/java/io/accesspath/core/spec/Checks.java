package io.accesspath.core.spec;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Value checks declared on an attribute. {@code min}/{@code max} bound numbers (and the length
 * is bounded by {@code minLength}); {@code pattern} is a POSIX regular expression the value
 * must match.
 */
public record Checks(Optional<BigDecimal> min, Optional<BigDecimal> max, OptionalInt minLength,
                     Optional<String> pattern) {
    public static final Checks NONE = new Checks(Optional.empty(), Optional.empty(), OptionalInt.empty(),
            Optional.empty());

    public boolean isEmpty() {
        return min.isEmpty() && max.isEmpty() && minLength.isEmpty() && pattern.isEmpty();
    }
}
