package io.accesspath.core.plan.diagnose;

import java.util.List;
import java.util.Objects;

/**
 * The plan figures that triggered a diagnosis, as data and as one sentence.
 *
 * @param facts   the figures, each named like the EXPLAIN field it comes from ("Rows Removed by
 *                Filter", "Sort Space Used") or, for derived figures, in the same style
 *                ("Removed Share", "Estimate Factor")
 * @param summary the figures in a sentence
 */
public record Evidence(List<Fact> facts, String summary) {

    public Evidence {
        facts = List.copyOf(facts);
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * One figure.
     *
     * @param name  what it is
     * @param value its value
     * @param unit  "rows", "ms", "kB", "blocks", "loops", "share" (0 to 1), "factor", "count"
     */
    public record Fact(String name, double value, String unit) {
        public Fact {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
        }
    }
}
