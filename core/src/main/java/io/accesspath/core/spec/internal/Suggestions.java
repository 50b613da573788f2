package io.accesspath.core.spec.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" hints: the closest valid name by edit distance (with transpositions). */
public final class Suggestions {
    private Suggestions() {}

    /**
     * The candidate closest to {@code input}, if one is close enough to be a plausible typo:
     * at most one edit for short words, two from six letters, three from nine, and fewer edits
     * than the input has letters. Ties go to the first candidate.
     */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String typed = input.toLowerCase(Locale.ROOT);
        int limit = Math.min(typed.length() - 1, Math.max(1, Math.min(3, typed.length() / 3)));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(typed, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance && !candidate.equals(input)) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** {@code did you mean 'x'?} for the closest candidate, if any is close. */
    public static Optional<String> didYouMean(String input, Collection<String> candidates) {
        return closest(input, candidates).map(c -> "did you mean '" + c + "'?");
    }

    /**
     * A hint for a value that must be one of {@code candidates}: the closest one, else the
     * whole list.
     */
    public static String oneOf(String input, Collection<String> candidates) {
        return didYouMean(input, candidates).orElse("expected one of " + String.join(", ", candidates));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
