package io.accesspath.core.plan;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Figures derived for one plan node by {@link PlanMetrics}; empty where the plan lacks what
 * they need (no ANALYZE, TIMING OFF, no BUFFERS, a node that never ran).
 *
 * @param node             the node
 * @param inclusiveTime    ms spent in the node and below it over all loops, as wall-clock time
 *                         (divided among parallel processes)
 * @param exclusiveTime    ms spent in the node itself: {@code inclusiveTime} less what its
 *                         children, and the InitPlans/CTEs it evaluated, account for; never
 *                         negative
 * @param estimateFactor   how far the row estimate was off, at least 1: the larger of
 *                         actual/planned and planned/actual, with both sides counted over all
 *                         loops and taken as at least one row
 * @param underestimated   true when more rows came than were planned
 * @param rowsRemoved      rows read and thrown away over all loops, by Filter, Join Filter,
 *                         index recheck and conflict filter
 * @param removedShare     {@code rowsRemoved} over the rows the node read (removed plus
 *                         returned), from 0 to 1
 * @param exclusiveBuffers block counters of the node itself (the node's counters less those it
 *                         is charged for, as for time)
 * @param heapFetches      heap pages an Index Only Scan had to visit, over all loops
 */
public record NodeMetrics(PlanNode node, OptionalDouble inclusiveTime, OptionalDouble exclusiveTime,
                          OptionalDouble estimateFactor, boolean underestimated, OptionalDouble rowsRemoved,
                          OptionalDouble removedShare, Optional<Buffers> exclusiveBuffers, OptionalLong heapFetches) {
}
