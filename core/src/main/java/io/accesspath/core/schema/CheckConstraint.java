package io.accesspath.core.schema;

/** A CHECK constraint; {@code expression} is SQL in the dialect, without the CHECK keyword. */
public record CheckConstraint(String name, String expression) {}
