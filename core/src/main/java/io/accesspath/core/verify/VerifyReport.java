package io.accesspath.core.verify;

import io.accesspath.core.design.Design;
import io.accesspath.core.design.PatternAccess;
import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.diagnose.Diagnosis;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What verify found: for every scale measured, every access pattern's plans, latencies and
 * verdict against the design's expectation and the pattern's latency target; how each pattern
 * grows with the data; and the measured cost of writes.
 *
 * @param design   the design verified
 * @param target   where (the embedded server, or the URL without password)
 * @param scales   the scales measured, smallest first
 * @param patterns one result per access pattern, in spec order
 * @param writes   write measurements, per table and kind
 * @param seconds  wall time of the whole verification
 */
public record VerifyReport(Design design, String target, List<Scale> scales, List<PatternResult> patterns,
                           List<WriteMeasurement> writes, double seconds) {

    public VerifyReport {
        scales = List.copyOf(scales);
        patterns = List.copyOf(patterns);
        writes = List.copyOf(writes);
    }

    /** Whether every pattern passed. */
    public boolean passed() {
        return patterns.stream().allMatch(p -> p.status() != Status.FAIL);
    }

    public long failures() {
        return patterns.stream().filter(p -> p.status() == Status.FAIL).count();
    }

    /** A pattern's verdict. */
    public enum Status {
        PASS, WARN, FAIL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One scale: the fraction of the declared volume loaded and the rows each table held.
     *
     * @param seedSeconds seconds to generate and load it (0 for a database verify did not load)
     */
    public record Scale(double scale, Map<String, Long> rows, double seedSeconds) {
        public Scale {
            rows = Map.copyOf(rows);
        }

        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * One access pattern, everywhere it was measured.
     *
     * @param runs     per scale, smallest first
     * @param problems why it fails or warns, one sentence each (the plan node and the cause where
     *                 the plan is at fault)
     * @param growth   how it changes with the data, when more than one scale was measured
     */
    public record PatternResult(String pattern, double frequency, OptionalDouble targetP95Ms, PatternAccess expected,
                                String sql, List<Run> runs, Status status, List<String> problems,
                                Optional<Growth> growth) {
        public PatternResult {
            runs = List.copyOf(runs);
            problems = List.copyOf(problems);
        }

        /** The run at the largest scale. */
        public Run last() {
            return runs.get(runs.size() - 1);
        }
    }

    /**
     * A pattern at one scale.
     *
     * @param tableRows rows of the pattern's table at this scale
     * @param variants  each parameter variant: its plan and timings
     * @param p50Ms     median latency over every execution of every variant
     * @param p95Ms     95th percentile
     * @param maxMs     slowest execution
     * @param executions executions timed
     */
    public record Run(double scale, long tableRows, List<VariantRun> variants, double p50Ms, double p95Ms, double maxMs,
                      int executions, Optional<Generic> generic) {
        public Run {
            variants = List.copyOf(variants);
        }

        /** Whether every variant's plan matched the expected one. */
        public boolean planMatches() {
            return variants.stream().allMatch(v -> v.verdict().matches());
        }
    }

    /**
     * The plan a prepared statement gets once the server plans it for any value (a generic plan),
     * run with the values of the heaviest variant.
     *
     * @param variant  the variant whose values were used
     * @param plan     the plan, empty when it ran out of time
     * @param verdict  the plan compared with the expected one, when it finished
     * @param timeoutMs the time it was allowed
     */
    public record Generic(String variant, Optional<Plan> plan, Optional<PlanCheck.Verdict> verdict, long timeoutMs) {
        /** Whether the generic plan is as good as the expected one. */
        public boolean ok() {
            return plan.isPresent() && verdict.map(PlanCheck.Verdict::matches).orElse(false);
        }
    }

    /**
     * One parameter variant at one scale.
     *
     * @param label      {@code hot/narrow}, {@code cold/wide}, {@code next page}, ...
     * @param parameters the values used, as text, by parameter name
     * @param plan       the EXPLAIN ANALYZE plan
     * @param verdict    the plan compared with the expected one
     * @param diagnoses  what the analyzer found in the plan
     * @param p95Ms      this variant's 95th percentile latency
     * @param rows       rows returned
     */
    public record VariantRun(String label, Map<String, String> parameters, Plan plan, PlanCheck.Verdict verdict,
                             List<Diagnosis> diagnoses, double p95Ms, long rows, long buffers) {
        public VariantRun {
            parameters = Map.copyOf(parameters);
            diagnoses = List.copyOf(diagnoses);
        }
    }

    /**
     * How a pattern changes with the data.
     *
     * @param planFlips       whether the plan's access paths differ between scales
     * @param exponent        latency grows as rows^exponent between the scales measured (0: flat,
     *                        1: linear)
     * @param declaredRows    rows of the pattern's table at the declared volume
     * @param predictedP95Ms  the p95 expected at the declared volume, by that growth
     * @param summary         one sentence for people
     */
    public record Growth(boolean planFlips, double exponent, long declaredRows, double predictedP95Ms, String summary) {}
}
