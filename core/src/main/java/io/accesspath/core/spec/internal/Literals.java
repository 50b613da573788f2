package io.accesspath.core.spec.internal;

import io.accesspath.core.spec.Attribute;
import io.accesspath.core.spec.LogicalType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks literal values (defaults, constant filters) against a logical type. */
final class Literals {
    private static final Pattern WHOLE = Pattern.compile("^-?[0-9]+$");
    private static final Pattern DECIMAL = Pattern.compile("^-?[0-9]+(\\.[0-9]+)?$");

    private Literals() {}

    /**
     * What is wrong with {@code value} as a value of {@code type}, as a hint, if anything. The
     * special values {@code now} (timestamps, dates) and {@code random} (uuids) are accepted.
     */
    static Optional<String> problem(String value, LogicalType type) {
        String name = type.specName();
        if (name.equals("integer") || name.equals("bigint")) {
            return WHOLE.matcher(value).matches() ? Optional.empty() : Optional.of("write a whole number");
        }
        if (name.equals("decimal") || name.equals("money")) {
            return DECIMAL.matcher(value).matches() ? Optional.empty() : Optional.of("write a number such as 9.99");
        }
        if (type instanceof LogicalType.Bool) {
            return value.equals("true") || value.equals("false") ? Optional.empty() : Optional.of("write true or false");
        }
        if (type instanceof LogicalType.Date) {
            return value.equals(Attribute.DEFAULT_NOW) || parses(() -> LocalDate.parse(value))
                    ? Optional.empty() : Optional.of("write now or a date such as 2024-01-31");
        }
        if (type instanceof LogicalType.Timestamp) {
            return value.equals(Attribute.DEFAULT_NOW) || isTimestamp(value)
                    ? Optional.empty() : Optional.of("write now or a timestamp such as 2024-01-31T12:00:00Z");
        }
        if (type instanceof LogicalType.Uuid) {
            return value.equals(Attribute.DEFAULT_RANDOM) || parses(() -> UUID.fromString(value))
                    ? Optional.empty() : Optional.of("write random or a UUID");
        }
        if (type instanceof LogicalType.Enum e) {
            return e.values().contains(value) ? Optional.empty() : Optional.of(Suggestions.oneOf(value, e.values()));
        }
        return Optional.empty();
    }

    /** An ISO date, or date and time with or without an offset; SQL's space between them is accepted. */
    private static boolean isTimestamp(String value) {
        String iso = value.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
        return parses(() -> OffsetDateTime.parse(iso)) || parses(() -> LocalDateTime.parse(iso))
                || parses(() -> LocalDate.parse(iso));
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }
}
