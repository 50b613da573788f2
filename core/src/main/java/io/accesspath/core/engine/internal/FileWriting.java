package io.accesspath.core.engine.internal;

import io.accesspath.core.engine.SeedListener;
import io.accesspath.core.engine.SeedReport;
import io.accesspath.core.engine.SeedTarget;
import io.accesspath.core.error.UserError;
import io.accesspath.core.seed.CsvEncoder;
import io.accesspath.core.seed.DeferredReference;
import io.accesspath.core.seed.RowEncoder;
import io.accesspath.core.seed.SeedPlan;
import io.accesspath.core.seed.SeedSupport;
import io.accesspath.core.seed.TableSeed;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a plan's data to files: {@code seed.sql} (the dialect's bulk blocks in load order) or
 * one CSV per table with {@code load-order.txt}. Each file is written to a temporary sibling and
 * renamed into place, so none is ever left half-written.
 */
public final class FileWriting {
    private static final int BUFFER = 1 << 16;

    private final SeedPlan plan;
    private final ChunkPipeline pipeline;
    private final SeedListener listener;
    private final List<String> files = new ArrayList<>();

    public FileWriting(SeedPlan plan, ChunkPipeline pipeline, SeedListener listener) {
        this.plan = plan;
        this.pipeline = pipeline;
        this.listener = listener;
    }

    /** The files written, in order. */
    public List<String> files() {
        return List.copyOf(files);
    }

    /** Writes seed.sql into {@code dir}. */
    public List<SeedReport.TableReport> sql(Path dir, SeedSupport support) {
        SeedSupport.ScriptFormat script = support.script();
        Path file = dir.resolve(SeedTarget.SqlScript.FILE);
        List<SeedReport.TableReport> reports = new ArrayList<>();
        atomically(file, out -> {
            text(out, script.header(plan));
            for (TableSeed t : plan.tables()) {
                int[] projection = Projections.main(plan, t, List.of());
                text(out, script.beginTable(t, Projections.names(t, projection)));
                SeedReport.TableReport r = stream(t, support.encoder(t, projection, false), out);
                text(out, script.endTable(t, r.rows()));
                reports.add(r);
            }
            for (DeferredReference d : plan.deferred()) {
                TableSeed t = plan.table(d.table()).orElseThrow();
                text(out, script.beginDeferred(d, t));
                pipeline.run(t, support.encoder(t, Projections.deferred(t, d), false), (b, n, rows) -> out.write(b, 0, n));
                text(out, script.endDeferred(d, t));
            }
            text(out, script.footer(plan));
        });
        return reports;
    }

    /** Writes one CSV per table and load-order.txt into {@code dir}. */
    public List<SeedReport.TableReport> csv(Path dir) {
        List<SeedReport.TableReport> reports = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (TableSeed t : plan.tables()) {
            int[] projection = Projections.main(plan, t, List.of());
            String name = t.name() + ".csv";
            SeedReport.TableReport[] report = new SeedReport.TableReport[1];
            atomically(dir.resolve(name), out -> report[0] = stream(t, new CsvEncoder(t.columns(), projection), out));
            reports.add(report[0]);
            order.add(name);
        }
        for (DeferredReference d : plan.deferred()) {
            TableSeed t = plan.table(d.table()).orElseThrow();
            String name = d.table() + "." + d.constraint() + ".csv";
            atomically(dir.resolve(name), out -> pipeline.run(t, new CsvEncoder(t.columns(), Projections.deferred(t, d)),
                    (b, n, rows) -> out.write(b, 0, n)));
            order.add(name);
        }
        atomically(dir.resolve(SeedTarget.CsvFiles.LOAD_ORDER),
                out -> text(out, String.join("\n", order) + "\n"));
        return reports;
    }

    private SeedReport.TableReport stream(TableSeed t, RowEncoder encoder, OutputStream out) throws Exception {
        listener.tableStarted(t);
        long start = System.nanoTime();
        long[] totals = new long[2];
        long rows = pipeline.run(t, encoder, (bytes, length, chunkRows) -> {
            out.write(bytes, 0, length);
            totals[0] += chunkRows;
            totals[1] += length;
            listener.progress(t, totals[0], totals[1]);
        });
        SeedReport.TableReport r = new SeedReport.TableReport(t.name(), SeedReport.Status.WRITTEN, rows, totals[1],
                (System.nanoTime() - start) / 1e9);
        listener.tableFinished(r);
        return r;
    }

    private static void text(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @FunctionalInterface
    private interface Body {
        void write(OutputStream out) throws Exception;
    }

    private void atomically(Path target, Body body) {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), BUFFER)) {
                body.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            files.add(target.toString());
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw UserError.io("cannot write " + target + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        } catch (Exception e) {
            deleteQuietly(tmp);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("writing " + target + " failed", e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the original error is the one to report
        }
    }
}
