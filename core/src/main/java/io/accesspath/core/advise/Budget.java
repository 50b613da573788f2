package io.accesspath.core.advise;

/**
 * What the chosen configuration may spend: {@code storageBytes} of index size (existing indexes
 * that are kept count like new ones) and, optionally, {@code writeCost}: the sum of the chosen
 * candidates' {@link WhatIf.IndexCandidate#writeCost()} (index entries written per second);
 * {@link Double#POSITIVE_INFINITY} when there is no write budget.
 */
public record Budget(long storageBytes, double writeCost) {
    public static final long MB = 1024L * 1024L;

    public Budget {
        if (storageBytes < 0) {
            throw new IllegalArgumentException("the storage budget must be >= 0");
        }
        if (!(writeCost >= 0)) {
            throw new IllegalArgumentException("the write budget must be >= 0");
        }
    }

    /** A storage budget only. */
    public static Budget storage(long bytes) {
        return new Budget(bytes, Double.POSITIVE_INFINITY);
    }

    /** A storage budget in MB (1 MB = 1,048,576 bytes, as PostgreSQL's pg_size_pretty counts). */
    public static Budget megabytes(double mb) {
        return storage(Math.round(mb * MB));
    }

    public Budget withWriteCost(double write) {
        return new Budget(storageBytes, write);
    }

    public boolean hasWriteBudget() {
        return writeCost != Double.POSITIVE_INFINITY;
    }
}
