package io.accesspath.bench;

import io.accesspath.core.advise.CachingWhatIf;
import io.accesspath.core.advise.CostMatrix;
import io.accesspath.core.advise.RecordingWhatIf;
import io.accesspath.core.advise.WhatIf;
import io.accesspath.core.db.ConnectOptions;
import io.accesspath.core.design.Design;
import io.accesspath.core.design.Designer;
import io.accesspath.core.query.Query;
import io.accesspath.core.query.QueryWriter;
import io.accesspath.core.spec.Spec;
import io.accesspath.core.spec.SpecReader;
import io.accesspath.postgres.PgDialect;
import io.accesspath.postgres.PgUrlDatabase;
import io.accesspath.postgres.advise.IndexDef;
import io.accesspath.postgres.advise.PgWhatIf;
import io.accesspath.postgres.advise.SpecWorkload;
import io.accesspath.postgres.advise.WorkloadStatement;
import io.accesspath.postgres.advise.Workloads;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Records a what-if cost matrix of a workload on a live PostgreSQL (HypoPG) for the advisor's
 * offline benchmark, with the candidates restricted so the matrix stays small and its optimum
 * provable, yet holds every index that matters and the trade-offs between them.
 *
 * <ol>
 *   <li>Candidates: all that {@link PgWhatIf} generates from the workload's SQL (and the existing
 *       indexes). Per query: the {@code --top} candidates with the largest benefit alone, and a
 *       minimal set that reaches the query's cost with all its candidates together (from all of
 *       them, drop one at a time, largest first, while the cost stays within 0.5%): that keeps
 *       the indexes a plan needs together (both sides of a join, both arms of an OR), which no
 *       single-index benefit shows. Existing indexes are always kept.</li>
 *   <li>Costs recorded per query over its kept candidates: none, each alone, each pair, its
 *       minimal set and all of them. Nothing the advisor (or greedy) would ask: the matrix does
 *       not depend on the search it benchmarks, and a configuration it does not hold costs what
 *       its best recorded subset costs (the format's rule), as the planner's best plan uses at
 *       most a few indexes a table.</li>
 * </ol>
 * Prints the recording time and the what-if calls (EXPLAINs that reached the planner).
 *
 * <p>Arguments: {@code --url URL (--workload FILE.sql | --spec SPEC [--seed N]) --out FILE.json
 * [--top N]}.
 */
public final class MatrixRecorder {
    /** The candidates of {@code inner} restricted to {@code kept}; every answer is recorded. */
    static final class Restricted implements WhatIf {
        private final WhatIf inner;
        private final List<IndexCandidate> candidates;
        private final Set<String> kept;
        private final CostMatrix.Builder builder;

        Restricted(WhatIf inner, Set<String> kept) {
            this.inner = inner;
            this.kept = kept;
            this.candidates = inner.candidates().stream().filter(c -> kept.contains(c.id())).toList();
            this.builder = CostMatrix.builder(inner.queries(), candidates);
        }

        @Override
        public List<WorkloadQuery> queries() {
            return inner.queries();
        }

        @Override
        public List<IndexCandidate> candidates() {
            return candidates;
        }

        @Override
        public double cost(String queryId, Set<String> configuration) {
            Set<String> rel = relevant(queryId);
            Set<String> config = configuration.stream().filter(rel::contains).collect(Collectors.toCollection(TreeSet::new));
            double cost = inner.cost(queryId, config);
            builder.cost(queryId, config, cost);
            return cost;
        }

        @Override
        public long calls() {
            return inner.calls();
        }

        @Override
        public Set<String> relevant(String queryId) {
            Set<String> out = new TreeSet<>(inner.relevant(queryId));
            out.retainAll(kept);
            return out;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        String url = a.get("--url");
        Path out = Path.of(a.get("--out"));
        int top = Integer.parseInt(a.getOrDefault("--top", "2"));
        long t0 = System.nanoTime();
        try (PgUrlDatabase db = PgUrlDatabase.connect(url, ConnectOptions.DEFAULT)) {
            List<WorkloadStatement> statements;
            ToDoubleFunction<IndexDef> writeCost = d -> 0;
            if (a.containsKey("--spec")) {
                Spec spec = SpecReader.read(Path.of(a.get("--spec")));
                Design design = new Designer(PgDialect.INSTANCE.designDialect()).design(spec, OptionalInt.empty());
                List<Query> queries = new QueryWriter(PgDialect.INSTANCE).write(design);
                statements = SpecWorkload.statements(db, design, queries, Long.parseLong(a.getOrDefault("--seed", "42")));
                writeCost = SpecWorkload.writeCosts(spec);
            } else {
                statements = Workloads.fromFile(Path.of(a.get("--workload")));
            }
            try (PgWhatIf live = PgWhatIf.forWorkload(db, new PgWhatIf.Settings(PgWhatIf.Mode.HYPOPG, writeCost,
                    false, m -> System.err.println("what-if: " + m)), statements)) {
                live.warnings().forEach(m -> System.err.println("warning: " + m));
                Set<String> excluded;
                try (Connection c = db.open()) {
                    excluded = literalPartials(live, c);
                }
                System.err.println("left out " + excluded.size() + " partial indexes on a literal of a column with more than "
                        + MAX_PINNED + " values: " + excluded);
                new MatrixRecorder().record(live, excluded, out, top, t0);
            }
        }
    }

    /**
     * Candidates whose partial-index predicate pins a column of more than {@code MAX_PINNED}
     * distinct values to a literal ({@code WHERE o_custkey = 4711}): they fit the workload file's
     * literals, not the application, whose next call has another value.
     */
    static Set<String> literalPartials(PgWhatIf live, Connection c) throws SQLException {
        Set<String> out = new TreeSet<>();
        Pattern eq = Pattern.compile("\"?([A-Za-z_][A-Za-z0-9_]*)\"?\\s*=\\s*[^=]");
        String sql = "SELECT CASE WHEN s.n_distinct < 0 THEN -s.n_distinct * greatest(r.reltuples, 0) ELSE s.n_distinct END"
                + " FROM pg_stats s JOIN pg_class r ON r.relname = s.tablename JOIN pg_namespace n ON n.oid = r.relnamespace"
                + " AND n.nspname = s.schemaname WHERE s.schemaname = ? AND s.tablename = ? AND s.attname = ?";
        for (WhatIf.IndexCandidate cand : live.candidates()) {
            Optional<IndexDef> d = live.index(cand.id());
            if (cand.existing() || d.isEmpty() || d.get().where().isEmpty()) {
                continue;
            }
            Matcher m = eq.matcher(d.get().where().get());
            while (m.find()) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, d.get().schema());
                    ps.setString(2, d.get().table());
                    ps.setString(3, m.group(1));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getDouble(1) > MAX_PINNED) {
                            out.add(cand.id());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static final int MAX_PINNED = 10;

    void record(PgWhatIf live, Set<String> excluded, Path out, int top, long t0) {
        CachingWhatIf cache = new CachingWhatIf(live);
        Map<String, WhatIf.IndexCandidate> byId = new LinkedHashMap<>();
        live.candidates().forEach(c -> byId.put(c.id(), c));
        Set<String> kept = new TreeSet<>();
        live.candidates().stream().filter(WhatIf.IndexCandidate::existing).forEach(c -> kept.add(c.id()));
        Map<String, Set<String>> minimal = new LinkedHashMap<>();
        for (WhatIf.WorkloadQuery q : live.queries()) {
            String id = q.id();
            List<String> rel = new ArrayList<>(live.relevant(id));
            rel.removeAll(excluded);
            double base = cache.cost(id, Set.of());
            Map<String, Double> alone = new LinkedHashMap<>();
            for (String c : rel) {
                alone.put(c, cache.cost(id, Set.of(c)));
            }
            alone.entrySet().stream()
                    .filter(e -> e.getValue() < base * 0.995)
                    .sorted(Map.Entry.<String, Double>comparingByValue()
                            .thenComparing(e -> byId.get(e.getKey()).sizeBytes()))
                    .limit(top)
                    .forEach(e -> kept.add(e.getKey()));
            double bestAlone = alone.values().stream().mapToDouble(Double::doubleValue).min().orElse(base);
            double all = cache.cost(id, new TreeSet<>(rel));
            Set<String> current = new TreeSet<>(rel);
            if (all < Math.min(base, bestAlone) * 0.995) {
                // the plan with everything needs more than one index: find a minimal set, largest dropped first
                List<String> order = new ArrayList<>(rel);
                order.sort(Comparator.comparingLong((String c) -> byId.get(c).sizeBytes()).reversed()
                        .thenComparing(c -> c));
                for (String c : order) {
                    Set<String> trial = new TreeSet<>(current);
                    trial.remove(c);
                    if (cache.cost(id, trial) <= all * 1.005 + 1e-9) {
                        current = trial;
                    }
                }
                current.removeIf(c -> byId.get(c).existing());
                kept.addAll(current);
                minimal.put(id, current);
            }
            System.err.printf(Locale.ROOT, "select %-36s %3d candidates, base %.0f, best alone %.0f, all %.0f%s%n", id,
                    rel.size(), base, bestAlone, all, minimal.containsKey(id) ? ", together " + minimal.get(id) : "");
        }
        long selectCalls = live.calls();
        double selectS = (System.nanoTime() - t0) / 1e9;

        Restricted r = new Restricted(cache, kept);
        long t1 = System.nanoTime();
        RecordingWhatIf.exhaustive(r, 2); // every set of at most two relevant candidates, recorded by r
        for (WhatIf.WorkloadQuery q : live.queries()) {
            String id = q.id();
            List<String> rel = new ArrayList<>(r.relevant(id));
            r.cost(id, new TreeSet<>(rel));
            if (minimal.containsKey(id)) {
                Set<String> m = new TreeSet<>(minimal.get(id));
                m.retainAll(rel);
                r.cost(id, m);
            }
        }
        long total = r.candidates().stream().mapToLong(WhatIf.IndexCandidate::sizeBytes).sum();
        CostMatrix matrix = r.builder.build();
        matrix.write(out);
        double recordS = (System.nanoTime() - t1) / 1e9;
        Set<String> tables = new HashSet<>();
        r.candidates().forEach(c -> tables.add(c.table()));
        System.out.printf(Locale.ROOT, "%s: %d queries, %d of %d candidates kept (%d existing) on %d tables, %.1f MB in all;"
                        + " %d costs recorded%n", out, live.queries().size(), kept.size(), live.candidates().size(),
                r.candidates().stream().filter(WhatIf.IndexCandidate::existing).count(), tables.size(),
                total / 1048576.0, matrix.costs().size());
        System.out.printf(Locale.ROOT, "  candidate selection: %.1f s, %d what-if calls; recording: %.1f s, %d what-if"
                + " calls; total %.1f s, %d calls%n", selectS, selectCalls, recordS, live.calls() - selectCalls,
                selectS + recordS, live.calls());
        new LinkedHashSet<>(kept).forEach(k -> System.err.println("kept " + k + " " + byId.get(k).sizeBytes()));
    }
}
