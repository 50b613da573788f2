package io.accesspath.core.seed.internal;

/**
 * Makes realistic text of one shape (a person's name, an email address, sentences, a slug, a
 * code) from value pools built once, so a row costs a few random draws and appends.
 */
interface TextGen {
    /** Appends a value. */
    void append(StringBuilder sb, Rng rng);

    /** Appends a value that contains {@code token}; by default the value, a separator, the token. */
    default void appendWithToken(StringBuilder sb, Rng rng, String token) {
        append(sb, rng);
        sb.append(separator()).append(token);
    }

    /** What joins a value and a unique token. */
    default String separator() {
        return "-";
    }

    /** Whether tokens are upper case (codes) or lower case. */
    default boolean upperToken() {
        return false;
    }

    /** The fewest digits of a unique token (codes look alike: PRD-000042). */
    default int minTokenWidth() {
        return 1;
    }

    /** For pools: how many different values there are (0 for composed text). */
    default int poolSize() {
        return 0;
    }

    /** For pools: appends value number {@code index}. */
    default void appendPoolValue(StringBuilder sb, int index) {
        throw new UnsupportedOperationException("not a pool");
    }
}
