package io.accesspath.core.advise;

import java.util.BitSet;

/**
 * The search space of one advisor run: the cached what-if, the candidates' sizes and write costs,
 * the budget, and the tolerance under which two costs are equal.
 */
final class Space {
    final CachingWhatIf whatIf;
    final int n;
    final int m;
    final double[] weight;
    final long[] size;
    final double[] write;
    final boolean[] existing;
    final Budget budget;
    final double eps;
    /**
     * Null: costs are the what-if's. Otherwise each query's probed index sets and their costs,
     * and a query's cost under a configuration is the lowest probed cost contained in it (an
     * upper bound of the what-if's, asked nothing).
     */
    final java.util.List<MatrixOptimum.Options> model;

    /** The same space with costs from the probed sets {@code model} (no what-if calls). */
    Space(Space real, java.util.List<MatrixOptimum.Options> model) {
        whatIf = real.whatIf;
        n = real.n;
        m = real.m;
        weight = real.weight;
        size = real.size;
        write = real.write;
        existing = real.existing;
        budget = real.budget;
        eps = real.eps;
        this.model = model;
    }

    Space(CachingWhatIf whatIf, Budget budget) {
        this.model = null;
        this.whatIf = whatIf;
        this.budget = budget;
        n = whatIf.candidateCount();
        m = whatIf.queryCount();
        weight = new double[m];
        for (int q = 0; q < m; q++) {
            weight[q] = whatIf.queries().get(q).weight();
        }
        size = new long[n];
        write = new double[n];
        existing = new boolean[n];
        for (int i = 0; i < n; i++) {
            WhatIf.IndexCandidate c = whatIf.candidates().get(i);
            size[i] = c.sizeBytes();
            write[i] = c.writeCost();
            existing[i] = c.existing();
        }
        double empty = 0;
        BitSet none = new BitSet();
        for (int q = 0; q < m; q++) {
            empty += weight[q] * cost(q, none);
        }
        eps = 1e-9 * Math.max(1, Math.abs(empty));
    }

    State empty() {
        return new State(this);
    }

    State of(BitSet set) {
        State s = new State(this);
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            s.add(i);
        }
        return s;
    }

    /** The workload's cost with exactly {@code set}, computed afresh. */
    double total(BitSet set) {
        double t = 0;
        for (int q = 0; q < m; q++) {
            t += weight[q] * cost(q, set);
        }
        return t;
    }

    /** Query {@code q}'s cost with exactly {@code set}: the what-if's, or the model's. */
    double cost(int q, BitSet set) {
        if (model == null) {
            return whatIf.cost(q, set);
        }
        MatrixOptimum.Options o = model.get(q);
        double best = Double.POSITIVE_INFINITY;
        outer:
        for (int k = 0; k < o.sets().size(); k++) {
            double c = o.costs().get(k);
            if (c >= best) {
                continue;
            }
            for (int i : o.sets().get(k)) {
                if (!set.get(i)) {
                    continue outer;
                }
            }
            best = c;
        }
        return best;
    }

    /** The bytes candidate {@code i} adds to what must be built: 0 for an existing index. */
    long fresh(int i) {
        return existing[i] ? 0 : size[i];
    }

    /** Whether a candidate can matter at all: relevant to a query, and fits the budget alone. */
    boolean usable(int i) {
        return whatIf.queriesOf(i).length > 0 && size[i] <= budget.storageBytes()
                && write[i] <= budget.writeCost() + 1e-9;
    }

    /** One configuration with its per-query costs, updated incrementally. */
    static final class State {
        final Space sp;
        final BitSet set;
        final double[] qcost;
        long size;
        /** Bytes of the chosen indexes that do not exist yet (what would have to be built). */
        long fresh;
        double write;
        double total;

        State(Space sp) {
            this.sp = sp;
            set = new BitSet(sp.n);
            qcost = new double[sp.m];
            for (int q = 0; q < sp.m; q++) {
                qcost[q] = sp.cost(q, set);
                total += sp.weight[q] * qcost[q];
            }
        }

        private State(State o) {
            sp = o.sp;
            set = (BitSet) o.set.clone();
            qcost = o.qcost.clone();
            size = o.size;
            fresh = o.fresh;
            write = o.write;
            total = o.total;
        }

        State copy() {
            return new State(this);
        }

        boolean fits(int i) {
            return size + sp.size[i] <= sp.budget.storageBytes()
                    && write + sp.write[i] <= sp.budget.writeCost() + 1e-9;
        }

        boolean has(int i) {
            return set.get(i);
        }

        /** The change of the workload's cost if {@code i} were added (negative: it saves). */
        double deltaAdd(int i) {
            return deltaToggled(i);
        }

        /** The change of the workload's cost if {@code i} were removed (positive: it hurts). */
        double deltaRemove(int i) {
            return deltaToggled(i);
        }

        private double deltaToggled(int i) {
            set.flip(i);
            double d = 0;
            for (int q : sp.whatIf.queriesOf(i)) {
                d += sp.weight[q] * (sp.cost(q, set) - qcost[q]);
            }
            set.flip(i);
            return d;
        }

        void add(int i) {
            set.set(i);
            size += sp.size[i];
            fresh += sp.fresh(i);
            write += sp.write[i];
            update(i);
        }

        void remove(int i) {
            set.clear(i);
            size -= sp.size[i];
            fresh -= sp.fresh(i);
            write -= sp.write[i];
            update(i);
        }

        private void update(int i) {
            for (int q : sp.whatIf.queriesOf(i)) {
                double c = sp.cost(q, set);
                total += sp.weight[q] * (c - qcost[q]);
                qcost[q] = c;
            }
        }

        /** Recomputes the total from the per-query costs (removes drift from incremental sums). */
        void settle() {
            double t = 0;
            for (int q = 0; q < sp.m; q++) {
                t += sp.weight[q] * qcost[q];
            }
            total = t;
        }

        /**
         * Whether this configuration is better than {@code o}: cost, then write cost, bytes to
         * build (keeping an existing index beats building an equivalent one), size, ids.
         */
        boolean betterThan(State o) {
            if (o == null) {
                return true;
            }
            int c = compare(total, write, fresh, size, o.total, o.write, o.fresh, o.size);
            if (c != 0) {
                return c < 0;
            }
            BitSet x = (BitSet) set.clone();
            x.xor(o.set);
            int f = x.nextSetBit(0);
            return f >= 0 && set.get(f);
        }

        int compare(double t1, double w1, long f1, long s1, double t2, double w2, long f2, long s2) {
            if (t1 < t2 - sp.eps) {
                return -1;
            }
            if (t1 > t2 + sp.eps) {
                return 1;
            }
            if (w1 < w2 - 1e-9) {
                return -1;
            }
            if (w1 > w2 + 1e-9) {
                return 1;
            }
            return f1 != f2 ? Long.compare(f1, f2) : Long.compare(s1, s2);
        }
    }
}
