package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Collects every problem found in a spec, so that all are reported at once. */
public final class Problems {
    private static final Comparator<Problem> BY_POSITION =
            Comparator.comparingInt((Problem p) -> p.loc().line()).thenComparingInt(p -> p.loc().column());

    private final Set<Problem> found = new LinkedHashSet<>();

    public void add(Loc loc, String message) {
        found.add(Problem.of(loc, message));
    }

    public void add(Loc loc, String message, Optional<String> hint) {
        found.add(new Problem(loc, message, hint));
    }

    public void add(Loc loc, String message, String hint) {
        found.add(Problem.of(loc, message, hint));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int size() {
        return found.size();
    }

    /** The problems in file order (a stable sort: same position keeps the order found). */
    public List<Problem> sorted() {
        return found.stream().sorted(BY_POSITION).toList();
    }

    /** Throws a {@link UserError} listing every problem, if there is any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new UserError(sorted(), UserError.INVALID_INPUT);
        }
    }
}
