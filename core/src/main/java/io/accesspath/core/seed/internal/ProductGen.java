package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A line amount that is its quantity times its unit price, as it is in real order lines (found
 * by name: {@code amount} next to {@code quantity} and {@code unit_price}), within the column's
 * bounds.
 */
final class ProductGen implements ColumnGen {
    private final int[] slots;
    private final int[] reads;
    private final int quantityScale;
    private final int priceScale;
    private final int scale;
    private final long lo;
    private final long hi;

    /**
     * @param lo the smallest allowed amount, in units of the amount's scale
     * @param hi the largest allowed amount, in units of the amount's scale
     */
    ProductGen(int slot, int scale, int quantitySlot, int quantityScale, int priceSlot, int priceScale, long lo,
               long hi) {
        this.slots = new int[] {slot};
        this.reads = new int[] {quantitySlot, priceSlot};
        this.scale = scale;
        this.quantityScale = quantityScale;
        this.priceScale = priceScale;
        this.lo = lo;
        this.hi = hi;
    }

    @Override
    public int[] slots() {
        return slots.clone();
    }

    @Override
    public int[] reads() {
        return reads.clone();
    }

    @Override
    public void fill(RowContext ctx, Row row) {
        if (row.isNull(reads[0]) || row.isNull(reads[1])) {
            row.setNull(slots[0]);
            return;
        }
        long q = row.longValue(reads[0]);
        long p = row.longValue(reads[1]);
        long units;
        if (quantityScale == 0 && priceScale == scale && Math.abs(q) < Integer.MAX_VALUE
                && Math.abs(p) < Long.MAX_VALUE / Integer.MAX_VALUE) {
            units = q * p;
        } else {
            units = BigDecimal.valueOf(q, quantityScale).multiply(BigDecimal.valueOf(p, priceScale))
                    .setScale(scale, RoundingMode.HALF_UP).unscaledValue().longValue();
        }
        row.setLong(slots[0], Math.min(Math.max(units, lo), hi));
    }
}
