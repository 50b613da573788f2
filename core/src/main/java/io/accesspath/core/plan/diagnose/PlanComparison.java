package io.accesspath.core.plan.diagnose;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What changed between two plans of the same query and why it matters. Made by
 * {@link PlanDiff#compare}; rendered by {@link PlanReport}.
 *
 * @param before     the first plan's totals
 * @param after      the second plan's totals
 * @param verdict    faster, slower or the same within noise
 * @param basis      what the verdict compares: "execution time" when both plans were run, else
 *                   "estimated cost"
 * @param changes    node-level changes, those with the largest time difference first
 * @param resolved   diagnoses of the first plan that the second no longer has
 * @param introduced diagnoses of the second plan that the first did not have
 */
public record PlanComparison(Totals before, Totals after, Verdict verdict, String basis, List<Change> changes,
                             List<Diagnosis> resolved, List<Diagnosis> introduced) {

    public PlanComparison {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(basis, "basis");
        changes = List.copyOf(changes);
        resolved = List.copyOf(resolved);
        introduced = List.copyOf(introduced);
    }

    /** The overall outcome. */
    public enum Verdict {
        FASTER, SLOWER, SAME;

        /** "faster", "slower", "same". */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One plan's totals.
     *
     * @param executionMs "Execution Time" (or the root's time); empty without ANALYZE
     * @param planningMs  "Planning Time", when shown
     * @param totalCost   the root's estimated total cost
     * @param sharedHit   shared blocks found in the buffer cache, over the whole plan; empty without BUFFERS
     * @param sharedRead  shared blocks read from the OS or disk; empty without BUFFERS
     * @param tempBlocks  temporary-file blocks read and written; empty without BUFFERS
     */
    public record Totals(OptionalDouble executionMs, OptionalDouble planningMs, OptionalDouble totalCost,
                         OptionalDouble sharedHit, OptionalDouble sharedRead, OptionalDouble tempBlocks) {
        public Totals {
            Objects.requireNonNull(executionMs, "executionMs");
            Objects.requireNonNull(planningMs, "planningMs");
            Objects.requireNonNull(totalCost, "totalCost");
            Objects.requireNonNull(sharedHit, "sharedHit");
            Objects.requireNonNull(sharedRead, "sharedRead");
            Objects.requireNonNull(tempBlocks, "tempBlocks");
        }
    }

    /** What sort of node-level change. */
    public enum ChangeKind {
        /** A table is read another way (Seq Scan to Index Scan, another index). */
        ACCESS_METHOD,
        /** The same relations are joined by another method. */
        JOIN_METHOD,
        /** A table is read that was not before. */
        SCAN_ADDED,
        /** A table is no longer read. */
        SCAN_REMOVED,
        /** A sort appeared. */
        SORT_ADDED,
        /** A sort disappeared. */
        SORT_REMOVED,
        /** A node now spills to disk. */
        SPILL_ADDED,
        /** A node no longer spills to disk. */
        SPILL_REMOVED,
        /** A row estimate that was off by 10x or more no longer is. */
        ESTIMATE_FIXED,
        /** A row estimate is now off by 10x or more. */
        ESTIMATE_BROKEN;

        /** The kebab-case id: {@code access-method}, {@code sort-added}, ... */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One node-level change.
     *
     * @param kind        what changed
     * @param subject     what it is about: a table, the joined relations, a sort key
     * @param description the change in a sentence, with its time before and after
     * @param beforeNode  the node in the first plan, if it has one
     * @param afterNode   the node in the second plan, if it has one
     * @param beforeMs    that node's time (inclusive), when known
     * @param afterMs     that node's time (inclusive), when known
     */
    public record Change(ChangeKind kind, String subject, String description, Optional<NodeRef> beforeNode,
                         Optional<NodeRef> afterNode, OptionalDouble beforeMs, OptionalDouble afterMs) {
        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(beforeNode, "beforeNode");
            Objects.requireNonNull(afterNode, "afterNode");
            Objects.requireNonNull(beforeMs, "beforeMs");
            Objects.requireNonNull(afterMs, "afterMs");
        }
    }
}
