package io.accesspath.core.seed.internal;

/**
 * A keyed pseudo-random bijection of [0, n): a four-round balanced Feistel network over the
 * smallest even number of bits covering n, with cycle walking to stay inside [0, n). It needs no
 * memory however large n is, and {@link #inverse(long)} undoes {@link #apply(long)}.
 *
 * <p>Used to map Zipf ranks to row ids (so the hottest parents are not simply the lowest ids) and
 * to embed the row index into unique values without collisions.
 */
public final class Permutation {
    private static final int ROUNDS = 4;

    private final long n;
    private final int halfBits;
    private final long halfMask;
    private final long[] keys = new long[ROUNDS];

    public Permutation(long n, long key) {
        if (n < 1) {
            throw new IllegalArgumentException("a permutation needs at least one element: " + n);
        }
        this.n = n;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(n - 1));
        this.halfBits = (bits + 1) / 2;
        this.halfMask = (1L << halfBits) - 1;
        for (int r = 0; r < ROUNDS; r++) {
            keys[r] = Hashing.combine(key, r);
        }
    }

    public long size() {
        return n;
    }

    /** The image of {@code x} in [0, n). */
    public long apply(long x) {
        check(x);
        long y = encrypt(x);
        while (Long.compareUnsigned(y, n) >= 0) {
            y = encrypt(y);
        }
        return y;
    }

    /** The {@code x} with {@code apply(x) == y}. */
    public long inverse(long y) {
        check(y);
        long x = decrypt(y);
        while (Long.compareUnsigned(x, n) >= 0) {
            x = decrypt(x);
        }
        return x;
    }

    private long encrypt(long x) {
        long left = x >>> halfBits;
        long right = x & halfMask;
        for (int r = 0; r < ROUNDS; r++) {
            long next = left ^ (Hashing.mix(right ^ keys[r]) & halfMask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }

    private long decrypt(long y) {
        long left = y >>> halfBits;
        long right = y & halfMask;
        for (int r = ROUNDS - 1; r >= 0; r--) {
            long previous = right ^ (Hashing.mix(left ^ keys[r]) & halfMask);
            right = left;
            left = previous;
        }
        return (left << halfBits) | right;
    }

    private void check(long x) {
        if (x < 0 || x >= n) {
            throw new IndexOutOfBoundsException(x + " is outside [0, " + n + ")");
        }
    }
}
