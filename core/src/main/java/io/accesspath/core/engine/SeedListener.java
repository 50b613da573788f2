package io.accesspath.core.engine;

import io.accesspath.core.seed.SeedPlan;
import io.accesspath.core.seed.TableSeed;

/**
 * Hears how a seed progresses (progress bars, MCP notifications). Called from several threads
 * when tables load in parallel; implementations synchronize as they need.
 */
public interface SeedListener {
    /** A listener that ignores everything. */
    SeedListener NONE = new SeedListener() {
    };

    /** The plan passed its checks; nothing is written yet. */
    default void planned(SeedPlan plan) {
    }

    /** A table starts. */
    default void tableStarted(TableSeed table) {
    }

    /** Rows and bytes of a table written so far. */
    default void progress(TableSeed table, long rows, long bytes) {
    }

    /** A table is done (loaded or written), or rolled back. */
    default void tableFinished(SeedReport.TableReport report) {
    }

    /** Something worth telling the user (a schema difference, a phase starting). */
    default void note(String message) {
    }
}
