package io.accesspath.core.engine.internal;

import io.accesspath.core.db.ApplyMode;
import io.accesspath.core.db.Database;
import io.accesspath.core.db.Statement;
import io.accesspath.core.engine.SeedCancel;
import io.accesspath.core.engine.SeedFailure;
import io.accesspath.core.engine.SeedListener;
import io.accesspath.core.engine.SeedReport;
import io.accesspath.core.engine.SeedTarget;
import io.accesspath.core.error.Loc;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import io.accesspath.core.schema.Index;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.seed.DeferredReference;
import io.accesspath.core.seed.SeedLoader;
import io.accesspath.core.seed.SeedPlan;
import io.accesspath.core.seed.SeedSupport;
import io.accesspath.core.seed.TableSeed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Loads a plan into a database: the schema first when the database is fresh (secondary indexes
 * optionally after the data), otherwise a comparison with the design and a check that the tables
 * are empty; then every table in its own transaction, tables in parallel as far as foreign keys
 * allow (in a fresh schema foreign keys are added after the data, so any table may load beside
 * any other); then deferred references, deferred indexes and foreign keys, and statistics. When a table fails, its
 * transaction is rolled back, no further table starts, and the error says which tables were
 * loaded.
 */
public final class Loading {
    private final SeedPlan plan;
    private final SeedTarget.Load target;
    private final SeedSupport support;
    private final ChunkPipeline pipeline;
    private final SeedListener listener;
    private final SeedCancel cancel;
    private final int parallelTables;
    private final Map<String, SeedReport.TableReport> reports = new LinkedHashMap<>();
    private final List<String> differences = new ArrayList<>();
    private Map<String, Set<String>> leftOut = Map.of();
    private Set<String> textOnly = Set.of();
    private Optional<SeedReport.Phase> indexes = Optional.empty();
    private Optional<SeedReport.Phase> foreignKeys = Optional.empty();
    private Optional<SeedReport.Phase> analyze = Optional.empty();

    public Loading(SeedPlan plan, SeedTarget.Load target, SeedSupport support, ChunkPipeline pipeline,
                   SeedListener listener, SeedCancel cancel, int parallelTables) {
        this.plan = plan;
        this.target = target;
        this.support = support;
        this.pipeline = pipeline;
        this.listener = listener;
        this.cancel = cancel;
        this.parallelTables = Math.max(1, parallelTables);
        for (TableSeed t : plan.tables()) {
            reports.put(t.name(), new SeedReport.TableReport(t.name(), SeedReport.Status.NOT_STARTED, 0, 0, 0));
        }
    }

    /** Tables in load order, with what happened to each. */
    public List<SeedReport.TableReport> tables() {
        return List.copyOf(reports.values());
    }

    public List<String> differences() {
        return List.copyOf(differences);
    }

    public Optional<SeedReport.Phase> indexes() {
        return indexes;
    }

    public Optional<SeedReport.Phase> foreignKeys() {
        return foreignKeys;
    }

    public Optional<SeedReport.Phase> analyze() {
        return analyze;
    }

    /**
     * Loads everything.
     *
     * @param failed builds the report of a failed load (what was loaded up to the failure)
     * @throws UserError  when the database does not match the design or holds rows already
     * @throws SeedFailure when a table fails to load
     */
    public void run(Supplier<SeedReport> failed) {
        Database db = target.database();
        List<Statement> later = target.createSchema() ? createSchema(db) : List.of();
        try (SeedLoader loader = support.loader(db)) {
            if (!target.createSchema()) {
                checkSchema(loader);
            }
            List<String> names = plan.tables().stream().map(TableSeed::name).toList();
            List<String> nonEmpty = loader.nonEmpty(names);
            if (!nonEmpty.isEmpty()) {
                if (!target.truncate()) {
                    throw new UserError(List.of(Problem.of(Loc.NONE, "refusing to seed " + db.target() + ": table"
                            + (nonEmpty.size() == 1 ? " " : "s ") + String.join(", ", nonEmpty)
                            + (nonEmpty.size() == 1 ? " already holds" : " already hold") + " rows",
                            "seed an empty schema, or add --truncate to empty the seeded tables first (their rows"
                                    + " are deleted)")), UserError.DATABASE);
                }
                listener.note("emptying " + names.size() + " tables (--truncate)");
                loader.truncate(names);
            }
            loadTables(loader, failed);
            for (DeferredReference d : plan.deferred()) {
                stopIfCancelled(failed, "setting deferred references");
                loadDeferred(loader, d, failed);
            }
            List<Statement> laterIndexes = later.stream().filter(s -> s.kind().equals(Statement.INDEX)).toList();
            List<Statement> laterKeys = later.stream().filter(s -> s.kind().equals(Statement.FOREIGN_KEY)).toList();
            if (!laterIndexes.isEmpty()) {
                stopIfCancelled(failed, "building the secondary indexes");
                listener.note("building " + laterIndexes.size() + " secondary indexes");
                long t0 = System.nanoTime();
                loader.run(laterIndexes);
                indexes = Optional.of(new SeedReport.Phase(laterIndexes.size(), (System.nanoTime() - t0) / 1e9));
            }
            if (!laterKeys.isEmpty()) {
                stopIfCancelled(failed, "adding the foreign keys");
                listener.note("adding " + laterKeys.size() + " foreign keys (the database checks every row)");
                long t0 = System.nanoTime();
                loader.run(laterKeys);
                foreignKeys = Optional.of(new SeedReport.Phase(laterKeys.size(), (System.nanoTime() - t0) / 1e9));
            }
            stopIfCancelled(failed, "refreshing statistics");
            listener.note("refreshing statistics (ANALYZE)");
            long t0 = System.nanoTime();
            loader.analyze(names);
            analyze = Optional.of(new SeedReport.Phase(names.size(), (System.nanoTime() - t0) / 1e9));
        }
    }

    /**
     * Applies the schema; returns what is deferred until after the data: secondary indexes (built
     * in bulk) and foreign keys (each checked by the database in one pass over the table, instead
     * of a trigger per row), as pg_restore does. Primary keys, unique constraints and checks stay
     * in force during the load.
     */
    private List<Statement> createSchema(Database db) {
        Ddl ddl = Ddl.split(db.dialect().renderDdl(plan.design().schema()), plan.design().schema(),
                target.deferIndexes());
        long keys = ddl.later().stream().filter(s -> s.kind().equals(Statement.FOREIGN_KEY)).count();
        listener.note("creating the schema (" + ddl.now().size() + " statements" + (ddl.later().isEmpty() ? ""
                : "; " + (ddl.later().size() - keys) + " secondary indexes and " + keys + " foreign keys after the data")
                + ")");
        db.apply(ddl.now(), ApplyMode.COMMIT);
        return ddl.later();
    }

    /**
     * A schema's DDL in two parts: what is applied before the data, and what is deferred until
     * after it (secondary indexes and foreign keys, when deferring).
     */
    public record Ddl(List<Statement> now, List<Statement> later) {
        public static Ddl split(List<Statement> ddl, Schema schema, boolean defer) {
            Set<String> secondary = new HashSet<>();
            if (defer) {
                for (Index i : schema.allIndexes()) {
                    if (!i.unique()) {
                        secondary.add(i.name());
                    }
                }
            }
            List<Statement> now = new ArrayList<>();
            List<Statement> later = new ArrayList<>();
            for (Statement s : ddl) {
                boolean deferred = s.kind().equals(Statement.INDEX) && secondary.contains(s.subject())
                        || defer && s.kind().equals(Statement.FOREIGN_KEY);
                (deferred ? later : now).add(s);
            }
            return new Ddl(List.copyOf(now), List.copyOf(later));
        }
    }

    private void checkSchema(SeedLoader loader) {
        LiveSchemaCheck check = new LiveSchemaCheck(plan, loader.liveSchema(), support);
        differences.addAll(check.differences);
        check.differences.stream().filter(d -> !check.blocking.contains(d)).forEach(listener::note);
        if (!check.blocking.isEmpty()) {
            List<Problem> problems = new ArrayList<>();
            for (String line : check.blocking) {
                problems.add(Problem.of(Loc.NONE, line));
            }
            problems.add(Problem.of(Loc.NONE, "refusing to seed " + target.database().target() + ": its schema does"
                    + " not match the design (" + check.blocking.size() + " blocking difference"
                    + (check.blocking.size() == 1 ? "" : "s") + ")", "migrate the database to the design first"));
            throw new UserError(problems, UserError.DATABASE);
        }
        leftOut = check.missing;
        textOnly = check.textOnly;
    }

    private void loadTables(SeedLoader loader, Supplier<SeedReport> failed) {
        ExecutorService drivers = Executors.newFixedThreadPool(parallelTables, Threads.daemon("accesspath-load"));
        CompletionService<Outcome> done = new ExecutorCompletionService<>(drivers);
        Set<String> started = new HashSet<>();
        Set<String> loaded = new HashSet<>();
        int running = 0;
        Outcome failure = null;
        // Without foreign keys during the load (a fresh schema) any order is valid: the largest
        // tables start first, so the smaller ones fill in beside them. Otherwise a table starts once
        // the tables it references are loaded.
        List<TableSeed> order = new ArrayList<>(plan.tables());
        if (fresh()) {
            order.sort(Comparator.comparingLong(TableSeed::rows).reversed());
        }
        try {
            while (true) {
                if (failure == null && !cancel.cancelled()) {
                    for (TableSeed t : order) {
                        if (running < parallelTables && !started.contains(t.name())
                                && (fresh() || loaded.containsAll(t.dependsOn()))) {
                            started.add(t.name());
                            running++;
                            done.submit(() -> load(loader, t));
                        }
                    }
                }
                if (running == 0) {
                    break;
                }
                Outcome o = take(done);
                running--;
                reports.put(o.report.table(), o.report);
                if (o.error == null) {
                    loaded.add(o.report.table());
                } else if (failure == null) {
                    failure = o;
                }
            }
        } finally {
            drivers.shutdownNow();
        }
        if (failure != null) {
            throw failure(failure, failed.get());
        }
        stopIfCancelled(failed, "loading the tables");
    }

    /** Ends an interrupted seed between phases: every table is loaded, what follows is not done. */
    private void stopIfCancelled(Supplier<SeedReport> failed, String next) {
        if (cancel.cancelled()) {
            throw new SeedFailure(List.of(Problem.of(Loc.NONE, "interrupted before " + next + "; every table"
                    + " was loaded: " + String.join(", ", reports.keySet()))), UserError.DATABASE, failed.get(), null);
        }
    }

    private void loadDeferred(SeedLoader loader, DeferredReference d, Supplier<SeedReport> failed) {
        TableSeed t = plan.table(d.table()).orElseThrow();
        listener.note("setting " + d.table() + "." + String.join(", ", d.columns()) + " now that " + d.after()
                + " is loaded");
        int[] projection = Projections.deferred(t, d);
        boolean binary = support.binaryCapable(t, projection);
        try (SeedLoader.TableLoad load = loader.beginDeferred(d, t, binary)) {
            pipeline.run(t, support.encoder(t, projection, binary), (b, n, rows) -> load.write(b, 0, n));
            load.commit();
        } catch (Exception e) {
            throw failure(new Outcome(reports.get(d.table()), e), failed.get());
        }
    }

    private Outcome load(SeedLoader loader, TableSeed t) {
        int[] projection = Projections.main(plan, t, leftOut.getOrDefault(t.name(), Set.of()));
        boolean binary = !textOnly.contains(t.name()) && support.binaryCapable(t, projection);
        listener.tableStarted(t);
        long start = System.nanoTime();
        long[] sent = new long[2];
        try (SeedLoader.TableLoad load = loader.begin(t, Projections.names(t, projection), binary,
                fresh())) {
            Runnable unregister = cancel.onCancel(load::cancel);
            try {
                pipeline.run(t, support.encoder(t, projection, binary), (b, n, rows) -> {
                    load.write(b, 0, n);
                    sent[0] += rows;
                    sent[1] += n;
                    listener.progress(t, sent[0], sent[1]);
                });
                long rows = load.commit();
                SeedReport.TableReport r = new SeedReport.TableReport(t.name(), SeedReport.Status.LOADED, rows,
                        sent[1], (System.nanoTime() - start) / 1e9);
                listener.tableFinished(r);
                return new Outcome(r, null);
            } finally {
                unregister.run();
            }
        } catch (Exception | Error e) {
            SeedReport.TableReport r = new SeedReport.TableReport(t.name(), SeedReport.Status.ROLLED_BACK, 0, sent[1],
                    (System.nanoTime() - start) / 1e9);
            listener.tableFinished(r);
            return new Outcome(r, e);
        }
    }

    /**
     * Whether tables may be emptied and frozen in their load's transaction (COPY FREEZE): only in a
     * schema this seed created, while no foreign key points at them.
     */
    private boolean fresh() {
        return target.createSchema() && target.deferIndexes();
    }

    private static Outcome take(CompletionService<Outcome> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a table load failed outside its own handler", e.getCause());
        }
    }

    private SeedFailure failure(Outcome o, SeedReport report) {
        Throwable e = o.error;
        List<Problem> problems = new ArrayList<>();
        boolean interrupted = cancel.cancelled();
        if (interrupted) {
            problems.add(Problem.of(Loc.NONE, "interrupted while loading " + target.database().target()));
        } else if (e instanceof UserError ue) {
            problems.addAll(ue.problems());
        } else {
            problems.add(Problem.of(Loc.NONE, "loading table " + o.report.table() + " failed: " + e));
        }
        List<String> loadedTables = new ArrayList<>();
        List<String> rolledBack = new ArrayList<>();
        List<String> notStarted = new ArrayList<>();
        for (SeedReport.TableReport r : reports.values()) {
            switch (r.status()) {
                case LOADED -> loadedTables.add(r.table());
                case ROLLED_BACK -> rolledBack.add(r.table());
                case NOT_STARTED -> notStarted.add(r.table());
                default -> { }
            }
        }
        String undone = rolledBack.isEmpty() ? "the change to table " + o.report.table() + " was rolled back"
                : (rolledBack.size() == 1 ? "table " + rolledBack.get(0) + " was rolled back and holds"
                : "tables " + String.join(", ", rolledBack) + " were rolled back and hold") + " no seeded rows";
        problems.add(Problem.of(Loc.NONE, undone + "; loaded: "
                + (loadedTables.isEmpty() ? "none" : String.join(", ", loadedTables))
                + (notStarted.isEmpty() ? "" : "; not loaded: " + String.join(", ", notStarted))));
        int code = !interrupted && e instanceof UserError ue ? ue.exitCode() : UserError.DATABASE;
        return new SeedFailure(problems, code, report, e);
    }

    /** A table's load: its report, and the error that stopped it, if any. */
    private record Outcome(SeedReport.TableReport report, Throwable error) {}
}
