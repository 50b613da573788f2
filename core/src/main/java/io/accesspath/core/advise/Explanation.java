package io.accesspath.core.advise;

import io.accesspath.core.advise.WhatIf.IndexCandidate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Turns a chosen configuration into an {@link Advice}: benefits, per-query costs, removals. */
final class Explanation {
    private Explanation() {
    }

    static Advice of(Space sp, BitSet chosenSet, boolean optimal, String search) {
        CachingWhatIf w = sp.whatIf;
        BitSet existing = new BitSet();
        for (int i = 0; i < sp.n; i++) {
            if (sp.existing[i]) {
                existing.set(i);
            }
        }
        BitSet kept = (BitSet) existing.clone();
        kept.and(chosenSet);
        BitSet fresh = (BitSet) chosenSet.clone();
        fresh.andNot(existing);
        BitSet dropped = (BitSet) existing.clone();
        dropped.andNot(chosenSet);

        double baseline = sp.total(existing);
        double none = sp.total(new BitSet());
        double cost = sp.total(chosenSet);
        double keptCost = sp.total(kept);

        List<String> chosen = new ArrayList<>();
        List<Advice.IndexBenefit> benefits = new ArrayList<>();
        for (int i = kept.nextSetBit(0); i >= 0; i = kept.nextSetBit(i + 1)) {
            BitSet without = (BitSet) kept.clone();
            without.clear(i);
            chosen.add(id(sp, i));
            benefits.add(new Advice.IndexBenefit(candidate(sp, i), sp.total(without) - keptCost, Double.NaN,
                    Double.NaN));
        }
        List<String> create = new ArrayList<>();
        BitSet current = (BitSet) kept.clone();
        double currentCost = keptCost;
        BitSet left = (BitSet) fresh.clone();
        while (!left.isEmpty()) {
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int i = left.nextSetBit(0); i >= 0; i = left.nextSetBit(i + 1)) {
                current.set(i);
                double c = sp.total(current);
                current.clear(i);
                if (c < bestCost - sp.eps) {
                    bestCost = c;
                    best = i;
                }
            }
            BitSet alone = (BitSet) kept.clone();
            alone.set(best);
            double individual = keptCost - sp.total(alone);
            current.set(best);
            left.clear(best);
            benefits.add(new Advice.IndexBenefit(candidate(sp, best), individual, currentCost - bestCost, bestCost));
            currentCost = bestCost;
            chosen.add(id(sp, best));
            create.add(id(sp, best));
        }

        List<String> drop = new ArrayList<>();
        List<Advice.Removal> removals = new ArrayList<>();
        for (int d = dropped.nextSetBit(0); d >= 0; d = dropped.nextSetBit(d + 1)) {
            drop.add(id(sp, d));
            removals.add(removal(sp, d, chosenSet, cost, none, existing, baseline));
        }

        List<Advice.QueryCost> queries = new ArrayList<>();
        for (int q = 0; q < sp.m; q++) {
            queries.add(new Advice.QueryCost(w.queries().get(q).id(), sp.weight[q], w.cost(q, existing),
                    w.cost(q, chosenSet)));
        }
        long size = 0;
        double write = 0;
        for (int i = chosenSet.nextSetBit(0); i >= 0; i = chosenSet.nextSetBit(i + 1)) {
            size += sp.size[i];
            write += sp.write[i];
        }
        double relative = baseline > 0 ? cost / baseline : 1;
        return new Advice(chosen, create, drop, size, write, cost, baseline, none, relative, sp.budget, benefits,
                removals, queries, w.calls(), optimal, search);
    }

    private static Advice.Removal removal(Space sp, int d, BitSet chosen, double cost, double none, BitSet existing,
            double baseline) {
        IndexCandidate c = candidate(sp, d);
        BitSet alone = new BitSet();
        alone.set(d);
        BitSet existingWithout = (BitSet) existing.clone();
        existingWithout.clear(d);
        if (none - sp.total(alone) <= sp.eps && sp.total(existingWithout) - baseline <= sp.eps) {
            return new Advice.Removal(c, Advice.Reason.UNUSED, null, 0);
        }
        BitSet with = (BitSet) chosen.clone();
        with.set(d);
        double lost = cost - sp.total(with);
        for (int j = chosen.nextSetBit(0); j >= 0; j = chosen.nextSetBit(j + 1)) {
            IndexCandidate o = candidate(sp, j);
            if (sameDefinition(o, c)) {
                return new Advice.Removal(c, Advice.Reason.DUPLICATE, o.id(), Math.max(0, lost));
            }
        }
        if (lost > sp.eps) {
            return new Advice.Removal(c, Advice.Reason.BUDGET, null, lost);
        }
        String by = null;
        double most = sp.eps;
        for (int j = chosen.nextSetBit(0); j >= 0; j = chosen.nextSetBit(j + 1)) {
            IndexCandidate o = candidate(sp, j);
            boolean prefix = java.util.Objects.equals(o.table(), c.table()) && o.columns().size() >= c.columns().size()
                    && o.columns().subList(0, c.columns().size()).equals(c.columns());
            BitSet without = (BitSet) chosen.clone();
            without.clear(j);
            double base = sp.total(without);
            without.set(d);
            double covered = base - sp.total(without) + (prefix ? Double.MAX_VALUE / 4 : 0);
            if (covered > most) {
                most = covered;
                by = o.id();
            }
        }
        return new Advice.Removal(c, Advice.Reason.REDUNDANT, by, 0);
    }

    /**
     * Whether two indexes are the same index under two names: the same table and columns and,
     * when both carry their DDL, the same method, uniqueness, INCLUDE columns and predicate (a
     * partial GIN index is no duplicate of a plain one on the same column).
     */
    static boolean sameDefinition(IndexCandidate a, IndexCandidate b) {
        if (!java.util.Objects.equals(a.table(), b.table()) || !a.columns().equals(b.columns())) {
            return false;
        }
        if (a.ddl() == null || b.ddl() == null) {
            return true;
        }
        return definitionBody(a.ddl()).equals(definitionBody(b.ddl()));
    }

    private static final java.util.regex.Pattern INDEX_HEAD = java.util.regex.Pattern.compile(
            "(?is)^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?(IF\\s+NOT\\s+EXISTS\\s+)?(\\S+\\s+)?ON\\s+(ONLY\\s+)?");

    /** The DDL without its name and CONCURRENTLY, whitespace collapsed: what the index is. */
    private static String definitionBody(String ddl) {
        java.util.regex.Matcher m = INDEX_HEAD.matcher(ddl);
        if (!m.find()) {
            return ddl.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        }
        String unique = m.group(1) == null ? "" : "unique ";
        String rest = ddl.substring(m.end()).strip().replaceAll(";\\s*$", "");
        return (unique + rest).replaceAll("\\s+", " ").replace("public.", "").replace("\"", "")
                .replace(" USING btree", "").replace(" using btree", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static IndexCandidate candidate(Space sp, int i) {
        return sp.whatIf.candidates().get(i);
    }

    private static String id(Space sp, int i) {
        return sp.whatIf.candidates().get(i).id();
    }
}
