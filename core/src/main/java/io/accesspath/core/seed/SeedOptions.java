package io.accesspath.core.seed;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What to generate: how much and from which seed.
 *
 * @param seed    every value derives from it: the same spec, seed, volume and reference instant
 *                give the same data, byte for byte, whatever the number of threads
 * @param scale   a fraction (or multiple) of the declared volume, greater than 0
 * @param rows    exact row counts for some entities (by entity name), overriding the scale;
 *                entities whose volume follows from a parent's fan-out follow these counts
 * @param now     the reference instant: timestamps spread over the history before it
 * @param threads generator threads, at least 1; the data does not depend on it
 */
public record SeedOptions(long seed, double scale, Map<String, Long> rows, Instant now, int threads) {
    /** The default seed. */
    public static final long DEFAULT_SEED = 42;
    /** The default reference instant, 2026-01-01T00:00:00Z, so output does not depend on the clock. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-01-01T00:00:00Z");

    public SeedOptions {
        rows = Map.copyOf(rows);
        Objects.requireNonNull(now, "now");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    /** Seed 42, the declared volume, the default reference instant, one thread per processor. */
    public static SeedOptions defaults() {
        return new SeedOptions(DEFAULT_SEED, 1.0, Map.of(), DEFAULT_NOW, Runtime.getRuntime().availableProcessors());
    }

    public SeedOptions withSeed(long newSeed) {
        return new SeedOptions(newSeed, scale, rows, now, threads);
    }

    public SeedOptions withScale(double newScale) {
        return new SeedOptions(seed, newScale, rows, now, threads);
    }

    public SeedOptions withRows(Map<String, Long> newRows) {
        return new SeedOptions(seed, scale, newRows, now, threads);
    }

    public SeedOptions withNow(Instant newNow) {
        return new SeedOptions(seed, scale, rows, newNow, threads);
    }

    public SeedOptions withThreads(int newThreads) {
        return new SeedOptions(seed, scale, rows, now, newThreads);
    }
}
