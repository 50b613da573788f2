package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/**
 * Integers and exact decimals: a distribution limited to the intersection of the type's range,
 * the declared check and the generate knobs, rounded to the column's scale. Unique values count
 * up from 1 (or from the lower bound when 1 is outside it), one unit of the scale apart.
 */
final class NumberSource implements ValueSource {
    private final Distribution distribution;
    private final long unit;
    private final long loUnits;
    private final long hiUnits;

    private final long firstUnique;

    /**
     * @param scale   digits after the point (0 for integers)
     * @param loUnits the smallest allowed value, in units of 10^-scale
     * @param hiUnits the largest allowed value, in units of 10^-scale
     */
    NumberSource(Distribution distribution, int scale, long loUnits, long hiUnits) {
        this.distribution = distribution;
        long u = 1;
        for (int i = 0; i < scale; i++) {
            u *= 10;
        }
        this.unit = u;
        this.loUnits = loUnits;
        this.hiUnits = hiUnits;
        this.firstUnique = loUnits <= unit && unit <= hiUnits ? unit : loUnits;
    }

    @Override
    public void write(RowContext ctx, Rng rng, Row row, int slot) {
        double v = distribution.sampleWithin(rng);
        long units = Math.round(v * unit);
        row.setLong(slot, Math.min(Math.max(units, loUnits), hiUnits));
    }

    @Override
    public void writeUnique(RowContext ctx, Rng rng, Row row, int slot, long u, long domain, boolean group) {
        row.setLong(slot, firstUnique + u);
    }

    /** The smallest allowed value, in units of the scale. */
    long lowest() {
        return loUnits;
    }

    /** The largest allowed value, in units of the scale. */
    long highest() {
        return hiUnits;
    }

    @Override
    public long uniqueDomain() {
        long span = hiUnits - firstUnique;
        return span < 0 || span == Long.MAX_VALUE ? Long.MAX_VALUE : span + 1;
    }
}
