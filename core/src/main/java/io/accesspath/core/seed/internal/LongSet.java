package io.accesspath.core.seed.internal;

import java.util.Arrays;

/** An open-addressing set of non-negative longs (no boxing), for distinct draws within a group. */
final class LongSet {
    private static final long EMPTY = -1;
    private long[] table = new long[16];
    private int size;

    LongSet() {
        Arrays.fill(table, EMPTY);
    }

    int size() {
        return size;
    }

    void clear() {
        if (table.length > 1024) {
            table = new long[16];
        }
        Arrays.fill(table, EMPTY);
        size = 0;
    }

    boolean contains(long v) {
        int mask = table.length - 1;
        for (int i = (int) Hashing.mix(v) & mask; ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                return false;
            }
            if (table[i] == v) {
                return true;
            }
        }
    }

    /** Adds {@code v} (>= 0); false if it was there. */
    boolean add(long v) {
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        int mask = table.length - 1;
        for (int i = (int) Hashing.mix(v) & mask; ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                table[i] = v;
                size++;
                return true;
            }
            if (table[i] == v) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        Arrays.fill(table, EMPTY);
        size = 0;
        for (long v : old) {
            if (v != EMPTY) {
                add(v);
            }
        }
    }
}
