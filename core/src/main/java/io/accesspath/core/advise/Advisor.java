package io.accesspath.core.advise;

import io.accesspath.core.advise.Space.State;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The index advisor's search over whole configurations (docs/advisor.md). It runs over any
 * {@link WhatIf} (a live planner or a recorded {@link CostMatrix}) through a
 * {@link CachingWhatIf}, so each (query, relevant indexes) question is asked once.
 *
 * <ol>
 *   <li>Greedy benefit-per-byte from several seeds: the empty configuration (also greedy by
 *       absolute benefit), each single candidate, and the pairs of candidates that are worth more
 *       together than apart for some query (complementary indexes, which plain greedy misses).</li>
 *   <li>Local search from the best few results: add, drop, swap one for one, and add a
 *       complementary pair, until no move improves the cost within the budgets.</li>
 *   <li>Branch and bound, when the candidates are few enough, starting from that result: it
 *       either proves it optimal or finds the optimum. Its bound (each query at its cost with
 *       every candidate that still fits) is admissible because adding an index never makes the
 *       planner's best plan dearer.</li>
 * </ol>
 * Ties are broken by write cost, then size, then id, so the output is deterministic.
 */
public final class Advisor {
    /**
     * Tuning. {@code exactCandidates}: run branch and bound when at most this many candidates are
     * usable; {@code exactNodes}: give it up after this many nodes (the result then says it is not
     * proven optimal); {@code pairSeeds}: how many complementary pairs seed the greedy;
     * {@code localStarts}: how many of the best greedy results the local search starts from.
     */
    public record Options(int exactCandidates, long exactNodes, int pairSeeds, int localStarts) {
        public static final Options DEFAULT = new Options(40, 200_000, 64, 3);

        /** Heuristics only, no branch and bound (to measure them alone). */
        public Options heuristicOnly() {
            return new Options(0, 0, pairSeeds, localStarts);
        }
    }

    private final Space sp;
    private final Options options;
    private final List<int[]> pairs = new ArrayList<>();
    private boolean optimal;
    private String how = "";

    private Advisor(WhatIf whatIf, Budget budget, Options options) {
        CachingWhatIf cache = whatIf instanceof CachingWhatIf c ? c : new CachingWhatIf(whatIf);
        this.sp = new Space(cache, budget);
        this.options = options;
    }

    /** The advisor's recommendation for {@code budget}. */
    public static Advice advise(WhatIf whatIf, Budget budget) {
        return advise(whatIf, budget, Options.DEFAULT);
    }

    public static Advice advise(WhatIf whatIf, Budget budget, Options options) {
        Advisor a = new Advisor(whatIf, budget, options);
        State best = a.search();
        return Explanation.of(a.sp, best.set, a.optimal, a.how);
    }

    /** Plain greedy benefit-per-byte from nothing: the baseline the advisor must beat. */
    public static Advice greedy(WhatIf whatIf, Budget budget) {
        Advisor a = new Advisor(whatIf, budget, Options.DEFAULT);
        State s = a.greedy(a.sp.empty(), true);
        return Explanation.of(a.sp, s.set, false, "greedy benefit per byte");
    }

    /**
     * Branch and bound alone, from nothing (no incumbent), up to {@code nodeLimit} nodes:
     * {@link Advice#optimal()} says whether it finished.
     */
    public static Advice exact(WhatIf whatIf, Budget budget, long nodeLimit) {
        Advisor a = new Advisor(whatIf, budget, new Options(Integer.MAX_VALUE, nodeLimit, 0, 0));
        State s = a.branchAndBound(null, nodeLimit);
        return Explanation.of(a.sp, s.set, a.optimal, "branch and bound");
    }

    private State search() {
        List<State> results = new ArrayList<>();
        State fromEmpty = greedy(sp.empty(), true);
        results.add(fromEmpty);
        results.add(greedy(sp.empty(), false));
        int firstPick = fromEmpty.set.nextSetBit(0) < 0 ? -1 : firstPick();
        for (int i = 0; i < sp.n; i++) {
            if (i != firstPick && sp.usable(i)) {
                State seed = sp.empty();
                seed.add(i);
                results.add(greedy(seed, true));
            }
        }
        findPairs();
        for (int[] p : pairs) {
            State seed = sp.empty();
            seed.add(p[0]);
            if (seed.fits(p[1])) {
                seed.add(p[1]);
                results.add(greedy(seed, true));
            }
        }
        List<State> distinct = new ArrayList<>();
        results.sort((x, y) -> x.betterThan(y) ? -1 : y.betterThan(x) ? 1 : 0);
        Set<BitSet> seen = new LinkedHashSet<>();
        for (State s : results) {
            if (seen.add(s.set) && distinct.size() < Math.max(1, options.localStarts())) {
                distinct.add(s);
            }
        }
        State best = null;
        for (State s : distinct) {
            State l = localSearch(s.copy());
            if (l.betterThan(best)) {
                best = l;
            }
        }
        best = trim(best);
        how = "greedy from " + results.size() + " seeds + local search";
        long usable = java.util.stream.IntStream.range(0, sp.n).filter(sp::usable).count();
        if (usable <= options.exactCandidates() && options.exactNodes() > 0) {
            State exact = branchAndBound(best, options.exactNodes());
            if (exact.betterThan(best)) {
                best = trim(exact);
                how += " + branch and bound (improved)";
            } else {
                how += optimal ? " + branch and bound (proved optimal)" : " + branch and bound (gave up)";
            }
        }
        return best;
    }

    /** The candidate plain greedy picks first from nothing. */
    private int firstPick() {
        State e = sp.empty();
        return pick(e, true);
    }

    /** Adds the best candidate per byte (or absolute) while one saves anything and fits. */
    State greedy(State s, boolean perByte) {
        while (true) {
            int best = pick(s, perByte);
            if (best < 0) {
                return s;
            }
            s.add(best);
        }
    }

    private int pick(State s, boolean perByte) {
        int best = -1;
        double bestScore = 0;
        for (int i = 0; i < sp.n; i++) {
            if (s.has(i) || !sp.usable(i) || !s.fits(i)) {
                continue;
            }
            double gain = -s.deltaAdd(i);
            if (gain <= sp.eps) {
                continue;
            }
            double score = perByte ? gain / Math.max(1, sp.size[i]) : gain;
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /**
     * Pairs of candidates relevant to one query that save it more together than the sum of what
     * each saves alone, best pair saving per byte first.
     */
    private void findPairs() {
        BitSet none = new BitSet();
        BitSet one = new BitSet();
        List<int[]> found = new ArrayList<>();
        Set<Long> seen = new java.util.HashSet<>();
        for (int q = 0; q < sp.m; q++) {
            int[] rel = sp.whatIf.relevantOf(q);
            double c0 = sp.whatIf.cost(q, none);
            double[] single = new double[rel.length];
            for (int k = 0; k < rel.length; k++) {
                one.clear();
                one.set(rel[k]);
                single[k] = sp.whatIf.cost(q, one);
            }
            for (int a = 0; a < rel.length; a++) {
                if (!sp.usable(rel[a])) {
                    continue;
                }
                for (int b = a + 1; b < rel.length; b++) {
                    if (!sp.usable(rel[b]) || sp.size[rel[a]] + sp.size[rel[b]] > sp.budget.storageBytes()
                            || sp.write[rel[a]] + sp.write[rel[b]] > sp.budget.writeCost() + 1e-9) {
                        continue;
                    }
                    one.clear();
                    one.set(rel[a]);
                    one.set(rel[b]);
                    double together = c0 - sp.whatIf.cost(q, one);
                    double apart = (c0 - single[a]) + (c0 - single[b]);
                    if (sp.weight[q] * (together - apart) > sp.eps && seen.add((long) rel[a] * sp.n + rel[b])) {
                        found.add(new int[] {rel[a], rel[b]});
                    }
                }
            }
        }
        State e = sp.empty();
        double[] score = new double[found.size()];
        for (int k = 0; k < found.size(); k++) {
            int[] p = found.get(k);
            State s = e.copy();
            s.add(p[0]);
            s.add(p[1]);
            score[k] = (e.total - s.total) / Math.max(1, sp.size[p[0]] + sp.size[p[1]]);
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingDouble((Integer k) -> -score[k]).thenComparing(k -> found.get(k)[0])
                .thenComparing(k -> found.get(k)[1]));
        for (int k = 0; k < order.size() && k < options.pairSeeds(); k++) {
            pairs.add(found.get(order.get(k)));
        }
    }

    /** Best-improvement local search: add, drop, swap, add a pair, drop one and add a pair. */
    private State localSearch(State s) {
        while (true) {
            State next = bestNeighbour(s);
            if (next == null) {
                s.settle();
                return s;
            }
            s = next;
        }
    }

    private State bestNeighbour(State s) {
        State best = null;
        for (int i = 0; i < sp.n; i++) {
            if (!s.has(i) && sp.usable(i) && s.fits(i)) {
                best = better(best, s, -1, i, -1);
            }
        }
        List<Integer> in = new ArrayList<>();
        for (int i = s.set.nextSetBit(0); i >= 0; i = s.set.nextSetBit(i + 1)) {
            in.add(i);
        }
        for (int out : in) {
            best = better(best, s, out, -1, -1);
            State without = s.copy();
            without.remove(out);
            for (int j = 0; j < sp.n; j++) {
                if (j != out && !without.has(j) && sp.usable(j) && without.fits(j)) {
                    best = better(best, without, -1, j, -1, s);
                }
            }
            for (int[] p : pairs) {
                best = pairMove(best, without, p, s);
            }
        }
        for (int[] p : pairs) {
            best = pairMove(best, s, p, s);
        }
        return best;
    }

    private State pairMove(State best, State from, int[] p, State origin) {
        if (from.has(p[0]) || from.has(p[1]) || !from.fits(p[0])) {
            return best;
        }
        State t = from.copy();
        t.add(p[0]);
        if (!t.fits(p[1])) {
            return best;
        }
        t.add(p[1]);
        return t.betterThan(origin) && t.betterThan(best) ? t : best;
    }

    private State better(State best, State from, int out, int add, int unused) {
        return better(best, from, out, add, unused, from);
    }

    /** {@code from} with {@code out} removed and/or {@code add} added, if better than both. */
    private State better(State best, State from, int out, int add, int unused, State origin) {
        double total = from.total + (out >= 0 ? from.deltaRemove(out) : 0);
        if (add >= 0) {
            total = from.total + from.deltaAdd(add);
        }
        long size = from.size + (add >= 0 ? sp.size[add] : 0) - (out >= 0 ? sp.size[out] : 0);
        double write = from.write + (add >= 0 ? sp.write[add] : 0) - (out >= 0 ? sp.write[out] : 0);
        if (from.compare(total, write, size, origin.total, origin.write, origin.size) >= 0) {
            return best;
        }
        if (best != null && from.compare(total, write, size, best.total, best.write, best.size) >= 0) {
            return best;
        }
        State t = from.copy();
        if (out >= 0) {
            t.remove(out);
        }
        if (add >= 0) {
            t.add(add);
        }
        return t;
    }

    /** Drops, largest first, every index whose removal does not raise the cost. */
    private State trim(State s) {
        boolean changed = true;
        while (changed) {
            changed = false;
            int drop = -1;
            for (int i = s.set.nextSetBit(0); i >= 0; i = s.set.nextSetBit(i + 1)) {
                if (s.deltaRemove(i) <= sp.eps && (drop < 0 || sp.size[i] > sp.size[drop])) {
                    drop = i;
                }
            }
            if (drop >= 0) {
                s.remove(drop);
                changed = true;
            }
        }
        s.settle();
        return s;
    }

    // ---- branch and bound

    private int[] order;
    private State incumbent;
    private long nodes;
    private long nodeLimit;

    State branchAndBound(State start, long limit) {
        List<Integer> usable = new ArrayList<>();
        State e = sp.empty();
        double[] gain = new double[sp.n];
        for (int i = 0; i < sp.n; i++) {
            if (sp.usable(i)) {
                usable.add(i);
                gain[i] = -e.deltaAdd(i);
            }
        }
        usable.sort(Comparator.comparingDouble((Integer i) -> -gain[i]).thenComparing(i -> i));
        order = usable.stream().mapToInt(Integer::intValue).toArray();
        incumbent = start == null ? e.copy() : start.copy();
        nodes = 0;
        nodeLimit = limit;
        optimal = true;
        dfs(0, e);
        incumbent.settle();
        return incumbent;
    }

    private void dfs(int k, State s) {
        if (++nodes > nodeLimit) {
            optimal = false;
            return;
        }
        if (s.betterThan(incumbent)) {
            incumbent = s.copy();
        }
        if (k == order.length) {
            return;
        }
        BitSet avail = (BitSet) s.set.clone();
        for (int j = k; j < order.length; j++) {
            if (s.fits(order[j])) {
                avail.set(order[j]);
            }
        }
        if (sp.total(avail) >= incumbent.total - sp.eps) {
            return;
        }
        int i = order[k];
        if (s.fits(i)) {
            s.add(i);
            dfs(k + 1, s);
            s.remove(i);
            if (!optimal) {
                return;
            }
        }
        dfs(k + 1, s);
    }
}
