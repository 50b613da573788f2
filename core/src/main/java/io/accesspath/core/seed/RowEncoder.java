package io.accesspath.core.seed;

/**
 * Turns rows of one table into the bytes of a bulk format (CSV, PostgreSQL COPY text or binary).
 * Encoders are stateless once built, so generator threads share one per table.
 */
public interface RowEncoder {
    /** Bytes that open the stream (a header); none by default. */
    default void begin(ByteSink out) {
    }

    /** Appends one row. */
    void encode(Row row, ByteSink out);

    /** Bytes that close the stream (a trailer); none by default. */
    default void end(ByteSink out) {
    }
}
