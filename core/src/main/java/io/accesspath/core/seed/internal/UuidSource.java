package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/** Random version-4 UUIDs; unique ones carry a bijection of the unique number in their low bits. */
final class UuidSource implements ValueSource {
    private final Permutation lowBits;

    UuidSource(long key) {
        this.lowBits = new Permutation(1L << 62, key);
    }

    @Override
    public void write(RowContext ctx, Rng rng, Row row, int slot) {
        row.setLongs(slot, version4(rng.nextLong()), variant(rng.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL));
    }

    @Override
    public void writeUnique(RowContext ctx, Rng rng, Row row, int slot, long u, long domain, boolean group) {
        row.setLongs(slot, version4(rng.nextLong()), variant(lowBits.apply(u)));
    }

    @Override
    public long uniqueDomain() {
        return Long.MAX_VALUE;
    }

    private static long version4(long hi) {
        return (hi & 0xFFFF_FFFF_FFFF_0FFFL) | 0x0000_0000_0000_4000L;
    }

    private static long variant(long lo) {
        return 0x8000_0000_0000_0000L | lo;
    }
}
