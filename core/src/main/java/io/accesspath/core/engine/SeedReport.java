package io.accesspath.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a seed did.
 *
 * @param spec        the spec's name
 * @param target      where the data went: a database (URL without password, or the embedded
 *                    server) or a directory
 * @param format      {@code load}, {@code sql} or {@code csv}
 * @param now         the reference instant timestamps spread before
 * @param tables      per table, in load order
 * @param seconds     wall time of the whole seed (generation, loading, indexes, statistics)
 * @param indexes     deferred indexes built after loading, if any
 * @param foreignKeys foreign keys added (and checked by the database) after loading, if deferred
 * @param analyze     statistics refreshed after loading, if done
 * @param differences how the database's schema differs from the design (seeding a URL)
 * @param files       files written (sql and csv formats)
 */
public record SeedReport(String spec, String target, String format, long seed, double scale, Instant now,
                         List<TableReport> tables, double seconds, Optional<Phase> indexes,
                         Optional<Phase> foreignKeys, Optional<Phase> analyze,
                         List<String> differences, List<String> files) {
    public SeedReport {
        tables = List.copyOf(tables);
        differences = List.copyOf(differences);
        files = List.copyOf(files);
    }

    /** Rows written over all tables. */
    public long rows() {
        return tables.stream().mapToLong(TableReport::rows).sum();
    }

    /** Bytes of the bulk format over all tables. */
    public long bytes() {
        return tables.stream().mapToLong(TableReport::bytes).sum();
    }

    /** Rows per second over the whole seed. */
    public double rowsPerSecond() {
        return seconds > 0 ? rows() / seconds : 0;
    }

    /** What happened to a table. */
    public enum Status {
        /** Loaded and committed. */
        LOADED,
        /** Written to a file. */
        WRITTEN,
        /** Failed or interrupted: its transaction was rolled back, it holds what it held before. */
        ROLLED_BACK,
        /** Not started because another table failed. */
        NOT_STARTED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * One table.
     *
     * @param rows    rows written (0 unless loaded or written)
     * @param bytes   bytes of the bulk format sent or written
     * @param seconds from its first chunk to its commit
     */
    public record TableReport(String table, Status status, long rows, long bytes, double seconds) {
        public double rowsPerSecond() {
            return seconds > 0 ? rows / seconds : 0;
        }
    }

    /** A phase after loading: how many things it did and how long it took. */
    public record Phase(int count, double seconds) {}
}
