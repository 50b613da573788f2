package io.accesspath.core.seed;

import java.util.List;

/**
 * Rows as CSV (RFC 4180, UTF-8, LF line ends) that PostgreSQL's
 * {@code COPY ... (FORMAT csv, HEADER true)} reads: NULL is an empty unquoted field, an empty
 * string is {@code ""}, fields holding a comma, quote or line break are quoted with quotes
 * doubled. The header row names the columns.
 */
public final class CsvEncoder implements RowEncoder {
    private final List<SeedColumn> columns;
    private final int[] projection;

    /**
     * @param projection the slots of the row to write, in order (a subset of the table's columns)
     */
    public CsvEncoder(List<SeedColumn> columns, int[] projection) {
        this.columns = List.copyOf(columns);
        this.projection = projection.clone();
    }

    @Override
    public void begin(ByteSink out) {
        for (int i = 0; i < projection.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            field(columns.get(projection[i]).name(), out);
        }
        out.write('\n');
    }

    @Override
    public void encode(Row row, ByteSink out) {
        StringBuilder scratch = SCRATCH.get();
        for (int i = 0; i < projection.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            int c = projection[i];
            if (row.isNull(c)) {
                continue;
            }
            SeedColumn column = columns.get(c);
            if (column.kind() == ValueKind.TEXT || column.kind() == ValueKind.JSON) {
                field(row.text(c), out);
            } else {
                scratch.setLength(0);
                ValueText.append(row, c, column, scratch);
                field(scratch, out);
            }
        }
        out.write('\n');
    }

    private static final ThreadLocal<StringBuilder> SCRATCH = ThreadLocal.withInitial(() -> new StringBuilder(64));

    private static void field(CharSequence s, ByteSink out) {
        if (!needsQuotes(s)) {
            out.writeUtf8(s);
            return;
        }
        out.write('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '"') {
                out.writeUtf8(s.subSequence(from, i + 1));
                out.write('"');
                from = i + 1;
            }
        }
        out.writeUtf8(s.subSequence(from, s.length()));
        out.write('"');
    }

    private static boolean needsQuotes(CharSequence s) {
        if (s.length() == 0) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
