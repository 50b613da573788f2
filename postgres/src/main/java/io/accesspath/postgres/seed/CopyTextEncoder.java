package io.accesspath.postgres.seed;

import io.accesspath.core.seed.ByteSink;
import io.accesspath.core.seed.Row;
import io.accesspath.core.seed.RowEncoder;
import io.accesspath.core.seed.SeedColumn;
import io.accesspath.core.seed.ValueKind;
import io.accesspath.core.seed.ValueText;
import java.util.List;

/**
 * Rows in PostgreSQL's text COPY format (what {@code COPY ... FROM stdin} reads in a psql
 * script): tab-separated fields, {@code \N} for NULL, backslash escapes for backslash, tab,
 * newline and carriage return.
 */
final class CopyTextEncoder implements RowEncoder {
    private static final ThreadLocal<StringBuilder> SCRATCH = ThreadLocal.withInitial(() -> new StringBuilder(64));

    private final List<SeedColumn> columns;
    private final int[] projection;

    CopyTextEncoder(List<SeedColumn> columns, int[] projection) {
        this.columns = List.copyOf(columns);
        this.projection = projection.clone();
    }

    @Override
    public void encode(Row row, ByteSink out) {
        StringBuilder scratch = SCRATCH.get();
        for (int i = 0; i < projection.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            int c = projection[i];
            if (row.isNull(c)) {
                out.write('\\');
                out.write('N');
                continue;
            }
            SeedColumn column = columns.get(c);
            if (column.kind() == ValueKind.TEXT || column.kind() == ValueKind.JSON) {
                escaped(row.text(c), out);
            } else {
                scratch.setLength(0);
                ValueText.append(row, c, column, scratch);
                escaped(scratch, out);
            }
        }
        out.write('\n');
    }

    private static void escaped(CharSequence s, ByteSink out) {
        int from = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            char escape = switch (ch) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                default -> 0;
            };
            if (escape != 0) {
                out.writeUtf8(s.subSequence(from, i));
                out.write('\\');
                out.write(escape);
                from = i + 1;
            }
        }
        if (from == 0) {
            out.writeUtf8(s);
        } else {
            out.writeUtf8(s.subSequence(from, n));
        }
    }
}
