package io.accesspath.core.verify;

import java.util.List;

/**
 * Measured write cost on one table.
 *
 * @param table       the table
 * @param kind        {@code insert} or {@code update}
 * @param updated     for updates, the columns changed
 * @param rows        rows written per measurement
 * @param msPerRow    with every index present
 * @param heapOnlyMs  with no secondary index (the table, its key and its constraints)
 * @param hotShare    for updates, the share that stayed HOT (no index entries written)
 * @param perIndex    each secondary index's share of the write cost, measured by dropping it
 */
public record WriteMeasurement(String table, String kind, List<String> updated, int rows, double msPerRow,
                               double heapOnlyMs, double hotShare, List<IndexCost> perIndex) {
    public WriteMeasurement {
        updated = List.copyOf(updated);
        perIndex = List.copyOf(perIndex);
    }

    /** Rows written per second with every index present. */
    public double rowsPerSecond() {
        return msPerRow <= 0 ? 0 : 1000 / msPerRow;
    }

    /** One index's measured cost: milliseconds per row written that dropping it saves. */
    public record IndexCost(String index, double msPerRow, double share) {}
}
