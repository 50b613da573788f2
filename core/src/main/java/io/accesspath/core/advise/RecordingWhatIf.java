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

    /**
     * Records a matrix independently of any search: each query's cost with every set of at most
     * {@code maxSetSize} of its relevant candidates. A matrix recorded this way makes a fairer
     * benchmark than one recorded from the advisor's own run (which holds exactly the questions
     * the advisor asked). The number of questions is the sum over queries of C(r, 0..k) for r
     * relevant candidates: 576 for r = 15 and k = 3.
     */
    public static CostMatrix exhaustive(WhatIf live, int maxSetSize) {
        RecordingWhatIf recording = new RecordingWhatIf(live);
        for (WorkloadQuery q : live.queries()) {
            List<String> relevant = new java.util.ArrayList<>(new java.util.TreeSet<>(live.relevant(q.id())));
            subsets(relevant, 0, maxSetSize, new java.util.ArrayList<>(), set -> recording.cost(q.id(), Set.copyOf(set)));
        }
        return recording.matrix();
    }

    private static void subsets(List<String> ids, int from, int left, List<String> current,
            java.util.function.Consumer<List<String>> visit) {
        visit.accept(current);
        if (left == 0) {
            return;
        }
        for (int i = from; i < ids.size(); i++) {
            current.add(ids.get(i));
            subsets(ids, i + 1, left - 1, current, visit);
            current.remove(current.size() - 1);
        }
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
