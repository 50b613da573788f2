package io.accesspath.core.plan.diagnose;

import java.util.Locale;
import java.util.OptionalDouble;

/** How much a diagnosis matters, from the share of the query's time it accounts for. */
public enum Severity {
    HIGH, MEDIUM, LOW;

    /** Share of the query's time from which a diagnosis is {@link #HIGH}. */
    public static final double HIGH_SHARE = 0.30;
    /** Share of the query's time from which a diagnosis is {@link #MEDIUM}. */
    public static final double MEDIUM_SHARE = 0.10;

    /**
     * HIGH from {@link #HIGH_SHARE}, MEDIUM from {@link #MEDIUM_SHARE}, LOW below; MEDIUM when the
     * share is unknown (a plan without timing).
     */
    public static Severity ofShare(OptionalDouble share) {
        if (share.isEmpty()) {
            return MEDIUM;
        }
        double s = share.getAsDouble();
        return s >= HIGH_SHARE ? HIGH : s >= MEDIUM_SHARE ? MEDIUM : LOW;
    }

    /** "high", "medium", "low". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
