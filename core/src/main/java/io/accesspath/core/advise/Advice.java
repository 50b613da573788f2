package io.accesspath.core.advise;

import java.util.List;

/**
 * The advisor's answer for one workload and budget (docs/advisor.md, "Reading the output").
 *
 * @param chosen       the configuration to have: kept existing indexes (by id) then the new ones
 *                     in the order they pay off
 * @param create       the new indexes (not existing), in the order they pay off
 * @param drop         existing indexes not chosen: proposed for removal (see {@link #removals})
 * @param sizeBytes    total size of {@code chosen}
 * @param writeCost    total write cost of {@code chosen}
 * @param cost         the workload's cost with {@code chosen}: sum of weight x query cost
 * @param baselineCost the cost of the current database: every existing index, nothing new
 * @param noIndexCost  the cost with none of the candidates (existing ones hidden)
 * @param relativeCost cost / baselineCost (1 when the baseline costs nothing)
 * @param indexes      each chosen index with its individual and progressive benefit
 * @param removals     each existing index proposed for removal, with the reason
 * @param queries      each query's cost before (baseline) and after
 * @param whatIfCalls  what-if questions that reached the planner or the matrix (cache misses)
 * @param optimal      whether branch and bound proved {@code chosen} optimal for the budget
 * @param search       how the configuration was found
 */
public record Advice(List<String> chosen, List<String> create, List<String> drop, long sizeBytes, double writeCost,
        double cost, double baselineCost, double noIndexCost, double relativeCost, Budget budget,
        List<IndexBenefit> indexes, List<Removal> removals, List<QueryCost> queries, long whatIfCalls,
        boolean optimal, String search) {

    public Advice {
        chosen = List.copyOf(chosen);
        create = List.copyOf(create);
        drop = List.copyOf(drop);
        indexes = List.copyOf(indexes);
        removals = List.copyOf(removals);
        queries = List.copyOf(queries);
    }

    /** 1 - relativeCost: the share of the baseline cost the configuration saves. */
    public double saving() {
        return 1 - relativeCost;
    }

    /**
     * One chosen index. {@code individualBenefit}: the cost it saves alone, on top of the kept
     * existing indexes (for a kept existing index: what removing it alone would cost).
     * {@code progressiveBenefit}: what it saves when added after the ones before it in
     * {@link Advice#create()} (NaN for kept existing indexes); {@code costAfter} the workload's
     * cost once it is added (NaN for kept existing ones).
     */
    public record IndexBenefit(WhatIf.IndexCandidate index, double individualBenefit, double progressiveBenefit,
            double costAfter) {
        public String id() {
            return index.id();
        }
    }

    /** Why an existing index is proposed for removal. */
    public enum Reason {
        /** No query of the workload gets cheaper with it. */
        UNUSED,
        /** Its columns are the same as a chosen index's. */
        DUPLICATE,
        /** The chosen indexes already give every saving it would. */
        REDUNDANT,
        /** It helps, but less per byte (or per write) than what the budget holds instead. */
        BUDGET
    }

    /**
     * An existing index proposed for removal: {@code redundantWith} names the chosen index that
     * covers it (for DUPLICATE and REDUNDANT, null otherwise); {@code lostBenefit} is the cost it
     * would still save on top of the chosen configuration (0 unless BUDGET).
     */
    public record Removal(WhatIf.IndexCandidate index, Reason reason, String redundantWith, double lostBenefit) {
        public String id() {
            return index.id();
        }
    }

    /** One query's weighted share: cost per execution before (baseline) and after. */
    public record QueryCost(String id, double weight, double before, double after) {
    }
}
