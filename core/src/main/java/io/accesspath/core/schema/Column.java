package io.accesspath.core.schema;

import java.util.Optional;

/**
 * A column as the database holds it. {@code type} is the dialect's own canonical spelling
 * ({@code bigint}, {@code text}, {@code numeric(14,2)}, {@code timestamp with time zone}), so a
 * designed column and an introspected one compare equal.
 *
 * @param identity     {@code ALWAYS} or {@code BY DEFAULT} for identity columns
 * @param generated    the expression of a stored generated column
 */
public record Column(String name, String type, boolean nullable, Optional<String> defaultExpression,
                     Optional<Identity> identity, Optional<String> generated, Optional<String> comment) {

    public enum Identity { ALWAYS, BY_DEFAULT }

    public static Column of(String name, String type, boolean nullable) {
        return new Column(name, type, nullable, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Column withComment(String text) {
        return new Column(name, type, nullable, defaultExpression, identity, generated, Optional.of(text));
    }

    public Column withDefault(String expression) {
        return new Column(name, type, nullable, Optional.of(expression), identity, generated, comment);
    }

    public Column withType(String newType) {
        return new Column(name, newType, nullable, defaultExpression, identity, generated, comment);
    }
}
