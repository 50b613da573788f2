package io.accesspath.core.design;

import java.util.List;
import java.util.Optional;

/**
 * The plan the design expects for one access pattern: which index answers it, how, and
 * whether a sort is avoided. The queries command prints it; verify compares it with EXPLAIN.
 *
 * @param pattern      the access pattern's name
 * @param table        the table the pattern reads first
 * @param index        the index expected to answer it (empty: a sequential scan is expected,
 *                     e.g. a tiny table)
 * @param access       {@code Index Scan}, {@code Index Only Scan}, {@code Bitmap Heap Scan} or
 *                     {@code Seq Scan}
 * @param sortAvoided  whether the index order gives the pattern's ORDER BY
 * @param seekColumns  the index columns used as index conditions
 * @param residual     conditions the index cannot seek on (evaluated as filters)
 * @param joins        for each fetched relation, the table and index the join is expected to use
 * @param estimatedRows rows the pattern is expected to touch at the declared volume
 */
public record PatternAccess(String pattern, String table, Optional<String> index, String access, boolean sortAvoided,
                            List<String> seekColumns, List<String> residual, List<JoinAccess> joins,
                            double estimatedRows) {
    public PatternAccess {
        seekColumns = List.copyOf(seekColumns);
        residual = List.copyOf(residual);
        joins = List.copyOf(joins);
    }

    /** How a fetched relation is expected to be read. */
    public record JoinAccess(String relation, String table, Optional<String> index) {}
}
