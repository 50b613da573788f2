package io.accesspath.core.query.internal;

import io.accesspath.core.query.Parameter;
import io.accesspath.core.query.ParameterRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parameters of one query, named uniquely in order of first use. */
final class Params {
    private final Map<String, Parameter> byName = new LinkedHashMap<>();

    /**
     * Registers a parameter bound to a column and returns its unique name ({@code base}, or
     * {@code base_2}, {@code base_3} when taken).
     */
    String add(String base, ParameterRole role, String table, String column, String sqlType,
               Optional<String> logicalType) {
        return put(base, role, Optional.of(table), Optional.of(column), sqlType, logicalType, Optional.empty());
    }

    /** Registers a parameter bound to no column (limit, offset) with its default value. */
    String addUnbound(String base, ParameterRole role, String sqlType, String defaultValue) {
        return put(base, role, Optional.empty(), Optional.empty(), sqlType, Optional.empty(), Optional.of(defaultValue));
    }

    private String put(String base, ParameterRole role, Optional<String> table, Optional<String> column, String sqlType,
                       Optional<String> logicalType, Optional<String> defaultValue) {
        String name = base;
        for (int n = 2; byName.containsKey(name); n++) {
            name = base + "_" + n;
        }
        byName.put(name, new Parameter(name, role, table, column, sqlType, logicalType, defaultValue));
        return name;
    }

    List<Parameter> all() {
        return new ArrayList<>(byName.values());
    }
}
