package io.accesspath.core.advise;

import java.util.List;
import java.util.Set;

/**
 * Records every question asked of a (live) {@link WhatIf} and its answer, so that the run can be
 * replayed offline as a {@link CostMatrix} ({@code accesspath advise --record-matrix FILE.json}).
 * Put it under the cache ({@code new CachingWhatIf(new RecordingWhatIf(live))}) so that it
 * records the restricted configurations the planner was actually asked about.
 */
public final class RecordingWhatIf implements WhatIf {
    private final WhatIf inner;
    private final CostMatrix.Builder builder;

    public RecordingWhatIf(WhatIf inner) {
        this.inner = inner;
        this.builder = CostMatrix.builder(inner.queries(), inner.candidates());
    }

    @Override
    public List<WorkloadQuery> queries() {
        return inner.queries();
    }

    @Override
    public List<IndexCandidate> candidates() {
        return inner.candidates();
    }

    @Override
    public synchronized double cost(String queryId, Set<String> configuration) {
        double cost = inner.cost(queryId, configuration);
        builder.cost(queryId, configuration, cost);
        return cost;
    }

    @Override
    public long calls() {
        return inner.calls();
    }

    @Override
    public Set<String> relevant(String queryId) {
        return inner.relevant(queryId);
    }

    /**
     * The recorded matrix. Asks the cost of a query with no candidates if the run did not
     * (the format needs it). Replaying the same search on it gives the same answers, as long as
     * the planner's costs never rose when an index was added.
     */
    public synchronized CostMatrix matrix() {
        for (WorkloadQuery q : inner.queries()) {
            if (!builder.has(q.id(), Set.of())) {
                builder.cost(q.id(), Set.of(), inner.cost(q.id(), Set.of()));
            }
        }
        return builder.build();
    }
}
