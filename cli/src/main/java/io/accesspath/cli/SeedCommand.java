package io.accesspath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accesspath.cli.internal.ProgressBars;
import io.accesspath.cli.internal.SeedLog;
import io.accesspath.cli.internal.SeedText;
import io.accesspath.core.db.ConnectOptions;
import io.accesspath.core.db.Database;
import io.accesspath.core.design.Design;
import io.accesspath.core.design.Designer;
import io.accesspath.core.dialect.Dialect;
import io.accesspath.core.dialect.Dialects;
import io.accesspath.core.engine.SeedCancel;
import io.accesspath.core.engine.SeedFailure;
import io.accesspath.core.engine.SeedListener;
import io.accesspath.core.engine.SeedReport;
import io.accesspath.core.engine.SeedTarget;
import io.accesspath.core.engine.Seeding;
import io.accesspath.core.error.Loc;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import io.accesspath.core.render.DesignJson;
import io.accesspath.core.render.SeedReportJson;
import io.accesspath.core.seed.SeedOptions;
import io.accesspath.core.seed.SeedPlan;
import io.accesspath.core.seed.TableSeed;
import io.accesspath.core.spec.Spec;
import io.accesspath.core.spec.SpecReader;
import io.accesspath.core.spec.internal.Quantities;
import io.accesspath.postgres.PgEmbeddedDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accesspath seed SPEC}: fills the designed schema with realistic data at the declared
 * volume (or a fraction of it): into an embedded PostgreSQL, into a database named by a URL, or
 * into seed.sql or CSV files.
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Fills the designed schema with realistic data at the declared volume (or --scale of it):",
                "skewed foreign keys, weighted enums, timestamps that grow over time, consistent sums.",
                "Without --url it loads a throwaway embedded PostgreSQL; with --url a database that already holds",
                "the schema (checked against the design). --format sql|csv writes files instead.",
                "The same spec, seed and volume give the same data, byte for byte, whatever --threads."})
public final class SeedCommand implements Callable<Integer> {
    /** How long a shutdown hook waits for the loads in progress to roll back and be reported. */
    private static final long HOOK_WAIT_SECONDS = 10;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The requirements spec (YAML or JSON).")
    Path spec;

    @Option(names = "--url", paramLabel = "URL",
            description = "Load this database (it must hold the designed schema; its tables must be empty unless"
                    + " --truncate). Writes are allowed for this command only.")
    String url;

    @Option(names = "--scale", paramLabel = "F", defaultValue = "1",
            description = "A fraction (or multiple) of the declared volume, greater than 0 (default 1).")
    double scale;

    @Option(names = "--rows", paramLabel = "ENTITY=N", mapFallbackValue = "",
            description = "Exact rows of an entity (repeatable, N may use k, M, B); entities whose volume follows"
                    + " from it follow.")
    Map<String, String> rows = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "The random seed (default 42).")
    long seed;

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "The reference instant timestamps spread before (default 2026-01-01T00:00:00Z).")
    String now;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "load",
            description = "load (into a database, the default), sql (seed.sql for psql) or csv (one file per table).")
    Format format;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "The directory for --format sql or csv.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Generator threads (default: one per processor).")
    Integer threads;

    @Option(names = "--keep", description = "Keep the embedded PostgreSQL running after loading, print how to"
            + " connect, and wait for Ctrl-C.")
    boolean keep;

    @Option(names = "--defer-indexes", negatable = true, description = "Build secondary indexes and add foreign keys"
            + " after loading (the default for the embedded database; with --url the schema is left as it is).")
    Boolean deferIndexes;

    @Option(names = "--truncate", description = "With --url: empty the seeded tables first (their rows are deleted).")
    boolean truncate;

    @Option(names = "--pg-version", paramLabel = "N", description = "Target PostgreSQL major version (14..18).")
    Integer pgVersion;

    @Option(names = "--json", description = "Print the JSON summary even on a terminal (it is the default"
            + " elsewhere).")
    boolean json;

    @Mixin
    Common common;

    enum Format { load, sql, csv }

    @Override
    public Integer call() {
        checkFlags();
        Spec s = SpecReader.read(spec);
        Dialect dialect = url != null ? Dialects.forUrl(url) : Dialects.byId("postgresql");
        Design design = new Designer(dialect.designDialect())
                .design(s, pgVersion == null ? OptionalInt.empty() : OptionalInt.of(pgVersion));
        SeedPlan plan = SeedPlan.of(design, options());
        boolean terminal = System.console() != null;
        SeedLog log = new SeedLog(System.err, !terminal);
        SeedReport report;
        if (format != Format.load) {
            SeedTarget target = format == Format.sql ? new SeedTarget.SqlScript(out) : new SeedTarget.CsvFiles(out);
            report = seed(plan, target, log, terminal);
            print(report, terminal, null);
            return 0;
        }
        if (url != null) {
            try (Database db = dialect.connect(url, ConnectOptions.DEFAULT.withWrites()
                    .withStatementTimeout(Duration.ZERO))) {
                report = seed(plan, new SeedTarget.Load(db, false, truncate, false), log, terminal);
                print(report, terminal, null);
            }
            return 0;
        }
        System.err.println("starting an embedded PostgreSQL...");
        try (Database db = dialect.startEmbedded()) {
            report = seed(plan, new SeedTarget.Load(db, true, false, deferIndexes == null || deferIndexes), log,
                    terminal);
            print(report, terminal, keep ? db : null);
            if (keep) {
                waitForInterrupt();
            }
        }
        return 0;
    }

    private void checkFlags() {
        if (format != Format.load && out == null) {
            throw UserError.invalid(Loc.NONE, "--format " + format + " needs --out DIR",
                    "name the directory to write " + (format == Format.sql ? "seed.sql" : "the CSV files") + " into");
        }
        if (format != Format.load && (url != null || keep || truncate)) {
            throw UserError.invalid("--url, --keep and --truncate apply to --format load only");
        }
        if (format == Format.load && out != null) {
            throw UserError.invalid("--out applies to --format sql or csv; --format load loads a database");
        }
        if (url != null && keep) {
            throw UserError.invalid("--keep applies to the embedded PostgreSQL, not to --url");
        }
        if (url != null && Boolean.TRUE.equals(deferIndexes)) {
            throw UserError.invalid(Loc.NONE, "--defer-indexes applies to the embedded"
                    + " PostgreSQL", "with --url the database's indexes stay as they are (accesspath never drops"
                    + " objects in your database)");
        }
        if (url == null && truncate) {
            throw UserError.invalid("--truncate applies to --url (the embedded database starts empty)");
        }
        if (threads != null && threads < 1) {
            throw UserError.invalid("--threads must be at least 1, got " + threads);
        }
    }

    private SeedOptions options() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : rows.entrySet()) {
            OptionalLong n = Quantities.count(e.getValue());
            if (n.isEmpty()) {
                throw UserError.invalid(Loc.NONE, "--rows " + e.getKey() + "=" + e.getValue()
                        + " is not a row count", Quantities.COUNT_HELP);
            }
            counts.put(e.getKey(), n.getAsLong());
        }
        Instant reference = SeedOptions.DEFAULT_NOW;
        if (now != null) {
            try {
                reference = Instant.parse(now);
            } catch (DateTimeParseException e) {
                throw UserError.invalid(Loc.NONE, "--now " + now + " is not an instant",
                        "write it like 2026-01-01T00:00:00Z");
            }
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new SeedOptions(seed, scale, counts, reference, n);
    }

    /**
     * Seeds, with a shutdown hook for Ctrl-C and SIGTERM: it cancels the loads in progress (their
     * transactions roll back, no table starts), waits until the seed has said which tables were
     * loaded, then lets the JVM exit.
     */
    private SeedReport seed(SeedPlan plan, SeedTarget target, SeedLog log, boolean terminal) {
        SeedCancel cancel = new SeedCancel();
        CountDownLatch ended = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                if (!ended.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    System.err.println(log.interrupted());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "accesspath-seed-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (!terminal || json) {
                return Seeding.run(plan, target, both(log, SeedListener.NONE), cancel);
            }
            try (ProgressBars bars = new ProgressBars(System.err)) {
                return Seeding.run(plan, target, both(log, bars), cancel);
            }
        } catch (SeedFailure f) {
            if (cancel.cancelled()) {
                // The JVM is exiting: say here what was loaded, since the usual error path runs too late.
                for (Problem p : f.problems()) {
                    System.err.println(p.render());
                }
                System.err.flush();
                ended.countDown();
                waitForExit();
            }
            throw f;
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
    }

    /** Blocks this thread while the JVM shuts down (it halts once the shutdown hooks end). */
    private static void waitForExit() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // keep waiting: the JVM is exiting
            }
        }
    }

    private void print(SeedReport report, boolean terminal, Database kept) {
        if (terminal && !json) {
            System.out.print(SeedText.render(report));
            if (kept != null) {
                for (String line : connectLines(kept)) {
                    System.out.println(line);
                }
            }
            return;
        }
        ObjectNode root = SeedReportJson.tree(report);
        if (kept != null) {
            ObjectNode connect = root.putObject("connect");
            List<String> lines = connectLines(kept);
            connect.put("psql", lines.get(0).substring("psql ".length()));
            connect.put("jdbc", lines.get(1));
        }
        System.out.print(DesignJson.pretty(root));
        System.out.flush();
    }

    private static List<String> connectLines(Database db) {
        int port = ((PgEmbeddedDatabase) db).port();
        return List.of("psql postgresql://postgres@localhost:" + port + "/postgres",
                "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres");
    }

    private static void waitForInterrupt() {
        System.err.println("the embedded PostgreSQL keeps running; press Ctrl-C to stop it (its files are deleted)");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SeedListener both(SeedListener a, SeedListener b) {
        return new SeedListener() {
            @Override
            public void planned(SeedPlan plan) {
                a.planned(plan);
                b.planned(plan);
            }

            @Override
            public void tableStarted(TableSeed table) {
                a.tableStarted(table);
                b.tableStarted(table);
            }

            @Override
            public void progress(TableSeed table, long rowsDone, long bytes) {
                a.progress(table, rowsDone, bytes);
                b.progress(table, rowsDone, bytes);
            }

            @Override
            public void tableFinished(SeedReport.TableReport report) {
                a.tableFinished(report);
                b.tableFinished(report);
            }

            @Override
            public void note(String message) {
                a.note(message);
                b.note(message);
            }
        };
    }
}
