package io.accesspath.core.error;

import java.util.List;

/**
 * An error the user can cause and fix: bad spec, bad SQL, bad plan, bad flag, unreachable
 * database. The CLI prints {@link #problems()} one per line, without a stack trace, and exits
 * with {@link #exitCode()}.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code for invalid input (spec, flags, SQL, plans). */
    public static final int INVALID_INPUT = 2;
    /** Exit code for a database that cannot be reached or that refused the work. */
    public static final int DATABASE = 3;
    /** Exit code for an I/O failure (a file that cannot be read or written). */
    public static final int IO = 4;

    private final List<Problem> problems;
    private final int exitCode;

    public UserError(List<Problem> problems, int exitCode) {
        super(problems.isEmpty() ? "error" : problems.get(0).render());
        this.problems = List.copyOf(problems);
        this.exitCode = exitCode;
    }

    public UserError(List<Problem> problems, int exitCode, Throwable cause) {
        super(problems.isEmpty() ? "error" : problems.get(0).render(), cause);
        this.problems = List.copyOf(problems);
        this.exitCode = exitCode;
    }

    public static UserError invalid(Loc loc, String message, String hint) {
        return new UserError(List.of(Problem.of(loc, message, hint)), INVALID_INPUT);
    }

    public static UserError invalid(String message) {
        return new UserError(List.of(Problem.of(Loc.NONE, message)), INVALID_INPUT);
    }

    public static UserError database(String message, Throwable cause) {
        return new UserError(List.of(Problem.of(Loc.NONE, message)), DATABASE, cause);
    }

    public static UserError io(String message, Throwable cause) {
        return new UserError(List.of(Problem.of(Loc.NONE, message)), IO, cause);
    }

    public List<Problem> problems() {
        return problems;
    }

    public int exitCode() {
        return exitCode;
    }
}
