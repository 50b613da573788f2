package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/**
 * Ranges [lower, upper): a lower bound from the element's source, then a length. Bounds are
 * held in the element's long form (integers, unscaled decimals, days, microseconds).
 */
final class RangeSource implements ValueSource {
    private final ValueSource lower;
    private final Distribution length;

    RangeSource(ValueSource lower, Distribution length) {
        this.lower = lower;
        this.length = length;
    }

    @Override
    public void write(RowContext ctx, Rng rng, Row row, int slot) {
        lower.write(ctx, rng, row, slot);
        long lo = row.longValue(slot);
        row.setLongs(slot, lo, lo + Math.max(1, Math.round(length.sampleWithin(rng))));
    }

    @Override
    public void writeUnique(RowContext ctx, Rng rng, Row row, int slot, long u, long domain, boolean group) {
        lower.writeUnique(ctx, rng, row, slot, u, domain, group);
        long lo = row.longValue(slot);
        row.setLongs(slot, lo, lo + Math.max(1, Math.round(length.sampleWithin(rng))));
    }

    @Override
    public long uniqueDomain() {
        return lower.uniqueDomain();
    }
}
