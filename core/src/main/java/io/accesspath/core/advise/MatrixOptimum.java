package io.accesspath.core.advise;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The exact optimum of a recorded {@link CostMatrix} under a budget, found by branch and bound
 * over its recorded costs rather than over candidate subsets: under the matrix's semantics every
 * query's cost is that of one recorded index set contained in the configuration, so an optimal
 * configuration is the union of one recorded set per query. Queries are decided in order of what
 * they can save; the bound gives each undecided query its cheapest recorded cost whose missing
 * indexes still fit. This is the benchmark's yardstick (it reads the matrix directly, so it is not
 * a what-if search); {@link Advisor#exact} is the search-side exact method.
 */
public final class MatrixOptimum {
    /** The optimal configuration and its cost; {@code complete} is false if the node limit was hit. */
    public record Result(Set<String> chosen, double cost, long sizeBytes, long nodes, boolean complete) {
    }

    private final int n;
    private final long[] size;
    private final double[] write;
    private final Budget budget;
    private final double[] weight;
    /** Per query (in search order): its undominated recorded sets and costs, cheapest first. */
    private final int[][][] sets;
    private final double[][] costs;
    private final double eps;
    private final long nodeLimit;
    private long nodes;
    private boolean complete = true;
    private double best;
    private BitSet bestSet;

    /** One query's options: index sets (candidate positions) and the query's cost with each. */
    record Options(double weight, List<int[]> sets, List<Double> costs) {
    }

    /**
     * Over per-query options: the cheapest choice of one option per query whose union fits the
     * budget (each query then costs at most its option's cost). Every query must have the empty
     * set among its options.
     */
    MatrixOptimum(List<Options> queries, long[] size, double[] write, Budget budget, long nodeLimit) {
        this.budget = budget;
        this.nodeLimit = nodeLimit;
        this.size = size;
        this.write = write;
        this.n = size.length;
        record Q(double weight, int[][] sets, double[] costs, double potential) {
        }
        List<Q> list = new ArrayList<>();
        double total = 0;
        for (Options q : queries) {
            List<Integer> idx = new ArrayList<>();
            for (int k = 0; k < q.sets().size(); k++) {
                idx.add(k);
            }
            idx.sort(Comparator.comparingDouble((Integer k) -> q.costs().get(k))
                    .thenComparingInt(k -> q.sets().get(k).length));
            List<int[]> keep = new ArrayList<>();
            List<Double> keepCost = new ArrayList<>();
            double empty = Double.POSITIVE_INFINITY;
            for (int k : idx) {
                int[] s = q.sets().get(k).clone();
                java.util.Arrays.sort(s);
                if (s.length == 0) {
                    empty = Math.min(empty, q.costs().get(k));
                }
                if (!fitsAlone(s)) {
                    continue;
                }
                boolean dominated = false;
                for (int[] kept : keep) {
                    if (contains(s, kept)) {
                        dominated = true;
                        break;
                    }
                }
                if (!dominated) {
                    keep.add(s);
                    keepCost.add(q.costs().get(k));
                }
            }
            if (empty == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("every query needs the empty set among its options");
            }
            double[] c = keepCost.stream().mapToDouble(Double::doubleValue).toArray();
            total += q.weight() * empty;
            list.add(new Q(q.weight(), keep.toArray(new int[0][]), c, q.weight() * (empty - c[0])));
        }
        list.sort(Comparator.comparingDouble((Q q) -> -q.potential()));
        weight = list.stream().mapToDouble(Q::weight).toArray();
        sets = list.stream().map(Q::sets).toArray(int[][][]::new);
        costs = list.stream().map(Q::costs).toArray(double[][]::new);
        eps = 1e-9 * Math.max(1, total);
    }

    /** The best union found, and whether the search finished. */
    BitSet run() {
        best = Double.POSITIVE_INFINITY;
        dfs(0, new BitSet(), 0, 0, 0);
        return bestSet;
    }

    boolean complete() {
        return complete;
    }

    long nodes() {
        return nodes;
    }

    /** Solves {@code matrix} for {@code budget}, giving up after {@code nodeLimit} nodes. */
    public static Result solve(CostMatrix matrix, Budget budget, long nodeLimit) {
        List<WhatIf.IndexCandidate> cands = matrix.candidates();
        long[] size = new long[cands.size()];
        double[] write = new double[cands.size()];
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < cands.size(); i++) {
            size[i] = cands.get(i).sizeBytes();
            write[i] = cands.get(i).writeCost();
            pos.put(cands.get(i).id(), i);
        }
        Map<String, Options> byQuery = new java.util.LinkedHashMap<>();
        for (WhatIf.WorkloadQuery q : matrix.queries()) {
            byQuery.put(q.id(), new Options(q.weight(), new ArrayList<>(), new ArrayList<>()));
        }
        for (CostMatrix.Recorded r : matrix.costs()) {
            Options o = byQuery.get(r.query());
            o.sets().add(r.indexes().stream().mapToInt(pos::get).toArray());
            o.costs().add(r.cost());
        }
        MatrixOptimum o = new MatrixOptimum(new ArrayList<>(byQuery.values()), size, write, budget, nodeLimit);
        BitSet found = o.run();
        Set<String> chosen = new TreeSet<>();
        long bytes = 0;
        for (int i = found.nextSetBit(0); i >= 0; i = found.nextSetBit(i + 1)) {
            chosen.add(cands.get(i).id());
            bytes += size[i];
        }
        double cost = 0;
        for (WhatIf.WorkloadQuery q : matrix.queries()) {
            cost += q.weight() * matrix.cost(q.id(), chosen);
        }
        return new Result(chosen, cost, bytes, o.nodes, o.complete);
    }

    private void dfs(int d, BitSet union, long used, double written, double partial) {
        if (++nodes > nodeLimit && bestSet != null) {
            complete = false;
            return;
        }
        if (d == weight.length) {
            if (partial < best - eps || bestSet == null) {
                best = partial;
                bestSet = (BitSet) union.clone();
            }
            return;
        }
        long room = budget.storageBytes() - used;
        double writeRoom = budget.writeCost() - written;
        double bound = partial;
        for (int j = d; j < weight.length; j++) {
            bound += weight[j] * cheapest(j, union, room, writeRoom);
        }
        if (bound >= best - eps) {
            return;
        }
        for (int e = 0; e < sets[d].length; e++) {
            if (!fits(sets[d][e], union, room, writeRoom)) {
                continue;
            }
            long extra = extraSize;
            double extraWrite = this.extraWrite;
            boolean free = contained;
            BitSet next = (BitSet) union.clone();
            for (int i : sets[d][e]) {
                next.set(i);
            }
            dfs(d + 1, next, used + extra, written + extraWrite, partial + weight[d] * costs[d][e]);
            if (!complete) {
                return;
            }
            if (free) {
                return;
            }
        }
    }

    private double cheapest(int q, BitSet union, long room, double writeRoom) {
        for (int e = 0; e < sets[q].length; e++) {
            if (fits(sets[q][e], union, room, writeRoom)) {
                return costs[q][e];
            }
        }
        throw new IllegalStateException("the empty set always fits");
    }

    private long extraSize;
    private double extraWrite;
    private boolean contained;

    /** Whether {@code set}'s indexes missing from {@code union} fit; sets extraSize, extraWrite, contained. */
    private boolean fits(int[] set, BitSet union, long room, double writeRoom) {
        extraSize = 0;
        extraWrite = 0;
        contained = true;
        for (int i : set) {
            if (!union.get(i)) {
                extraSize += size[i];
                extraWrite += write[i];
                contained = false;
            }
        }
        return extraSize <= room && extraWrite <= writeRoom + 1e-9;
    }

    private boolean fitsAlone(int[] s) {
        long b = 0;
        double w = 0;
        for (int i : s) {
            b += size[i];
            w += write[i];
        }
        return b <= budget.storageBytes() && w <= budget.writeCost() + 1e-9;
    }

    /** Whether sorted {@code big} contains every element of sorted {@code small}. */
    private static boolean contains(int[] big, int[] small) {
        int j = 0;
        for (int i = 0; i < big.length && j < small.length; i++) {
            if (big[i] == small[j]) {
                j++;
            }
        }
        return j == small.length;
    }
}
