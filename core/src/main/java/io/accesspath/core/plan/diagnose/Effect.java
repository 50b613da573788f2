package io.accesspath.core.plan.diagnose;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What removing the cause is expected to gain, from the plan's own figures.
 *
 * @param timeMs      milliseconds of the query the diagnosis accounts for (the time of the node
 *                    or nodes concerned; how it is counted is documented per rule in
 *                    docs/plans.md); empty without timing
 * @param timeShare   {@code timeMs} over the query's execution time (planning time for
 *                    planning-dominates), from 0 to 1
 * @param rowsAvoided rows the plan would no longer read or produce, where that is known
 * @param summary     the effect in a sentence
 */
public record Effect(OptionalDouble timeMs, OptionalDouble timeShare, OptionalDouble rowsAvoided, String summary) {

    public Effect {
        Objects.requireNonNull(timeMs, "timeMs");
        Objects.requireNonNull(timeShare, "timeShare");
        Objects.requireNonNull(rowsAvoided, "rowsAvoided");
        Objects.requireNonNull(summary, "summary");
    }
}
