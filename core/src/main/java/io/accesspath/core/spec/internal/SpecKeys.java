package io.accesspath.core.spec.internal;

import java.util.List;
import java.util.Map;

/**
 * The keys the reader accepts in each kind of mapping. Unknown keys are errors; the JSON Schema
 * lists exactly these (a test holds both to it).
 */
final class SpecKeys {
    public static final List<String> SPEC = List.of("name", "description", "settings", "entities", "relationships",
            "access_patterns", "write_patterns");
    public static final List<String> SETTINGS = List.of("pg_version", "key", "tenant", "enum_style");
    public static final List<String> ENTITY = List.of("description", "table", "key", "volume", "append_only",
            "soft_delete", "attributes", "unique", "no_overlap");
    public static final List<String> VOLUME = List.of("rows", "growth", "retention", "time_attribute");
    public static final List<String> ATTRIBUTE = List.of("type", "required", "unique", "default", "check",
            "description", "generate", "max_length", "precision", "scale", "values", "weights", "of", "language");
    public static final List<String> CHECK = List.of("min", "max", "min_length", "pattern");
    public static final List<String> GENERATE = List.of("distribution", "mean", "stddev", "min", "max", "faker",
            "null_ratio", "after", "sum_of", "distinct");
    public static final List<String> RELATIONSHIP = List.of("from", "to", "kind", "as", "inverse", "required",
            "owned", "children", "through", "attributes", "max_depth", "on_delete");
    public static final List<String> CHILDREN = List.of("avg", "max", "skew");
    public static final List<String> ACCESS_PATTERN = List.of("name", "description", "entity", "where", "order_by",
            "page", "fetch", "project", "aggregates", "group_by", "frequency", "latency_p95_ms", "stale_ok", "sql");
    public static final List<String> FILTER = List.of("attribute", "op", "value", "selectivity");
    public static final List<String> PAGE = List.of("size", "style");
    public static final List<String> WRITE_PATTERN = List.of("entity", "inserts", "updates", "deletes");
    public static final List<String> UPDATE = List.of("rate", "attributes");

    /** Keys that only some attribute types take, and those types. */
    public static final Map<String, List<String>> TYPE_SPECIFIC = Map.of(
            "max_length", List.of("identifier", "text", "searchable_text"),
            "precision", List.of("decimal", "money"),
            "scale", List.of("decimal", "money"),
            "values", List.of("enum"),
            "weights", List.of("enum"),
            "of", List.of("array", "range"),
            "language", List.of("searchable_text"));

    private SpecKeys() {}
}
