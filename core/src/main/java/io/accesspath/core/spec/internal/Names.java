package io.accesspath.core.spec.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rule every name in a spec follows: lower snake case, at most 63 characters. */
public final class Names {
    /** PostgreSQL truncates identifiers beyond 63 bytes. */
    public static final int MAX_LENGTH = 63;
    public static final Pattern PATTERN = Pattern.compile("^[a-z][a-z0-9_]*$");

    private Names() {}

    public static boolean isValid(String name) {
        return name.length() <= MAX_LENGTH && PATTERN.matcher(name).matches();
    }

    /**
     * What is wrong with {@code name} as a {@code what} ("entity name"), with a hint, or empty
     * if the name is valid.
     */
    public static Optional<Invalid> check(String name, String what) {
        if (name.length() > MAX_LENGTH) {
            return Optional.of(new Invalid(what + " '" + name + "' is " + name.length()
                    + " characters long; the limit is " + MAX_LENGTH, Optional.of("shorten it")));
        }
        if (PATTERN.matcher(name).matches()) {
            return Optional.empty();
        }
        String message = "invalid " + what + " '" + name + "': use lower snake case ([a-z][a-z0-9_]*)";
        return Optional.of(new Invalid(message, snakeCase(name).map(s -> "did you mean '" + s + "'?")));
    }

    /** A message and an optional hint. */
    public record Invalid(String message, Optional<String> hint) {}

    /** {@code OrderLine}, {@code order-line} or {@code Order Line} as {@code order_line}, if that is a valid name. */
    static Optional<String> snakeCase(String name) {
        String s = name.strip()
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("[^A-Za-z0-9]+", "_")
                .toLowerCase(Locale.ROOT)
                .replaceAll("^_+|_+$", "");
        return isValid(s) ? Optional.of(s) : Optional.empty();
    }
}
