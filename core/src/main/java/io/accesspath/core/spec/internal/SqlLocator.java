package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps positions inside a scalar's value (the SQL of a pattern) back to the file. The value
 * differs from the file's text only by indentation, line folding, quotes and escapes, so each
 * visible character of the value is matched to its next occurrence in the file from where the
 * scalar starts. This works for YAML block scalars ({@code |}, {@code >}), plain and quoted
 * scalars, and JSON strings alike.
 */
final class SqlLocator {
    /** How far ahead a character is looked for before giving up on the match (escapes such as \\u00e9). */
    private static final int WINDOW = 200;

    private final Source source;
    private final int[] lineStarts;
    private final int[] fileOffsets;
    private final List<Integer> valueLineStarts = new ArrayList<>();

    private SqlLocator(Source source, int[] lineStarts, int[] fileOffsets, String value) {
        this.source = source;
        this.lineStarts = lineStarts;
        this.fileOffsets = fileOffsets;
        valueLineStarts.add(0);
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '\n') {
                valueLineStarts.add(i + 1);
            }
        }
    }

    /** A locator for {@code value}, the text of the scalar that starts at {@code start}. */
    static SqlLocator of(Source source, Loc start, String value) {
        String text = source.text();
        int[] lineStarts = lineStarts(text);
        int pos = Math.min(text.length(), lineStarts[Math.max(0, Math.min(start.line(), lineStarts.length) - 1)]
                + Math.max(0, start.column() - 1));
        if (pos < text.length() && (text.charAt(pos) == '|' || text.charAt(pos) == '>')) {
            int newline = text.indexOf('\n', pos);
            pos = newline < 0 ? text.length() : newline + 1;
        }
        int[] offsets = new int[value.length()];
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                offsets[i] = -1;
                continue;
            }
            int found = indexWithin(text, c, pos);
            offsets[i] = found < 0 ? Math.min(pos, Math.max(0, text.length() - 1)) : found;
            if (found >= 0) {
                pos = found + 1;
            }
        }
        return new SqlLocator(source, lineStarts, offsets, value);
    }

    /** The file location of 1-based {@code line} and {@code column} inside the value (as a SQL parser counts them). */
    Loc loc(int line, int column) {
        return locAt(offset(line, column));
    }

    /** The 0-based offset inside the value of 1-based {@code line} and {@code column}. */
    int offset(int line, int column) {
        int lineIndex = Math.max(0, Math.min(line, valueLineStarts.size()) - 1);
        return valueLineStarts.get(lineIndex) + Math.max(0, column - 1);
    }

    /** The file location of a 0-based offset inside the value; blanks map to the next visible character. */
    Loc locAt(int offset) {
        if (fileOffsets.length == 0) {
            return source.loc(1, 1);
        }
        int i = Math.max(0, Math.min(offset, fileOffsets.length - 1));
        int j = i;
        while (j < fileOffsets.length && fileOffsets[j] < 0) {
            j++;
        }
        if (j == fileOffsets.length) {
            j = i;
            while (j > 0 && fileOffsets[j] < 0) {
                j--;
            }
        }
        int fileOffset = Math.max(0, fileOffsets[j]);
        int lineIndex = lineOf(fileOffset);
        return source.loc(lineIndex + 1, fileOffset - lineStarts[lineIndex] + 1);
    }

    /** The location of the end of the value (its last visible character). */
    Loc end() {
        return locAt(fileOffsets.length - 1);
    }

    private int lineOf(int offset) {
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private static int indexWithin(String text, char c, int from) {
        int limit = Math.min(text.length(), from + WINDOW);
        for (int i = from; i < limit; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
