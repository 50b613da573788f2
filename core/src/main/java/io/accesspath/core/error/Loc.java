package io.accesspath.core.error;

/**
 * A position in a user's input: file, 1-based line and 1-based column. {@link #NONE} where the
 * input has no position (a value built in code).
 */
public record Loc(String file, int line, int column) {
    public static final Loc NONE = new Loc("", 0, 0);

    public static Loc of(String file, int line, int column) {
        return new Loc(file, line, column);
    }

    public boolean isKnown() {
        return line > 0;
    }

    /** {@code file:line:column}, or just the file (or nothing) where the position is unknown. */
    @Override
    public String toString() {
        if (!isKnown()) {
            return file;
        }
        return file + ":" + line + ":" + column;
    }
}
