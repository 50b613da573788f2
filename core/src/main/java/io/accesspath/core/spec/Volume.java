package io.accesspath.core.spec;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * How many rows an entity holds now, how fast it grows and how long rows are kept.
 *
 * @param rows          rows now (if unknown: derived from relationships' fan-out, or 1000)
 * @param growthPerDay  new rows per day
 * @param retentionDays rows older than this many days are removed
 * @param timeAttribute the attribute that dates a row (for growth curves and retention)
 */
public record Volume(OptionalLong rows, double growthPerDay, OptionalLong retentionDays,
                     Optional<String> timeAttribute) {
    public static final Volume UNKNOWN = new Volume(OptionalLong.empty(), 0, OptionalLong.empty(), Optional.empty());
}
