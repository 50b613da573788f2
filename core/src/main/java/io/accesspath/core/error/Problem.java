package io.accesspath.core.error;

import java.util.Optional;

/**
 * One thing wrong with a user's input, located where it was found.
 *
 * @param loc     where (file:line:column)
 * @param message what is wrong, in one line
 * @param hint    what to do about it (a suggestion such as "did you mean 'status'?"), if any
 */
public record Problem(Loc loc, String message, Optional<String> hint) {
    public Problem {
        if (message.contains("\n")) {
            throw new IllegalArgumentException("a problem message is one line: " + message);
        }
    }

    public static Problem of(Loc loc, String message) {
        return new Problem(loc, message, Optional.empty());
    }

    public static Problem of(Loc loc, String message, String hint) {
        return new Problem(loc, message, Optional.ofNullable(hint));
    }

    /** The line printed for the user: {@code file:line:column: message; hint}. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        String where = loc.toString();
        if (!where.isEmpty()) {
            sb.append(where).append(": ");
        }
        sb.append(message);
        hint.ifPresent(h -> sb.append("; ").append(h));
        return sb.toString();
    }
}
