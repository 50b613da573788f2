package io.accesspath.bench;

import io.accesspath.core.advise.Advice;
import io.accesspath.core.advise.Advisor;
import io.accesspath.core.advise.Budget;
import io.accesspath.core.advise.CostMatrix;
import io.accesspath.core.advise.MatrixOptimum;
import io.accesspath.core.advise.WhatIf;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The index advisor on recorded cost matrices, at several storage budgets: its saving
 * (1 - relativeCost) against the optimal saving (exact branch and bound over the matrix,
 * {@link MatrixOptimum}) and against plain greedy benefit-per-byte, with its wall time and
 * what-if calls. Prints Markdown.
 *
 * <p>Arguments: matrix files or directories (default {@code bench/matrices}); {@code --budgets
 * 5%,10%,25%,50%,100%} (shares of the candidates' total size; plain numbers are MB);
 * {@code --runs N} timed runs per case, the median reported (default 3).
 */
public final class AdvisorBenchmark {
    private static final long OPTIMUM_NODES = 200_000_000L;

    private AdvisorBenchmark() {
    }

    record Row(String matrix, int queries, int candidates, String budget, double optimal, boolean optimumComplete,
            double advisor, double heuristic, double greedy, double advisorMs, long calls, boolean proven,
            double optimumMs, double noIndexSaving) {
    }

    public static void main(String[] args) throws IOException {
        List<Path> inputs = new ArrayList<>();
        String budgets = "5%,10%,25%,50%,100%";
        int runs = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--budgets" -> budgets = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> inputs.add(Path.of(args[i]));
            }
        }
        if (inputs.isEmpty()) {
            inputs.add(Path.of("bench/matrices"));
        }
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".json")).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        if (files.isEmpty()) {
            System.err.println("no matrices found in " + inputs + " (give matrix files or directories)");
            System.exit(2);
        }
        List<Row> rows = new ArrayList<>();
        for (Path f : files) {
            CostMatrix m;
            try {
                m = CostMatrix.read(f);
            } catch (UserError e) {
                e.problems().stream().map(Problem::render).forEach(System.err::println);
                System.exit(e.exitCode());
                return;
            }
            long total = m.candidates().stream().mapToLong(WhatIf.IndexCandidate::sizeBytes).sum();
            Advisor.advise(m, Budget.storage(total / 4));
            for (String b : budgets.split(",")) {
                String spec = b.strip();
                Budget budget = spec.endsWith("%")
                        ? Budget.storage((long) (Double.parseDouble(spec.substring(0, spec.length() - 1)) / 100 * total))
                        : Budget.megabytes(Double.parseDouble(spec));
                System.err.printf(Locale.ROOT, "%s at %s ...%n", f.getFileName(), spec);
                rows.add(measure(f, m, spec, budget, runs));
            }
        }
        print(rows, runs);
    }

    private static Row measure(Path file, CostMatrix m, String label, Budget budget, int runs) {
        long t0 = System.nanoTime();
        MatrixOptimum.Result opt = MatrixOptimum.solve(m, budget, OPTIMUM_NODES);
        double optMs = (System.nanoTime() - t0) / 1e6;
        Advice advice = null;
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            long s = System.nanoTime();
            advice = Advisor.advise(m, budget);
            ms[r] = (System.nanoTime() - s) / 1e6;
        }
        java.util.Arrays.sort(ms);
        Advice heuristic = Advisor.advise(m, budget, Advisor.Options.DEFAULT.heuristicOnly());
        Advice greedy = Advisor.greedy(m, budget);
        double baseline = advice.baselineCost();
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        String shown = label.endsWith("%") ? label + " (" + mb(budget.storageBytes()) + ")" : mb(budget.storageBytes());
        return new Row(name, m.queries().size(), m.candidates().size(), shown, saving(opt.cost(), baseline),
                opt.complete(), advice.saving(), heuristic.saving(), greedy.saving(), ms[runs / 2],
                advice.whatIfCalls(), advice.optimal(), optMs, saving(advice.noIndexCost(), baseline));
    }

    private static double saving(double cost, double baseline) {
        return baseline > 0 ? 1 - cost / baseline : 0;
    }

    private static void print(List<Row> rows, int runs) {
        System.out.println("| matrix | queries | candidates | budget | optimal saving | advisor saving | advisor / optimal"
                + " | heuristics alone / optimal | greedy saving | greedy / optimal | advisor ms (median of " + runs
                + ") | what-if calls | proved optimal | exact ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
        double worst = Double.POSITIVE_INFINITY;
        double worstHeuristic = Double.POSITIVE_INFINITY;
        int greedyShort = 0;
        for (Row r : rows) {
            double a = ratio(r.advisor(), r.optimal(), r.noIndexSaving());
            double h = ratio(r.heuristic(), r.optimal(), r.noIndexSaving());
            double g = ratio(r.greedy(), r.optimal(), r.noIndexSaving());
            worst = Math.min(worst, a);
            worstHeuristic = Math.min(worstHeuristic, h);
            if (g < 0.99) {
                greedyShort++;
            }
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %s | %s%s | %s | %s | %s | %s | %s | %.1f | %d | %s | %.1f |%n",
                    r.matrix(), r.queries(), r.candidates(), r.budget(), pct(r.optimal()),
                    r.optimumComplete() ? "" : " (node limit)", pct(r.advisor()), pct(a), pct(h), pct(r.greedy()),
                    pct(g), r.advisorMs(), r.calls(), r.proven() ? "yes" : "no", r.optimumMs());
        }
        System.out.printf(Locale.ROOT, "%nWorst advisor saving / optimal saving: %s (heuristics alone: %s) over %d"
                + " cases; greedy benefit-per-byte below 99%% of the optimum in %d of them.%n", pct(worst),
                pct(worstHeuristic), rows.size(), greedyShort);
    }

    /**
     * Saving as a share of the optimal saving. When the optimum saves nothing against the current
     * indexes (a budget smaller than what exists forces drops), both are measured from no index at
     * all instead ({@code floor}: the saving of no index, negative).
     */
    private static double ratio(double saving, double optimal, double floor) {
        if (optimal > 1e-12) {
            return saving / optimal;
        }
        if (optimal - floor <= 1e-12) {
            return 1;
        }
        return (saving - floor) / (optimal - floor);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
