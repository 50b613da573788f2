package io.accesspath.core.schema;

import java.util.List;

/** A named enumerated type (PostgreSQL CREATE TYPE ... AS ENUM). */
public record EnumType(String name, List<String> values) {
    public EnumType {
        values = List.copyOf(values);
    }
}
