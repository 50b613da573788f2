package io.accesspath.core.plan.diagnose;

import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanMetrics;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A plan with its metrics and what the rules found in it. Made by {@link PlanAnalyzer}; rendered
 * by {@link PlanReport}.
 *
 * @param plan      the plan
 * @param metrics   per-node exclusive time, estimate factors, removed rows, buffers
 * @param diagnoses the problems found, ranked by the time they account for (most first)
 * @param notes     what limited the analysis (no ANALYZE, no timing, no BUFFERS), for people
 */
public record Analysis(Plan plan, PlanMetrics metrics, List<Diagnosis> diagnoses, List<String> notes) {

    public Analysis {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(metrics, "metrics");
        diagnoses = List.copyOf(diagnoses);
        notes = List.copyOf(notes);
    }

    /** The execution time: "Execution Time", else the root node's time; empty without ANALYZE. */
    public OptionalDouble executionTime() {
        OptionalDouble exec = plan.executionTime();
        return exec.isPresent() ? exec : metrics.of(plan.root()).inclusiveTime();
    }
}
