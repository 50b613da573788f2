package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/**
 * Timestamps and dates. A timestamp is drawn from the entity's {@link Timeline}; the attribute
 * that dates the row increases with the row index in tables that are not grouped (as rows
 * inserted over time get increasing ids). A value declared {@code after} another comes a
 * log-normal delay later and never after the reference instant: a value that would is left
 * NULL (not shipped yet) or, when required, set to the reference instant. Unique values are
 * spaced evenly back from the reference instant, or increase through the history within a
 * group (the readings of one device).
 */
final class TimeSource implements ValueSource {
    static final long DAY_MICROS = 86_400_000_000L;

    private final Timeline timeline;
    private final boolean date;
    private final boolean monotone;
    private final long rows;
    private final int afterSlot;
    private final boolean afterIsDate;
    private final Distribution delayHours;
    private final boolean nullable;

    /**
     * @param date       write a date (days) instead of an instant
     * @param monotone   increase with the row index (the table's time attribute)
     * @param rows       the table's rows, for monotone values
     * @param afterSlot  the slot of the value this one comes after, -1 for none
     * @param delayHours the delay after it, in hours
     */
    TimeSource(Timeline timeline, boolean date, boolean monotone, long rows, int afterSlot, boolean afterIsDate,
               Distribution delayHours, boolean nullable) {
        this.timeline = timeline;
        this.date = date;
        this.monotone = monotone;
        this.rows = rows;
        this.afterSlot = afterSlot;
        this.afterIsDate = afterIsDate;
        this.delayHours = delayHours;
        this.nullable = nullable;
    }

    @Override
    public int[] reads() {
        return afterSlot < 0 ? new int[0] : new int[] {afterSlot};
    }

    @Override
    public void write(RowContext ctx, Rng rng, Row row, int slot) {
        long micros;
        if (afterSlot >= 0 && !row.isNull(afterSlot)) {
            long base = row.longValue(afterSlot) * (afterIsDate ? DAY_MICROS : 1);
            micros = base + (long) (delayHours.sampleWithin(rng) * Timeline.HOUR_MICROS);
            if (micros >= timeline.endMicros()) {
                if (nullable) {
                    row.setNull(slot);
                    return;
                }
                micros = timeline.endMicros() - 1;
            }
        } else if (monotone) {
            micros = timeline.at((ctx.row + rng.nextDouble()) / rows);
        } else {
            micros = timeline.at(rng.nextDouble());
        }
        set(row, slot, micros);
    }

    @Override
    public void writeUnique(RowContext ctx, Rng rng, Row row, int slot, long u, long domain, boolean group) {
        if (group) {
            set(row, slot, timeline.at((u + 0.25 + 0.5 * rng.nextDouble()) / domain));
            return;
        }
        long end = timeline.endMicros();
        if (date) {
            row.setLong(slot, Math.floorDiv(end, DAY_MICROS) - 1 - u);
        } else {
            long step = Math.max(1, (end - timeline.startMicros()) / Math.max(1, domain));
            row.setLong(slot, end - 1 - u * step);
        }
    }

    @Override
    public long uniqueDomain() {
        return date ? 200L * 365 : timeline.endMicros() - timeline.startMicros();
    }

    private void set(Row row, int slot, long micros) {
        row.setLong(slot, date ? Math.floorDiv(micros, DAY_MICROS) : micros);
    }
}
