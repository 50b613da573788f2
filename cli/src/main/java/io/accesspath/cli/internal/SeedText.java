package io.accesspath.cli.internal;

import io.accesspath.core.engine.SeedReport;
import java.util.Locale;

/** The seed summary for people: one line per table, then the totals. */
public final class SeedText {
    private SeedText() {
    }

    public static String render(SeedReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.spec()).append(": ").append(verb(r)).append(' ').append(r.target()).append(" (seed ").append(r.seed())
                .append(", scale ").append(r.scale()).append(")\n");
        int width = r.tables().stream().mapToInt(t -> t.table().length()).max().orElse(8);
        for (SeedReport.TableReport t : r.tables()) {
            sb.append(String.format(Locale.ROOT, "  %-" + width + "s %,12d rows  %8.2f s  %,12.0f rows/s  %s%n",
                    t.table(), t.rows(), t.seconds(), t.rowsPerSecond(), mib(t.bytes())));
        }
        sb.append(String.format(Locale.ROOT, "  %-" + width + "s %,12d rows  %8.2f s  %,12.0f rows/s  %s%n", "total",
                r.rows(), r.seconds(), r.rowsPerSecond(), mib(r.bytes())));
        r.indexes().ifPresent(p -> sb.append(String.format(Locale.ROOT, "  %d secondary indexes built in %.2f s%n",
                p.count(), p.seconds())));
        r.foreignKeys().ifPresent(p -> sb.append(String.format(Locale.ROOT,
                "  %d foreign keys added and checked in %.2f s%n", p.count(), p.seconds())));
        r.analyze().ifPresent(p -> sb.append(String.format(Locale.ROOT, "  statistics refreshed in %.2f s%n",
                p.seconds())));
        for (String d : r.differences()) {
            sb.append("  differs: ").append(d).append('\n');
        }
        return sb.toString();
    }

    private static String verb(SeedReport r) {
        return r.format().equals("load") ? "loaded" : "wrote";
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
