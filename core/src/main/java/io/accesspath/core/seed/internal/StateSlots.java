package io.accesspath.core.seed.internal;

/** Hands out the indexes of per-pass state (cursors, caches) across the tables of one plan. */
final class StateSlots {
    private int count;

    int next() {
        return count++;
    }

    int count() {
        return count;
    }
}
