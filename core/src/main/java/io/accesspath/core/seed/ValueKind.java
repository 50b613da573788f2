package io.accesspath.core.seed;

/**
 * How a generated value is held in a {@link Row} and which wire form it takes. Each kind names
 * the {@link Row} accessors that hold it.
 */
public enum ValueKind {
    /** 16-bit integer: {@link Row#longValue(int)}. */
    INT2,
    /** 32-bit integer: {@link Row#longValue(int)}. */
    INT4,
    /** 64-bit integer: {@link Row#longValue(int)}. */
    INT8,
    /** Exact decimal: the unscaled value in {@link Row#longValue(int)}, the scale in {@link SeedColumn#scale()}. */
    NUMERIC,
    /** Double: {@link Row#x(int)}. */
    FLOAT8,
    /** Boolean: {@link Row#longValue(int)} is 1 or 0. */
    BOOL,
    /** Text: {@link Row#text(int)}. */
    TEXT,
    /** A JSON document as text: {@link Row#text(int)}. */
    JSON,
    /** A date: days since 1970-01-01 in {@link Row#longValue(int)}. */
    DATE,
    /** An instant: microseconds since 1970-01-01T00:00Z in {@link Row#longValue(int)}. */
    TIMESTAMPTZ,
    /** A UUID: the high 64 bits in {@link Row#longValue(int)}, the low 64 in {@link Row#secondLong(int)}. */
    UUID,
    /** A point: {@link Row#x(int)} (longitude) and {@link Row#y(int)} (latitude). */
    POINT,
    /**
     * An array of {@link SeedColumn#element()}: {@link Row#object(int)} is a {@code String[]} for
     * text elements or a {@code long[]} for integer elements.
     */
    ARRAY,
    /**
     * A range [lower, upper) of {@link SeedColumn#element()}: {@link Row#longValue(int)} and
     * {@link Row#secondLong(int)} hold the bounds in the element's long form.
     */
    RANGE
}
