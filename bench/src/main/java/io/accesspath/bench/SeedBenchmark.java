package io.accesspath.bench;

import io.accesspath.core.db.ApplyMode;
import io.accesspath.core.db.ConnectOptions;
import io.accesspath.core.db.Statement;
import io.accesspath.core.design.Design;
import io.accesspath.core.design.Designer;
import io.accesspath.core.engine.SeedListener;
import io.accesspath.core.engine.SeedReport;
import io.accesspath.core.engine.SeedTarget;
import io.accesspath.core.dialect.Dialects;
import io.accesspath.core.engine.internal.ChunkPipeline;
import io.accesspath.core.engine.internal.Loading;
import io.accesspath.core.engine.internal.Projections;
import io.accesspath.core.seed.SeedSupport;
import io.accesspath.core.engine.Seeding;
import io.accesspath.core.schema.Index;
import io.accesspath.core.seed.SeedOptions;
import io.accesspath.core.seed.SeedPlan;
import io.accesspath.core.seed.TableSeed;
import io.accesspath.core.spec.SpecReader;
import io.accesspath.postgres.PgDdl;
import io.accesspath.postgres.PgDialect;
import io.accesspath.postgres.PgIdentifiers;
import io.accesspath.postgres.PgUrlDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Loads a spec's seed (shop.yaml at 10 million rows and more) into a PostgreSQL server and
 * compares, in the same run and on the same schema (primary keys, unique and check constraints
 * enforced during the load; secondary indexes built and foreign keys added after the data in every
 * case, as the seed does in a schema it creates; COPY FREEZE into tables emptied in the same
 * transaction for both COPY loads):
 * <ol>
 *   <li>accesspath seed: generation and binary COPY, tables in parallel where foreign keys allow;</li>
 *   <li>the server's own COPY FROM of pre-generated CSV files of the same rows (server-side, so no
 *       client in the way), one table at a time and with the same parallel schedule;</li>
 *   <li>JDBC batched INSERT of the same rows (1,000 a batch), on a subset.</li>
 * </ol>
 * Prints the figures as Markdown. Run it with -Xmx512m: the peak heap of the seed is reported.
 *
 * <p>Arguments: {@code --spec FILE --url URL --scale F --threads N --insert-rows N --dir DIR
 * --rounds N [--seed-only]}.
 */
public final class SeedBenchmark {
    private final Design design;
    private final String adminUrl;
    private final Path dir;
    private final int threads;
    private final List<String> lines = new ArrayList<>();

    private SeedBenchmark(Design design, String adminUrl, Path dir, int threads) {
        this.design = design;
        this.adminUrl = adminUrl;
        this.dir = dir;
        this.threads = threads;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = arguments(args);
        Path spec = Path.of(a.getOrDefault("--spec", "examples/shop.yaml"));
        Design design = new Designer(PgDialect.INSTANCE.designDialect()).design(SpecReader.read(spec),
                OptionalInt.empty());
        int threads = Integer.parseInt(a.getOrDefault("--threads",
                Integer.toString(Runtime.getRuntime().availableProcessors())));
        SeedBenchmark b = new SeedBenchmark(design, a.getOrDefault("--url",
                "postgresql://postgres@127.0.0.1:5432/postgres"), Path.of(a.getOrDefault("--dir",
                "/tmp/accesspath-bench")), threads);
        b.run(Double.parseDouble(a.getOrDefault("--scale", "0.125")),
                Long.parseLong(a.getOrDefault("--insert-rows", "300000")), a.containsKey("--seed-only"),
                Integer.parseInt(a.getOrDefault("--rounds", "2")));
    }

    /** @param seedOnly stop after the seed (to profile it) */
    private void run(double scale, long insertRows, boolean seedOnly, int rounds) throws Exception {
        SeedOptions options = SeedOptions.defaults().withScale(scale).withThreads(threads);
        SeedPlan warmupPlan = SeedPlan.of(design, options.withScale(scale / 10));
        SeedPlan plan = SeedPlan.of(design, options);
        log("plan: " + plan.totalRows() + " rows in " + plan.tables().size() + " tables");

        Phase warmup = ours(warmupPlan, "warm-up (scale " + scale / 10 + ")");
        generateOnly(warmupPlan);
        Phase generation = generateOnly(plan);
        if (seedOnly) {
            ours(plan, "accesspath seed");
            return;
        }
        prepareCsv(plan);
        // Rounds side by side: teammates' builds share the two processors, so each method is
        // measured several times, interleaved, and compared at its best (its least disturbed run).
        List<Phase> measured = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            measured.add(ours(plan, "accesspath seed"));
            measured.add(serverCopy(plan, false));
            measured.add(serverCopy(plan, true));
        }
        measured.add(batchInsert(plan, insertRows, false, false));
        measured.add(batchInsert(plan, insertRows / 10, true, false));
        measured.add(batchInsert(plan, insertRows / 3, false, true));
        report(plan, scale, warmup, generation, measured);
    }

    // ---- accesspath seed ------------------------------------------------------------------------

    /**
     * A timed load: rows, seconds of the load itself, peak heap, the whole run, and the 1-minute
     * load average when it ended.
     */
    private record Phase(String name, long rows, double seconds, long peakHeap, double total, String load) {
        Phase(String name, long rows, double seconds, long peakHeap, double total) {
            this(name, rows, seconds, peakHeap, total, loadAverage().split(",")[0]);
        }

        double rate() {
            return rows / seconds;
        }
    }

    private Phase ours(SeedPlan plan, String name) throws Exception {
        try (Scratch db = scratch()) {
            long[] window = {Long.MAX_VALUE, 0};
            SeedListener timing = new SeedListener() {
                @Override
                public synchronized void tableStarted(TableSeed table) {
                    window[0] = Math.min(window[0], System.nanoTime());
                }

                @Override
                public synchronized void tableFinished(SeedReport.TableReport report) {
                    window[1] = Math.max(window[1], System.nanoTime());
                }

                @Override
                public void note(String message) {
                    log("  " + message);
                }
            };
            System.gc();
            resetPeaks();
            SeedReport r = Seeding.run(plan, new SeedTarget.Load(db.database, true, false, true), timing);
            long peak = heapPeak();
            double seconds = (window[1] - window[0]) / 1e9;
            log(String.format(Locale.ROOT, "%s: %,d rows loaded in %.1f s (%,.0f rows/s), whole run %.1f s, peak heap"
                    + " %d MB", name, r.rows(), seconds, r.rows() / seconds, r.seconds(), peak >> 20));
            for (SeedReport.TableReport t : r.tables()) {
                log(String.format(Locale.ROOT, "  %-18s %,11d rows %7.1f s %,10.0f rows/s", t.table(), t.rows(),
                        t.seconds(), t.rowsPerSecond()));
            }
            return new Phase(name, r.rows(), seconds, peak, r.seconds());
        }
    }

    /**
     * Generation and binary encoding alone, the bytes discarded: what the client can produce with
     * no database in the way (tables one after the other, chunks in parallel).
     */
    private Phase generateOnly(SeedPlan plan) throws Exception {
        SeedSupport support = Dialects.byId("postgresql").seeding();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            ChunkPipeline pipeline = new ChunkPipeline(pool, 2 * threads);
            long rows = 0;
            long t0 = System.nanoTime();
            for (TableSeed t : plan.tables()) {
                int[] projection = Projections.main(plan, t, Set.of());
                rows += pipeline.run(t, support.encoder(t, projection, support.binaryCapable(t, projection)),
                        (b, n, r) -> { });
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            log(String.format(Locale.ROOT, "generation only (binary COPY bytes discarded, %d threads): %,d rows in"
                    + " %.1f s (%,.0f rows/s)", threads, rows, seconds, rows / seconds));
            return new Phase("generation only", rows, seconds, 0, seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- the server's own COPY FROM ----------------------------------------------------------

    private void prepareCsv(SeedPlan plan) throws IOException {
        deleteTree(dir);
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        long t0 = System.nanoTime();
        Seeding.run(plan, new SeedTarget.CsvFiles(dir), SeedListener.NONE);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        log(String.format(Locale.ROOT, "CSV files written to %s in %.1f s (%d MB)", dir, (System.nanoTime() - t0) / 1e9,
                sizeOf(dir) >> 20));
    }

    private Phase serverCopy(SeedPlan plan, boolean parallel) throws Exception {
        String name = parallel ? "server COPY FROM file, tables in parallel" : "server COPY FROM file, one at a time";
        try (Scratch db = scratch()) {
            db.database.apply(ddl().now(), ApplyMode.COMMIT);
            long t0 = System.nanoTime();
            long rows = parallel ? copyInParallel(db, plan) : copyInOrder(db, plan);
            double seconds = (System.nanoTime() - t0) / 1e9;
            db.database.apply(ddl().later(), ApplyMode.COMMIT);
            try (Connection c = db.database.open(); java.sql.Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            double total = (System.nanoTime() - t0) / 1e9;
            log(String.format(Locale.ROOT, "%s: %,d rows in %.1f s (%,.0f rows/s), with indexes, foreign keys and"
                    + " ANALYZE %.1f s", name, rows, seconds, rows / seconds, total));
            return new Phase(name, rows, seconds, 0, total);
        }
    }

    private long copyInOrder(Scratch db, SeedPlan plan) throws SQLException, IOException {
        long rows = 0;
        for (TableSeed t : plan.tables()) {
            rows += copyTable(db, t);
        }
        return rows;
    }

    /**
     * The same schedule as the seed in a schema it created (foreign keys come after the data):
     * as many tables at a time as the seed loads, the largest first.
     */
    private long copyInParallel(Scratch db, SeedPlan plan) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, Math.max(2, threads)));
        try {
            List<Future<Long>> running = new ArrayList<>();
            for (TableSeed t : plan.tables().stream().sorted(Comparator.comparingLong(TableSeed::rows).reversed())
                    .toList()) {
                running.add(pool.submit(() -> copyTable(db, t)));
            }
            long rows = 0;
            for (Future<Long> f : running) {
                rows += f.get();
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private long copyTable(Scratch db, TableSeed t) throws SQLException, IOException {
        Path csv = dir.resolve(t.name() + ".csv");
        String header;
        try (Stream<String> first = Files.lines(csv, StandardCharsets.UTF_8)) {
            header = first.findFirst().orElseThrow();
        }
        // As the seed does for a table it created: emptied in the same transaction, rows written frozen.
        try (Connection c = db.database.open(); java.sql.Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL synchronous_commit = off");
            s.execute("TRUNCATE " + PgIdentifiers.quote(t.name()));
            long rows = s.executeUpdate("COPY " + PgIdentifiers.quote(t.name()) + " (" + header + ") FROM '" + csv
                    + "' WITH (FORMAT csv, HEADER true, FREEZE true)");
            c.commit();
            return rows;
        }
    }

    // ---- JDBC batched INSERT -----------------------------------------------------------------

    /**
     * @param fullSchema insert into the whole schema, as a hand-written seeder does (otherwise into
     *                   the schema the seed loads: no secondary indexes, no foreign keys yet)
     * @param autocommit leave JDBC's default on (each row its own transaction), or commit once per
     *                   table
     */
    private Phase batchInsert(SeedPlan plan, long limit, boolean autocommit, boolean fullSchema) throws Exception {
        String name = fullSchema ? "JDBC batched INSERT into the full schema (foreign keys and secondary indexes in"
                + " place), 1,000 rows a batch, one transaction per table, subset"
                : "JDBC batched INSERT, 1,000 rows a batch, " + (autocommit ? "autocommit (the JDBC default)"
                : "one transaction per table") + ", subset";
        try (Scratch db = scratch()) {
            db.database.apply(fullSchema ? PgDdl.render(design.schema()) : ddl().now(), ApplyMode.COMMIT);
            long rows = 0;
            long t0 = System.nanoTime();
            try (Connection c = db.database.open()) {
                c.setAutoCommit(autocommit);
                for (TableSeed t : plan.tables()) {
                    rows += BatchInsert.insert(c, t, limitFor(plan, t, limit));
                    if (!autocommit) {
                        c.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            log(String.format(Locale.ROOT, "%s: %,d rows in %.1f s (%,.0f rows/s)", name, rows, seconds, rows / seconds));
            return new Phase(name, rows, seconds, 0, seconds);
        }
    }

    /**
     * The rows of a table inserted in the subset: the first {@code limit} rows of each table, and
     * 90% of the lines of the first {@code limit} orders (lines are laid out order by order; the
     * margin keeps every line's order among those inserted).
     */
    private static long limitFor(SeedPlan plan, TableSeed t, long limit) {
        if (t.name().equals("order_line")) {
            TableSeed orders = plan.table("orders").orElseThrow();
            return Math.min(t.rows(), (long) (0.9 * limit * t.rows() / Math.max(1, orders.rows())));
        }
        return Math.min(t.rows(), limit);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** The schema as the seed applies it: secondary indexes and foreign keys after the data. */
    private Loading.Ddl ddl() {
        return Loading.Ddl.split(PgDdl.render(design.schema()), design.schema(), true);
    }

    private void report(SeedPlan plan, double scale, Phase warmup, Phase generation, List<Phase> measured) {
        Phase seed = best(measured, "accesspath seed");
        Phase best = best(measured, "server COPY");
        Phase insert = best(measured, "JDBC batched INSERT, 1,000 rows a batch, one transaction");
        Phase autocommit = best(measured, "JDBC batched INSERT, 1,000 rows a batch, autocommit");
        Phase full = best(measured, "JDBC batched INSERT into the full schema");
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%s at scale %s: %,d rows in %d tables.%n%n", design.spec().name(), scale,
                plan.totalRows(), plan.tables().size()));
        md.append("| load | rows | seconds | rows/s | best seed is | whole run s | load avg |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        List<Phase> all = new ArrayList<>();
        all.add(generation);
        all.addAll(measured);
        for (Phase p : all) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.2fx | %s | %s |%n", p.name(), p.rows(),
                    p.seconds(), p.rate(), seed.rate() / p.rate(),
                    p.total() > p.seconds() ? String.format(Locale.ROOT, "%.1f", p.total()) : "", p.load()));
        }
        md.append(String.format(Locale.ROOT, "%nBest seed / best server COPY (%s): %.0f%% (target >= 80%%); best seed /"
                + " best batched INSERT: %.1fx in one transaction per table, %.1fx with autocommit, %.1fx into the full"
                + " schema (target >= 10x).%n", best.name(), 100 * seed.rate() / best.rate(),
                seed.rate() / insert.rate(), seed.rate() / autocommit.rate(), seed.rate() / full.rate()));
        md.append(String.format(Locale.ROOT, "Peak heap during the seed (sum of the heap pools' peaks, the most of any"
                + " round, -Xmx%d MB): %d MB"
                + " at %,d rows, %d MB at %,d rows (warm-up).%n", Runtime.getRuntime().maxMemory() >> 20,
                measured.stream().filter(p -> p.name().startsWith("accesspath seed")).mapToLong(Phase::peakHeap).max()
                        .orElse(0) >> 20, seed.rows(), warmup.peakHeap() >> 20, warmup.rows()));
        md.append(String.format(Locale.ROOT, "Whole run: the load, then %d secondary indexes, %d foreign keys and"
                + " ANALYZE (the seed's also counts planning and creating the schema).%n",
                design.schema().allIndexes().stream().filter(i -> !i.unique()).count(),
                ddl().later().stream().filter(st -> st.kind().equals(Statement.FOREIGN_KEY)).count()));
        md.append(String.format(Locale.ROOT, "Load average (1, 5, 15 min) at the end: %s.%n", loadAverage()));
        md.append(String.format(Locale.ROOT, "Machine: %d processors (%s), %s RAM; %s; Java %s.%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memory(), serverVersion(),
                System.getProperty("java.version")));
        System.out.println();
        System.out.print(md);
    }

    private String serverVersion() {
        try (PgUrlDatabase db = PgUrlDatabase.connect(adminUrl, ConnectOptions.DEFAULT)) {
            return "PostgreSQL " + db.serverVersion().number();
        }
    }

    /** The fastest of the measured loads whose name starts with {@code prefix}. */
    private static Phase best(List<Phase> measured, String prefix) {
        return measured.stream().filter(p -> p.name().startsWith(prefix)).max(Comparator.comparingDouble(Phase::rate))
                .orElseThrow();
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal")).map(l -> Long.parseLong(l.replaceAll("\\D", "")) >> 20)
                    .map(gb -> gb + " GB").findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static long sizeOf(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            long total = 0;
            for (Path f : files.toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }

    private static void deleteTree(Path d) throws IOException {
        if (!Files.exists(d)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(d)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Scratch scratch() throws SQLException {
        String name = "accesspath_bench_" + Long.toHexString(System.nanoTime());
        try (PgUrlDatabase admin = PgUrlDatabase.connect(adminUrl, ConnectOptions.DEFAULT.withWrites());
             Connection c = admin.open(); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        return new Scratch(name, PgUrlDatabase.connect(url, ConnectOptions.DEFAULT.withWrites()
                .withStatementTimeout(Duration.ZERO)));
    }

    /** A database made for one phase, dropped afterwards. */
    private final class Scratch implements AutoCloseable {
        final String name;
        final PgUrlDatabase database;

        Scratch(String name, PgUrlDatabase database) {
            this.name = name;
            this.database = database;
        }

        @Override
        public void close() throws SQLException {
            try (PgUrlDatabase admin = PgUrlDatabase.connect(adminUrl, ConnectOptions.DEFAULT.withWrites());
                 Connection c = admin.open(); java.sql.Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** A progress line on stderr, after the time and the 1-minute load average. */
    private static void log(String line) {
        System.err.println("[" + java.time.LocalTime.now().withNano(0) + " load " + loadAverage().split(",")[0] + "] "
                + line);
    }

    private static Map<String, String> arguments(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seed-only")) {
                out.put(args[i], "true");
            } else if (i + 1 < args.length) {
                out.put(args[i], args[++i]);
            }
        }
        return out;
    }
}
