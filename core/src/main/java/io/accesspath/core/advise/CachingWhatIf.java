package io.accesspath.core.advise;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A cache in front of a {@link WhatIf}: each question is first restricted to the candidates
 * relevant to the query ({@link WhatIf#relevant}), and answered once per (query, relevant part of
 * the configuration). {@link #calls()} counts the questions passed on (cache misses).
 *
 * <p>The advisor's search works on candidate positions in {@link #candidates()}, which are sorted
 * by id so that ties everywhere are broken by id.
 */
public final class CachingWhatIf implements WhatIf {
    private final WhatIf inner;
    private final List<WorkloadQuery> queries;
    private final List<IndexCandidate> candidates;
    private final Map<String, Integer> queryPos = new HashMap<>();
    private final Map<String, Integer> indexPos = new HashMap<>();
    /** Per query: the positions of its relevant candidates, ascending. */
    private final int[][] relevantOf;
    /** Per candidate: the positions of the queries it is relevant to, ascending. */
    private final int[][] queriesOf;
    private final List<Map<Object, Double>> cache = new ArrayList<>();
    private long misses;
    private long lookups;

    public CachingWhatIf(WhatIf inner) {
        this.inner = inner;
        this.queries = List.copyOf(inner.queries());
        List<IndexCandidate> sorted = new ArrayList<>(inner.candidates());
        sorted.sort(java.util.Comparator.comparing(IndexCandidate::id));
        this.candidates = List.copyOf(sorted);
        for (int i = 0; i < queries.size(); i++) {
            if (queryPos.put(queries.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate query id " + queries.get(i).id());
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            if (indexPos.put(candidates.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate candidate id " + candidates.get(i).id());
            }
        }
        relevantOf = new int[queries.size()][];
        List<List<Integer>> byCandidate = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            byCandidate.add(new ArrayList<>());
        }
        for (int q = 0; q < queries.size(); q++) {
            TreeSet<Integer> rel = new TreeSet<>();
            for (String id : inner.relevant(queries.get(q).id())) {
                Integer i = indexPos.get(id);
                if (i != null) {
                    rel.add(i);
                }
            }
            relevantOf[q] = rel.stream().mapToInt(Integer::intValue).toArray();
            for (int i : relevantOf[q]) {
                byCandidate.get(i).add(q);
            }
            cache.add(new HashMap<>());
        }
        queriesOf = new int[candidates.size()][];
        for (int i = 0; i < candidates.size(); i++) {
            queriesOf[i] = byCandidate.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The wrapped what-if (for its own statistics). */
    public WhatIf inner() {
        return inner;
    }

    @Override
    public List<WorkloadQuery> queries() {
        return queries;
    }

    /** The candidates, sorted by id. */
    @Override
    public List<IndexCandidate> candidates() {
        return candidates;
    }

    @Override
    public double cost(String queryId, Set<String> configuration) {
        Integer q = queryPos.get(queryId);
        if (q == null) {
            throw new IllegalArgumentException("no query " + queryId);
        }
        BitSet config = new BitSet(candidates.size());
        for (String id : configuration) {
            Integer i = indexPos.get(id);
            if (i == null) {
                throw new IllegalArgumentException("no candidate " + id);
            }
            config.set(i);
        }
        return cost(q, config);
    }

    /** Questions passed on to the wrapped what-if (cache misses). */
    @Override
    public long calls() {
        return misses;
    }

    /** Questions asked of this cache, hits included. */
    public long lookups() {
        return lookups;
    }

    @Override
    public Set<String> relevant(String queryId) {
        Integer q = queryPos.get(queryId);
        if (q == null) {
            throw new IllegalArgumentException("no query " + queryId);
        }
        Set<String> ids = new TreeSet<>();
        for (int i : relevantOf[q]) {
            ids.add(candidates.get(i).id());
        }
        return ids;
    }

    int queryCount() {
        return queries.size();
    }

    int candidateCount() {
        return candidates.size();
    }

    int[] relevantOf(int q) {
        return relevantOf[q];
    }

    int[] queriesOf(int i) {
        return queriesOf[i];
    }

    /** The cost of query {@code q} when the candidates at the positions in {@code config} exist. */
    double cost(int q, BitSet config) {
        lookups++;
        int[] rel = relevantOf[q];
        Object key;
        if (rel.length <= 64) {
            long mask = 0;
            for (int k = 0; k < rel.length; k++) {
                if (config.get(rel[k])) {
                    mask |= 1L << k;
                }
            }
            key = mask;
        } else {
            BitSet mask = new BitSet(rel.length);
            for (int k = 0; k < rel.length; k++) {
                if (config.get(rel[k])) {
                    mask.set(k);
                }
            }
            key = mask;
        }
        Map<Object, Double> c = cache.get(q);
        Double hit = c.get(key);
        if (hit != null) {
            return hit;
        }
        Set<String> ids = new TreeSet<>();
        for (int i : rel) {
            if (config.get(i)) {
                ids.add(candidates.get(i).id());
            }
        }
        misses++;
        double cost = inner.cost(queries.get(q).id(), ids);
        c.put(key, cost);
        return cost;
    }
}
