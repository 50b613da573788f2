package io.accesspath.core.advise;

import io.accesspath.core.advise.Space.State;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The index advisor's search over whole configurations (docs/advisor.md). It runs over any
 * {@link WhatIf} (a live planner or a recorded {@link CostMatrix}) through a
 * {@link CachingWhatIf}, so each (query, relevant indexes) question is asked once.
 *
 * <ol>
 *   <li>Probe: each query's cost with each relevant candidate alone, with each pair of them, and
 *       with all of them reduced to a minimal set that keeps that cost (which finds indexes that
 *       only pay together, such as both sides of a join, or three tables of a star join).</li>
 *   <li>Heuristics on the probed sets (a query's cost: the lowest probed cost contained in the
 *       configuration; no what-if calls). Seeds: the best choice of one probed set per query
 *       within the budget (exact branch and bound over the probed sets), greedy benefit-per-byte
 *       and greedy by absolute benefit from nothing, from each single candidate and from each
 *       complementary group. Local search from the best few: add, drop, swap one for one, add a
 *       complementary group (after dropping one or not), and when none improves, drop one or two
 *       and refill greedily.</li>
 *   <li>Refine: the results are asked of the what-if; where a query is cheaper than the probed
 *       sets say, that configuration becomes a probed set and the heuristics run again.</li>
 *   <li>Local search on the what-if from the best result, then drop whatever saves nothing.</li>
 *   <li>Branch and bound over the what-if, when the candidates are few enough, starting from that
 *       result: it either proves it optimal or finds the optimum. Its bound (each query at its
 *       cost with every candidate that still fits) is admissible because adding an index never
 *       makes the planner's best plan dearer.</li>
 * </ol>
 * Ties are broken by write cost, then the bytes to build (an existing index is kept rather than
 * an equivalent one built), then size, then id, so the output is deterministic.
 */
public final class Advisor {
    /**
     * Tuning. {@code exactCandidates}: run branch and bound over the what-if when at most this
     * many candidates are usable; {@code exactNodes}: give it up after this many nodes (the result
     * then says it is not proven optimal), or after it asked this many {@code exactCalls} what-if
     * questions; {@code groupSeeds}: how many complementary groups seed
     * the greedy and the local search; {@code localStarts}: how many of the best seeds the local
     * search starts from; {@code pairProbe}: probe pairs among at most this many of a query's
     * candidates (the best alone); {@code probedNodes}: node limit of the search over probed sets.
     */
    public record Options(int exactCandidates, long exactNodes, long exactCalls, int groupSeeds, int localStarts,
            int pairProbe, long probedNodes, int refineRounds) {
        public static final Options DEFAULT = new Options(40, 200_000, 5_000, 64, 3, 24, 200_000, 10);

        /** Heuristics only, no branch and bound over the what-if (to measure them alone). */
        public Options heuristicOnly() {
            return new Options(0, 0, 0, groupSeeds, localStarts, pairProbe, probedNodes, refineRounds);
        }
    }

    /** The space searched: the what-if's, or (during the heuristics) the probed sets'. */
    private Space sp;
    private final Options options;
    private final List<int[]> groups = new ArrayList<>();
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
        State s = a.greedy(a.sp.empty(), true, null);
        return Explanation.of(a.sp, s.set, false, "greedy benefit per byte");
    }

    /**
     * Branch and bound over the what-if alone, from nothing (no incumbent), up to
     * {@code nodeLimit} nodes: {@link Advice#optimal()} says whether it finished.
     */
    public static Advice exact(WhatIf whatIf, Budget budget, long nodeLimit) {
        Advisor a = new Advisor(whatIf, budget, new Options(Integer.MAX_VALUE, nodeLimit, Long.MAX_VALUE, 0, 0, 0, 0, 0));
        State s = a.trim(a.branchAndBound(null, nodeLimit));
        return Explanation.of(a.sp, s.set, a.optimal, "branch and bound");
    }

    private State search() {
        Space real = sp;
        List<MatrixOptimum.Options> probed = probe();
        sp = new Space(real, probed);
        List<State> found = heuristics(probed);
        int rounds = 0;
        while (rounds < options.refineRounds() && refine(real, probed, found)) {
            rounds++;
            found = heuristics(probed);
        }
        sp = real;
        State best = null;
        for (State s : found) {
            State r = real.of(s.set);
            if (r.betterThan(best)) {
                best = r;
            }
        }
        refill = false;
        best = trim(localSearch(best));
        how = "probed sets + greedy from " + seeds + " seeds + local search on them" + (rounds > 0 ? ", refined "
                + rounds + (rounds == 1 ? " time" : " times") : "") + ", then local search on the what-if";
        long usable = IntStream.range(0, sp.n).filter(sp::usable).count();
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

    private int seeds;
    private boolean refill = true;

    /**
     * Asks the what-if about the model's best configurations; where a query is cheaper than the
     * probed sets say, that configuration becomes one of its probed sets. Returns whether any did.
     */
    private boolean refine(Space real, List<MatrixOptimum.Options> probed, List<State> found) {
        boolean refined = false;
        for (State s : found) {
            for (int q = 0; q < sp.m; q++) {
                double actual = real.cost(q, s.set);
                if (actual < sp.cost(q, s.set) - sp.eps / Math.max(1, sp.weight[q])) {
                    int[] set = Arrays.stream(sp.whatIf.relevantOf(q)).filter(s.set::get).toArray();
                    probed.get(q).sets().add(set);
                    probed.get(q).costs().add(actual);
                    refined = true;
                }
            }
        }
        return refined;
    }

    /**
     * The seeds and the local search from the best of them, on the current space; returns the
     * local optima found, best first.
     */
    private List<State> heuristics(List<MatrixOptimum.Options> probed) {
        List<State> seedList = new ArrayList<>();
        MatrixOptimum model = new MatrixOptimum(probed, sp.size, sp.write, sp.budget, options.probedNodes());
        seedList.add(greedy(sp.of(model.run()), true, null));
        seedList.add(greedy(sp.empty(), true, null));
        seedList.add(greedy(sp.empty(), false, null));
        int firstPick = pick(sp.empty(), true, null);
        for (int i = 0; i < sp.n; i++) {
            if (i != firstPick && sp.usable(i)) {
                State seed = sp.empty();
                seed.add(i);
                seedList.add(greedy(seed, true, null));
            }
        }
        for (int[] g : groups) {
            State seed = withGroup(sp.empty(), g);
            if (seed != null) {
                seedList.add(greedy(seed, true, null));
            }
        }
        seeds = seedList.size();
        seedList.sort((x, y) -> x.betterThan(y) ? -1 : y.betterThan(x) ? 1 : 0);
        Set<BitSet> seen = new LinkedHashSet<>();
        List<State> optima = new ArrayList<>();
        for (State s : seedList) {
            if (seen.size() < Math.max(1, options.localStarts()) && seen.add(s.set)) {
                State l = trim(localSearch(s.copy()));
                if (optima.stream().noneMatch(o -> o.set.equals(l.set))) {
                    optima.add(l);
                }
            }
        }
        optima.sort((x, y) -> x.betterThan(y) ? -1 : y.betterThan(x) ? 1 : 0);
        return optima;
    }

    /** Adds the best candidate per byte (or absolute) while one saves anything and fits. */
    private State greedy(State s, boolean perByte, boolean[] banned) {
        while (true) {
            int best = pick(s, perByte, banned);
            if (best < 0) {
                return s;
            }
            s.add(best);
        }
    }

    private int pick(State s, boolean perByte, boolean[] banned) {
        int best = -1;
        double bestScore = 0;
        for (int i = 0; i < sp.n; i++) {
            if (s.has(i) || banned != null && banned[i] || !sp.usable(i) || !s.fits(i)) {
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

    /** {@code s} plus every index of {@code group}, or null if they do not fit. */
    private static State withGroup(State s, int[] group) {
        State t = s.copy();
        boolean added = false;
        for (int i : group) {
            if (!t.has(i)) {
                if (!t.fits(i)) {
                    return null;
                }
                t.add(i);
                added = true;
            }
        }
        return added ? t : null;
    }

    /**
     * Probes each query: its cost with each relevant candidate alone, with each pair of them, and
     * with all of them reduced to a minimal set keeping that cost. Sets that save more together
     * than their parts alone become complementary groups (best saving per byte first). Returns
     * each query's probed sets and costs, for the search over probed sets.
     */
    private List<MatrixOptimum.Options> probe() {
        List<MatrixOptimum.Options> probed = new ArrayList<>();
        List<int[]> found = new ArrayList<>();
        Set<List<Integer>> seen = new HashSet<>();
        for (int q = 0; q < sp.m; q++) {
            int[] rel = Arrays.stream(sp.whatIf.relevantOf(q)).filter(sp::usable).toArray();
            double c0 = sp.whatIf.cost(q, new BitSet());
            MatrixOptimum.Options opts = new MatrixOptimum.Options(sp.weight[q], new ArrayList<>(), new ArrayList<>());
            opts.sets().add(new int[0]);
            opts.costs().add(c0);
            double[] single = new double[rel.length];
            for (int k = 0; k < rel.length; k++) {
                single[k] = cost(q, rel[k]);
                if (single[k] < c0) {
                    opts.sets().add(new int[] {rel[k]});
                    opts.costs().add(single[k]);
                }
            }
            Integer[] byGain = IntStream.range(0, rel.length).boxed().toArray(Integer[]::new);
            Arrays.sort(byGain, Comparator.comparingDouble((Integer k) -> single[k]).thenComparing(k -> k));
            int[] probedPairs = Arrays.stream(byGain).limit(options.pairProbe()).mapToInt(k -> k).sorted().toArray();
            for (int a = 0; a < probedPairs.length; a++) {
                for (int b = a + 1; b < probedPairs.length; b++) {
                    int ka = probedPairs[a];
                    int kb = probedPairs[b];
                    int[] pair = {rel[ka], rel[kb]};
                    if (!fitsAlone(pair)) {
                        continue;
                    }
                    double c = cost(q, pair);
                    if (c < Math.min(single[ka], single[kb])) {
                        opts.sets().add(pair);
                        opts.costs().add(c);
                    }
                    if (sp.weight[q] * ((c0 - c) - (c0 - single[ka]) - (c0 - single[kb])) > sp.eps
                            && seen.add(List.of(pair[0], pair[1]))) {
                        found.add(pair);
                    }
                }
            }
            if (rel.length > 2) {
                for (int how = 0; how < 3; how++) {
                    int[] min = reduce(q, rel, how != 1, how == 2);
                    double c = cost(q, min);
                    double bestSoFar = opts.costs().stream().mapToDouble(Double::doubleValue).min().orElse(c0);
                    if (min.length > 2 && c < bestSoFar && fitsAlone(min)) {
                        opts.sets().add(min);
                        opts.costs().add(c);
                        if (seen.add(Arrays.stream(min).boxed().toList())) {
                            found.add(min);
                        }
                    }
                }
            }
            probed.add(opts);
        }
        State e = sp.empty();
        double[] score = new double[found.size()];
        for (int k = 0; k < found.size(); k++) {
            State s = e.copy();
            long bytes = 0;
            for (int i : found.get(k)) {
                s.add(i);
                bytes += sp.size[i];
            }
            score[k] = (e.total - s.total) / Math.max(1, bytes);
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, found.size()).boxed().toList());
        order.sort(Comparator.comparingDouble((Integer k) -> -score[k])
                .thenComparing(k -> Arrays.toString(found.get(k))));
        for (int k = 0; k < order.size() && k < options.groupSeeds(); k++) {
            groups.add(found.get(order.get(k)));
        }
        return probed;
    }

    /**
     * All of {@code rel}, minus each index (largest or smallest first) whose removal leaves the
     * query's cost as low: a minimal set that gets the query's best cost. With {@code fit}, the
     * largest are dropped first until the set fits the budget, whatever they save.
     */
    private int[] reduce(int q, int[] rel, boolean largestFirst, boolean fit) {
        BitSet set = new BitSet();
        Arrays.stream(rel).forEach(set::set);
        Integer[] order = Arrays.stream(rel).boxed().toArray(Integer[]::new);
        Comparator<Integer> bySize = Comparator.comparingLong(i -> sp.size[i]);
        Arrays.sort(order, (largestFirst ? bySize.reversed() : bySize).thenComparing(i -> i));
        if (fit) {
            for (int k = 0; k < order.length && !fitsAlone(set.stream().toArray()); k++) {
                set.clear(order[k]);
            }
        }
        double best = sp.whatIf.cost(q, set);
        for (int i : order) {
            if (!set.get(i)) {
                continue;
            }
            set.clear(i);
            if (sp.whatIf.cost(q, set) > best + sp.eps / Math.max(1, sp.weight[q])) {
                set.set(i);
            }
        }
        return set.stream().toArray();
    }

    private double cost(int q, int... indexes) {
        BitSet set = new BitSet();
        Arrays.stream(indexes).forEach(set::set);
        return sp.whatIf.cost(q, set);
    }

    private boolean fitsAlone(int[] set) {
        long bytes = 0;
        double write = 0;
        for (int i : set) {
            bytes += sp.size[i];
            write += sp.write[i];
        }
        return bytes <= sp.budget.storageBytes() && write <= sp.budget.writeCost() + 1e-9;
    }

    /** Best-improvement local search until no move improves. */
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

    /** The best of: add one, drop one, swap one for one, add a group (after dropping one or not). */
    private State bestNeighbour(State s) {
        Move best = new Move(s);
        for (int i = 0; i < sp.n; i++) {
            if (!s.has(i) && sp.usable(i) && s.fits(i)) {
                best.consider(s, i);
            }
        }
        List<Integer> in = s.set.stream().boxed().toList();
        for (int out : in) {
            best.considerDrop(s, out);
            State without = s.copy();
            without.remove(out);
            for (int j = 0; j < sp.n; j++) {
                if (j != out && !without.has(j) && sp.usable(j) && without.fits(j)) {
                    best.consider(without, j);
                }
            }
            for (int[] g : groups) {
                best.consider(withGroup(without, g));
            }
        }
        for (int[] g : groups) {
            best.consider(withGroup(s, g));
        }
        return best.state() != null ? best.state() : refill ? refill(s, in) : null;
    }

    /** The best neighbour found so far; only moves strictly better than the origin count. */
    private final class Move {
        private final State origin;
        private State from;
        private int add = -1;
        private int drop = -1;
        private State whole;
        private double total;
        private double write;
        private long fresh;
        private long size;

        Move(State origin) {
            this.origin = origin;
            total = origin.total;
            write = origin.write;
            fresh = origin.fresh;
            size = origin.size;
        }

        void consider(State base, int add) {
            offer(base.total + base.deltaAdd(add), base.write + sp.write[add], base.fresh + sp.fresh(add),
                    base.size + sp.size[add], base, add, -1, null);
        }

        void considerDrop(State base, int drop) {
            offer(base.total + base.deltaRemove(drop), base.write - sp.write[drop], base.fresh - sp.fresh(drop),
                    base.size - sp.size[drop], base, -1, drop, null);
        }

        void consider(State t) {
            if (t != null) {
                offer(t.total, t.write, t.fresh, t.size, null, -1, -1, t);
            }
        }

        private void offer(double t, double w, long f, long b, State base, int a, int d, State w2) {
            if (origin.compare(t, w, f, b, total, write, fresh, size) < 0) {
                total = t;
                write = w;
                fresh = f;
                size = b;
                from = base;
                add = a;
                drop = d;
                whole = w2;
            }
        }

        State state() {
            if (whole != null) {
                return whole;
            }
            if (from == null) {
                return null;
            }
            State t = from.copy();
            if (add >= 0) {
                t.add(add);
            }
            if (drop >= 0) {
                t.remove(drop);
            }
            return t;
        }
    }

    /**
     * The larger neighbourhood, tried when no single move improves: drop one or two chosen
     * indexes, keep them out, and refill greedily (per byte and by absolute saving).
     */
    private State refill(State s, List<Integer> in) {
        State best = null;
        for (int a = 0; a < in.size(); a++) {
            for (int b = a; b < in.size(); b++) {
                State base = s.copy();
                base.remove(in.get(a));
                if (b != a) {
                    base.remove(in.get(b));
                }
                boolean[] banned = new boolean[sp.n];
                banned[in.get(a)] = true;
                banned[in.get(b)] = true;
                for (boolean perByte : new boolean[] {true, false}) {
                    State t = greedy(base.copy(), perByte, banned);
                    if (t.betterThan(s) && t.betterThan(best)) {
                        best = t;
                    }
                }
            }
        }
        return best;
    }

    /** Drops, largest first, every index whose removal does not raise the cost. */
    private State trim(State s) {
        while (true) {
            int drop = -1;
            for (int i = s.set.nextSetBit(0); i >= 0; i = s.set.nextSetBit(i + 1)) {
                if (s.deltaRemove(i) <= sp.eps && (drop < 0 || sp.size[i] > sp.size[drop])) {
                    drop = i;
                }
            }
            if (drop < 0) {
                s.settle();
                return s;
            }
            s.remove(drop);
        }
    }

    // ---- branch and bound

    private int[] order;
    private State incumbent;
    private long nodes;
    private long nodeLimit;
    private long callLimit;

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
        callLimit = sp.whatIf.calls() > Long.MAX_VALUE - options.exactCalls() ? Long.MAX_VALUE
                : sp.whatIf.calls() + options.exactCalls();
        optimal = true;
        dfs(0, e);
        incumbent.settle();
        return incumbent;
    }

    private void dfs(int k, State s) {
        if (++nodes > nodeLimit || sp.whatIf.calls() > callLimit) {
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
