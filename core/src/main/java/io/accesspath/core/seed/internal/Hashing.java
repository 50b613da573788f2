package io.accesspath.core.seed.internal;

import java.nio.charset.StandardCharsets;

/**
 * Stable 64-bit hashing for seeds: every random choice of the generator derives from the user's
 * seed and names (tables, columns, relationships) through these functions, never from
 * {@link String#hashCode()} or identity hashes, so the data is the same on every JVM.
 */
public final class Hashing {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hashing() {
    }

    /** SplitMix64's finalizer: a bijective mix of 64 bits with full avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A hash of two values; order matters. */
    public static long combine(long a, long b) {
        return mix(a * GOLDEN + mix(b + GOLDEN));
    }

    /** FNV-1a over the UTF-8 bytes of {@code text}, then mixed. */
    public static long of(String text) {
        long h = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    /** A seed for something named {@code name} under {@code parent}. */
    public static long derive(long parent, String name) {
        return combine(parent, of(name));
    }
}
