package io.accesspath.core.seed.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * When rows were created: a density over the history before the reference instant, made of
 * hourly bins weighted by a growth curve (more rows recently), the day of the week and the hour
 * of the day (UTC). {@link #at(double)} is its inverse distribution function, so a uniform
 * fraction becomes a realistic instant and increasing fractions give increasing instants.
 */
public final class Timeline {
    static final long HOUR_MICROS = 3_600_000_000L;
    /** Relative activity per UTC hour: quiet at night, busiest in the evening. */
    private static final double[] HOURLY = {0.35, 0.25, 0.2, 0.18, 0.2, 0.3, 0.5, 0.8, 1.0, 1.15, 1.2, 1.25, 1.3,
            1.3, 1.25, 1.2, 1.2, 1.25, 1.35, 1.45, 1.4, 1.2, 0.9, 0.6};
    /** Relative activity Monday to Sunday. */
    private static final double[] WEEKLY = {1.0, 1.02, 1.0, 0.98, 0.95, 0.8, 0.78};

    private final long startMicros;
    private final double[] cumulative;
    private final double[] weights;

    /**
     * @param end     the reference instant (the history ends there)
     * @param days    the length of the history, at least 1
     * @param ramp    the growth curve: density proportional to {@code ramp + x} at fraction x of the
     *                history (smaller means steeper growth); {@link Double#POSITIVE_INFINITY} for a
     *                flat history (rows kept for a retention window)
     */
    public Timeline(Instant end, int days, double ramp) {
        if (days < 1) {
            throw new IllegalArgumentException("a history needs at least one day: " + days);
        }
        long endMicros = end.getEpochSecond() * 1_000_000L + end.getNano() / 1000;
        int bins = days * 24;
        this.startMicros = endMicros - bins * HOUR_MICROS;
        this.weights = new double[bins];
        this.cumulative = new double[bins + 1];
        for (int b = 0; b < bins; b++) {
            long binStart = startMicros + b * HOUR_MICROS;
            Instant at = Instant.ofEpochSecond(Math.floorDiv(binStart, 1_000_000L));
            var utc = at.atOffset(ZoneOffset.UTC);
            double x = (b + 0.5) / bins;
            double growth = Double.isInfinite(ramp) ? 1 : ramp + x;
            DayOfWeek dow = utc.getDayOfWeek();
            weights[b] = growth * WEEKLY[dow.getValue() - 1] * HOURLY[utc.getHour()];
            cumulative[b + 1] = cumulative[b] + weights[b];
        }
    }

    /** The start of the history, in microseconds since the epoch. */
    public long startMicros() {
        return startMicros;
    }

    /** The end of the history (the reference instant), in microseconds since the epoch. */
    public long endMicros() {
        return startMicros + weights.length * HOUR_MICROS;
    }

    /** The instant (microseconds since the epoch) below which a share {@code fraction} of rows lie. */
    public long at(double fraction) {
        double f = Math.min(Math.max(fraction, 0), Math.nextDown(1.0));
        double target = f * cumulative[weights.length];
        int lo = 0;
        int hi = weights.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cumulative[mid] <= target) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        double within = (target - cumulative[lo]) / weights[lo];
        long offset = (long) (Math.min(Math.max(within, 0), 1) * (HOUR_MICROS - 1));
        return startMicros + lo * HOUR_MICROS + offset;
    }
}
