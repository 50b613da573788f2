package io.accesspath.core.advise;

import io.accesspath.core.advise.WhatIf.IndexCandidate;
import io.accesspath.core.advise.WhatIf.WorkloadQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random cost matrices shaped like a planner's: candidates on a few tables with sizes from
 * 1 MB to 1 GB; each query relevant to the candidates of one or two tables; single indexes that
 * cut its cost, pairs that are worth much more together than apart (a join needing both sides,
 * an index that only pays with its partner), and the odd triple.
 */
final class RandomMatrices {
    private RandomMatrices() {
    }

    static CostMatrix generate(long seed, int queries, int candidates, int existing) {
        Random r = new Random(seed);
        int tables = Math.max(2, candidates / 6);
        List<IndexCandidate> cands = new ArrayList<>();
        List<List<Integer>> onTable = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            onTable.add(new ArrayList<>());
        }
        for (int i = 0; i < candidates; i++) {
            int t = r.nextInt(tables);
            long size = (long) (Math.pow(10, 6 + 3 * r.nextDouble()));
            String id = String.format("ix%02d", i);
            cands.add(new IndexCandidate(id, "t" + t, List.of("c" + r.nextInt(8), "c" + r.nextInt(8)), size,
                    "CREATE INDEX " + id + " ON t" + t + " (c1)", 1 + r.nextInt(50), i < existing));
            onTable.get(t).add(i);
        }
        List<WorkloadQuery> qs = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            qs.add(new WorkloadQuery("q" + q, 1 + r.nextInt(1000), null));
        }
        CostMatrix.Builder b = CostMatrix.builder(qs, cands);
        for (int q = 0; q < queries; q++) {
            String qid = "q" + q;
            double c0 = Math.pow(10, 3 + 3 * r.nextDouble());
            b.cost(qid, List.of(), c0);
            List<Integer> rel = new ArrayList<>(onTable.get(r.nextInt(tables)));
            if (r.nextBoolean()) {
                rel.addAll(onTable.get(r.nextInt(tables)));
            }
            rel = rel.stream().distinct().sorted().toList();
            if (rel.isEmpty()) {
                continue;
            }
            for (int i : rel) {
                if (r.nextDouble() < 0.5) {
                    b.cost(qid, List.of(cands.get(i).id()), c0 * (0.05 + 0.9 * r.nextDouble()));
                }
            }
            int pairs = r.nextInt(3);
            for (int p = 0; p < pairs && rel.size() >= 2; p++) {
                int x = rel.get(r.nextInt(rel.size()));
                int y = rel.get(r.nextInt(rel.size()));
                if (x != y) {
                    b.cost(qid, List.of(cands.get(x).id(), cands.get(y).id()), c0 * 0.02 * r.nextDouble());
                }
            }
            if (rel.size() >= 3 && r.nextDouble() < 0.2) {
                List<String> three = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    three.add(cands.get(rel.get(r.nextInt(rel.size()))).id());
                }
                b.cost(qid, three.stream().distinct().toList(), c0 * 0.005 * r.nextDouble());
            }
        }
        return b.build();
    }

    static long totalSize(WhatIf w) {
        return w.candidates().stream().mapToLong(IndexCandidate::sizeBytes).sum();
    }
}
