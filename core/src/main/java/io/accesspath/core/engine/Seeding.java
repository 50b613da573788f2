package io.accesspath.core.engine;

import io.accesspath.core.design.Design;
import io.accesspath.core.dialect.Dialects;
import io.accesspath.core.engine.internal.ChunkPipeline;
import io.accesspath.core.engine.internal.FileWriting;
import io.accesspath.core.engine.internal.Loading;
import io.accesspath.core.engine.internal.Threads;
import io.accesspath.core.error.UserError;
import io.accesspath.core.seed.SeedOptions;
import io.accesspath.core.seed.SeedPlan;
import io.accesspath.core.seed.SeedSupport;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The seed operation, shared by the CLI and the MCP server: plans realistic data for a design at
 * the requested volume, then loads it into a database or writes it to files, reporting progress
 * to a listener.
 *
 * <pre>{@code
 * SeedReport r = Seeding.run(design, SeedOptions.defaults().withScale(0.01),
 *         new SeedTarget.Load(db, true, false, true), SeedListener.NONE);
 * }</pre>
 */
public final class Seeding {
    /** Chunks in flight per table, per generator thread. */
    private static final int WINDOW_PER_THREAD = 2;
    /** Tables loaded at the same time, at most. */
    private static final int MAX_PARALLEL_TABLES = 4;

    private Seeding() {
    }

    /**
     * Seeds.
     *
     * @throws UserError   ({@link UserError#INVALID_INPUT}) for an impossible request, before
     *                     anything is written; ({@link UserError#DATABASE}) when the database does
     *                     not match the design or holds rows; ({@link UserError#IO}) when a file
     *                     cannot be written
     * @throws SeedFailure when a table fails to load (its report says what was loaded)
     */
    public static SeedReport run(Design design, SeedOptions options, SeedTarget target, SeedListener listener) {
        return run(SeedPlan.of(design, options), target, listener);
    }

    /**
     * Seeds a plan made beforehand (to refuse impossible requests before starting a database).
     *
     * @throws UserError   ({@link UserError#DATABASE}) when the database does not match the design
     *                     or holds rows; ({@link UserError#IO}) when a file cannot be written
     * @throws SeedFailure when a table fails to load (its report says what was loaded)
     */
    public static SeedReport run(SeedPlan plan, SeedTarget target, SeedListener listener) {
        return run(plan, target, listener, new SeedCancel());
    }

    /**
     * Seeds a plan, stoppable from another thread through {@code cancel} (a shutdown hook): the
     * tables being loaded roll back and a {@link SeedFailure} says which tables were loaded.
     *
     * @throws UserError   ({@link UserError#DATABASE}) when the database does not match the design
     *                     or holds rows; ({@link UserError#IO}) when a file cannot be written
     * @throws SeedFailure when a table fails to load or the seed is cancelled
     */
    public static SeedReport run(SeedPlan plan, SeedTarget target, SeedListener listener, SeedCancel cancel) {
        long start = System.nanoTime();
        SeedOptions options = plan.options();
        listener.planned(plan);
        SeedSupport support = Dialects.byId(plan.design().dialect()).seeding();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), Threads.daemon("accesspath-seed"));
        try {
            ChunkPipeline pipeline = new ChunkPipeline(pool, WINDOW_PER_THREAD * options.threads());
            if (target instanceof SeedTarget.Load load) {
                Loading loading = new Loading(plan, load, support, pipeline, listener, cancel,
                        Math.min(MAX_PARALLEL_TABLES, Math.max(2, options.threads())));
                loading.run(() -> report(plan, target, load.database().target(), loading.tables(), start,
                        Optional.empty(), Optional.empty(), Optional.empty(), loading.differences(), List.of()));
                return report(plan, target, load.database().target(), loading.tables(), start, loading.indexes(),
                        loading.foreignKeys(), loading.analyze(), loading.differences(), List.of());
            }
            FileWriting files = new FileWriting(plan, pipeline, listener);
            if (target instanceof SeedTarget.SqlScript sql) {
                List<SeedReport.TableReport> tables = files.sql(sql.directory(), support);
                return report(plan, target, sql.directory().resolve(SeedTarget.SqlScript.FILE).toString(), tables,
                        start, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), files.files());
            }
            SeedTarget.CsvFiles csv = (SeedTarget.CsvFiles) target;
            List<SeedReport.TableReport> tables = files.csv(csv.directory());
            return report(plan, target, csv.directory().toString(), tables, start, Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(), files.files());
        } finally {
            pool.shutdownNow();
        }
    }

    private static SeedReport report(SeedPlan plan, SeedTarget target, String where, List<SeedReport.TableReport> tables,
                                     long start, Optional<SeedReport.Phase> indexes,
                                     Optional<SeedReport.Phase> foreignKeys, Optional<SeedReport.Phase> analyze,
                                     List<String> differences, List<String> files) {
        SeedOptions o = plan.options();
        return new SeedReport(plan.design().spec().name(), where, target.format(), o.seed(), o.scale(), o.now(), tables,
                (System.nanoTime() - start) / 1e9, indexes, foreignKeys, analyze, differences, files);
    }
}
