package io.accesspath.cli.internal;

import io.accesspath.core.engine.SeedListener;
import io.accesspath.core.engine.SeedReport;
import io.accesspath.core.seed.SeedPlan;
import io.accesspath.core.seed.TableSeed;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A progress bar per table on a terminal (stderr): rows done out of planned, rows per second and
 * the time left, redrawn in place a few times a second. Notes print above the bars.
 */
public final class ProgressBars implements SeedListener, AutoCloseable {
    private static final int WIDTH = 24;
    private static final long REDRAW_MILLIS = 200;

    private final PrintStream err;
    private final Map<String, Bar> bars = new LinkedHashMap<>();
    private final Thread painter;
    private int drawn;

    public ProgressBars(PrintStream err) {
        this.err = err;
        this.painter = new Thread(this::paintLoop, "accesspath-progress");
        this.painter.setDaemon(true);
    }

    @Override
    public synchronized void planned(SeedPlan plan) {
        for (TableSeed t : plan.tables()) {
            bars.put(t.name(), new Bar(t.name(), t.rows()));
        }
        painter.start();
    }

    @Override
    public synchronized void tableStarted(TableSeed table) {
        bars.get(table.name()).started = System.nanoTime();
    }

    @Override
    public synchronized void progress(TableSeed table, long rows, long bytes) {
        bars.get(table.name()).rows = rows;
    }

    @Override
    public synchronized void tableFinished(SeedReport.TableReport report) {
        Bar b = bars.get(report.table());
        b.rows = report.rows();
        b.finished = report;
    }

    @Override
    public synchronized void note(String message) {
        clear();
        err.println(message);
        paint();
    }

    @Override
    public void close() {
        painter.interrupt();
        synchronized (this) {
            clear();
            paint();
            err.flush();
        }
    }

    private void paintLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(REDRAW_MILLIS);
                synchronized (this) {
                    clear();
                    paint();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Moves the cursor back over the bars drawn last. */
    private void clear() {
        if (drawn > 0) {
            err.print("\033[" + drawn + "F\033[J");
            drawn = 0;
        }
    }

    private void paint() {
        int nameWidth = bars.keySet().stream().mapToInt(String::length).max().orElse(8);
        for (Bar b : bars.values()) {
            err.println(b.line(nameWidth));
            drawn++;
        }
        err.flush();
    }

    /** One table's bar. */
    private static final class Bar {
        final String table;
        final long planned;
        long rows;
        long started;
        SeedReport.TableReport finished;

        Bar(String table, long planned) {
            this.table = table;
            this.planned = planned;
        }

        String line(int nameWidth) {
            double fraction = planned == 0 ? (finished != null ? 1 : 0) : Math.min(1, (double) rows / planned);
            int filled = (int) Math.round(fraction * WIDTH);
            String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
            double seconds = finished != null ? finished.seconds()
                    : started == 0 ? 0 : (System.nanoTime() - started) / 1e9;
            double rate = seconds > 0 ? rows / seconds : 0;
            String state;
            if (finished != null) {
                state = finished.status().label() + " in " + String.format(Locale.ROOT, "%.1f s", seconds);
            } else if (started == 0) {
                state = "waiting";
            } else {
                double left = rate > 0 ? (planned - rows) / rate : Double.NaN;
                state = "ETA " + (Double.isNaN(left) ? "?" : String.format(Locale.ROOT, "%.0f s", left));
            }
            return String.format(Locale.ROOT, "%-" + nameWidth + "s [%s] %,d/%,d rows  %,.0f rows/s  %s", table, bar,
                    rows, planned, rate, state);
        }
    }
}
