package io.accesspath.core.seed;

/**
 * The text form of generated values, as SQL literals spell them and PostgreSQL's COPY and CSV
 * input read them: {@code 12.50}, {@code 2025-03-04 17:05:09.123456+00}, {@code 2025-03-04},
 * {@code (4.35,50.85)}, <code>{a,b}</code>, {@code [1,5)}. Formatting writes into a reused
 * builder without allocating per value.
 */
public final class ValueText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private ValueText() {
    }

    /** Appends the text of column {@code c} of {@code row} (which must not be NULL). */
    public static void append(Row row, int c, SeedColumn column, StringBuilder sb) {
        switch (column.kind()) {
            case INT2, INT4, INT8 -> sb.append(row.longValue(c));
            case NUMERIC -> decimal(row.longValue(c), column.scale(), sb);
            case FLOAT8 -> sb.append(row.x(c));
            case BOOL -> sb.append(row.longValue(c) != 0 ? "true" : "false");
            case TEXT, JSON -> sb.append(row.text(c));
            case DATE -> date(row.longValue(c), sb);
            case TIMESTAMPTZ -> timestamp(row.longValue(c), sb);
            case UUID -> uuid(row.longValue(c), row.secondLong(c), sb);
            case POINT -> sb.append('(').append(row.x(c)).append(',').append(row.y(c)).append(')');
            case ARRAY -> array(row.object(c), sb);
            case RANGE -> range(row.longValue(c), row.secondLong(c), column, sb);
        }
    }

    /** {@code unscaled / 10^scale} in plain notation. */
    public static void decimal(long unscaled, int scale, StringBuilder sb) {
        if (scale == 0) {
            sb.append(unscaled);
            return;
        }
        if (unscaled < 0) {
            sb.append('-');
        }
        String digits = Long.toString(Math.abs(unscaled));
        if (digits.length() <= scale) {
            sb.append("0.");
            sb.append("0".repeat(scale - digits.length()));
            sb.append(digits);
            return;
        }
        int point = digits.length() - scale;
        sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
    }

    /** An ISO date from days since 1970-01-01. */
    public static void date(long epochDay, StringBuilder sb) {
        long[] ymd = civil(epochDay);
        year(ymd[0], sb);
        sb.append('-');
        two(ymd[1], sb);
        sb.append('-');
        two(ymd[2], sb);
    }

    /** An instant in UTC with microseconds: {@code 2025-03-04 17:05:09.123456+00}. */
    public static void timestamp(long epochMicros, StringBuilder sb) {
        long day = Math.floorDiv(epochMicros, MICROS_PER_DAY);
        long micros = Math.floorMod(epochMicros, MICROS_PER_DAY);
        date(day, sb);
        long seconds = micros / 1_000_000;
        sb.append(' ');
        two(seconds / 3600, sb);
        sb.append(':');
        two(seconds / 60 % 60, sb);
        sb.append(':');
        two(seconds % 60, sb);
        long fraction = micros % 1_000_000;
        sb.append('.');
        String f = Long.toString(fraction);
        for (int i = f.length(); i < 6; i++) {
            sb.append('0');
        }
        sb.append(f).append("+00");
    }

    /** The canonical 8-4-4-4-12 form. */
    public static void uuid(long hi, long lo, StringBuilder sb) {
        hex(hi >>> 32, 8, sb);
        sb.append('-');
        hex(hi >>> 16, 4, sb);
        sb.append('-');
        hex(hi, 4, sb);
        sb.append('-');
        hex(lo >>> 48, 4, sb);
        sb.append('-');
        hex(lo, 12, sb);
    }

    private static void array(Object value, StringBuilder sb) {
        sb.append('{');
        if (value instanceof String[] strings) {
            for (int i = 0; i < strings.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append('"');
                for (int k = 0; k < strings[i].length(); k++) {
                    char ch = strings[i].charAt(k);
                    if (ch == '"' || ch == '\\') {
                        sb.append('\\');
                    }
                    sb.append(ch);
                }
                sb.append('"');
            }
        } else if (value instanceof long[] longs) {
            for (int i = 0; i < longs.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(longs[i]);
            }
        }
        sb.append('}');
    }

    private static void range(long lo, long hi, SeedColumn column, StringBuilder sb) {
        sb.append('[');
        bound(lo, column, sb);
        sb.append(',');
        bound(hi, column, sb);
        sb.append(')');
    }

    private static void bound(long v, SeedColumn column, StringBuilder sb) {
        switch (column.element().orElse(ValueKind.INT8)) {
            case NUMERIC -> decimal(v, column.scale(), sb);
            case DATE -> date(v, sb);
            case TIMESTAMPTZ -> {
                sb.append('"');
                timestamp(v, sb);
                sb.append('"');
            }
            default -> sb.append(v);
        }
    }

    /** Year, month, day of a day number (Howard Hinnant's days-to-civil algorithm). */
    static long[] civil(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        return new long[] {m <= 2 ? y + 1 : y, m, d};
    }

    private static void year(long y, StringBuilder sb) {
        if (y >= 0 && y < 1000) {
            sb.append(y < 10 ? "000" : y < 100 ? "00" : "0");
        }
        sb.append(y);
    }

    private static void two(long v, StringBuilder sb) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    private static void hex(long v, int digits, StringBuilder sb) {
        for (int i = digits - 1; i >= 0; i--) {
            sb.append(HEX[(int) (v >>> (4 * i)) & 0xF]);
        }
    }
}
