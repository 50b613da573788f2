package io.accesspath.cli.internal;

import io.accesspath.core.engine.SeedListener;
import io.accesspath.core.engine.SeedReport;
import io.accesspath.core.seed.SeedPlan;
import io.accesspath.core.seed.TableSeed;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Follows a seed for the user: notes and finished tables on stderr (when no progress bars show
 * them), and which tables are done, so an interrupted load can say what it loaded.
 */
public final class SeedLog implements SeedListener {
    private final PrintStream err;
    private final boolean verbose;
    private final Map<String, String> state = new LinkedHashMap<>();

    /** @param verbose print notes and finished tables (off when progress bars show them) */
    public SeedLog(PrintStream err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public synchronized void planned(SeedPlan plan) {
        for (TableSeed t : plan.tables()) {
            state.put(t.name(), "not started");
        }
    }

    @Override
    public synchronized void tableStarted(TableSeed table) {
        state.put(table.name(), "in progress");
    }

    @Override
    public synchronized void tableFinished(SeedReport.TableReport r) {
        state.put(r.table(), r.status().label());
        if (verbose) {
            err.println(String.format(Locale.ROOT, "%s %s: %,d rows in %.2f s (%,.0f rows/s)", r.status().label(),
                    r.table(), r.rows(), r.seconds(), r.rowsPerSecond()));
        }
    }

    @Override
    public synchronized void note(String message) {
        if (verbose) {
            err.println(message);
        }
    }

    /** One line for an interrupted seed: what was loaded, what was rolled back. */
    public synchronized String interrupted() {
        List<String> done = new ArrayList<>();
        List<String> undone = new ArrayList<>();
        state.forEach((table, s) -> (s.equals("loaded") || s.equals("written") ? done : undone).add(table));
        return "interrupted: loaded " + (done.isEmpty() ? "no table" : String.join(", ", done))
                + (undone.isEmpty() ? "" : "; rolled back or not started: " + String.join(", ", undone)
                + " (a table's transaction ends with its connection, leaving it as it was)");
    }
}
