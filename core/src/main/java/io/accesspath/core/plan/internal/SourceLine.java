package io.accesspath.core.plan.internal;

/**
 * One line of plan input after psql's decoration was taken off.
 *
 * @param number 1-based line number in the original input
 * @param offset characters taken off the start of the original line (for columns in errors)
 * @param text   the line's content
 */
record SourceLine(int number, int offset, String text) {

    /** 1-based column in the original line of {@code index} in {@link #text()}. */
    int column(int index) {
        return offset + index + 1;
    }

    /** Index of the first non-blank character, or the length when blank. */
    int indent() {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    boolean isBlank() {
        return text.isBlank();
    }
}
