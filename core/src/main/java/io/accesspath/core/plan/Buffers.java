package io.accesspath.core.plan;

import java.util.Optional;

/**
 * Block counters of one node or of planning, as EXPLAIN (BUFFERS) reports them. A node's
 * counters include those of its children.
 */
public record Buffers(long sharedHit, long sharedRead, long sharedDirtied, long sharedWritten,
                      long localHit, long localRead, long localDirtied, long localWritten,
                      long tempRead, long tempWritten) {

    public static final Buffers ZERO = new Buffers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The counters in {@code fields}, or empty when it holds none of them. */
    public static Optional<Buffers> from(Fields fields) {
        if (!fields.has("Shared Hit Blocks") && !fields.has("Shared Read Blocks") && !fields.has("Temp Read Blocks")
                && !fields.has("Temp Written Blocks") && !fields.has("Local Hit Blocks")) {
            return Optional.empty();
        }
        return Optional.of(new Buffers(
                count(fields, "Shared Hit Blocks"), count(fields, "Shared Read Blocks"),
                count(fields, "Shared Dirtied Blocks"), count(fields, "Shared Written Blocks"),
                count(fields, "Local Hit Blocks"), count(fields, "Local Read Blocks"),
                count(fields, "Local Dirtied Blocks"), count(fields, "Local Written Blocks"),
                count(fields, "Temp Read Blocks"), count(fields, "Temp Written Blocks")));
    }

    private static long count(Fields fields, String key) {
        return fields.integer(key).orElse(0);
    }

    /** Shared blocks found in or read into shared buffers. */
    public long sharedTotal() {
        return sharedHit + sharedRead;
    }

    /** Blocks read from or written to temporary files (spills). */
    public long tempTotal() {
        return tempRead + tempWritten;
    }
}
