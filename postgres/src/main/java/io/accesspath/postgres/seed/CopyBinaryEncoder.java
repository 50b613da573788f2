package io.accesspath.postgres.seed;

import io.accesspath.core.seed.ByteSink;
import io.accesspath.core.seed.Row;
import io.accesspath.core.seed.RowEncoder;
import io.accesspath.core.seed.SeedColumn;
import io.accesspath.core.seed.ValueKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Rows in PostgreSQL's binary COPY format: a signature header, then per row the field count and
 * each field as a length and the type's binary form (what the type's {@code recv} function reads),
 * then a trailer. No text is parsed on the server side, which is what makes it the fastest way in.
 */
final class CopyBinaryEncoder implements RowEncoder {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01 (PostgreSQL's epoch) in days and microseconds since 1970-01-01. */
    private static final long PG_EPOCH_DAYS = 10_957;
    private static final long PG_EPOCH_MICROS = PG_EPOCH_DAYS * 86_400_000_000L;
    private static final int NUMERIC_NEG = 0x4000;

    private final List<SeedColumn> columns;
    private final int[] projection;
    private final boolean[] jsonb;
    private final int[] elementOids;

    CopyBinaryEncoder(List<SeedColumn> columns, int[] projection) {
        this.columns = List.copyOf(columns);
        this.projection = projection.clone();
        this.jsonb = new boolean[projection.length];
        this.elementOids = new int[projection.length];
        for (int i = 0; i < projection.length; i++) {
            SeedColumn c = columns.get(projection[i]);
            jsonb[i] = c.sqlType().equalsIgnoreCase("jsonb");
            if (c.kind() == ValueKind.ARRAY) {
                elementOids[i] = elementOid(c).orElseThrow(() ->
                        new IllegalArgumentException("no binary form for column " + c.name() + " " + c.sqlType()));
            }
        }
    }

    /** Whether every column has a binary form here. */
    static boolean capable(List<SeedColumn> columns, int[] projection) {
        for (int slot : projection) {
            SeedColumn c = columns.get(slot);
            if (c.kind() == ValueKind.RANGE || (c.kind() == ValueKind.ARRAY && elementOid(c).isEmpty())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void begin(ByteSink out) {
        out.write(SIGNATURE);
        out.writeInt(0);
        out.writeInt(0);
    }

    @Override
    public void end(ByteSink out) {
        out.writeShort(-1);
    }

    @Override
    public void encode(Row row, ByteSink out) {
        out.writeShort(projection.length);
        for (int i = 0; i < projection.length; i++) {
            int c = projection[i];
            if (row.isNull(c)) {
                out.writeInt(-1);
                continue;
            }
            SeedColumn column = columns.get(c);
            switch (column.kind()) {
                case INT2 -> {
                    out.writeInt(2);
                    out.writeShort((int) row.longValue(c));
                }
                case INT4 -> {
                    out.writeInt(4);
                    out.writeInt((int) row.longValue(c));
                }
                case INT8 -> {
                    out.writeInt(8);
                    out.writeLong(row.longValue(c));
                }
                case NUMERIC -> numeric(row.longValue(c), column.scale(), out);
                case FLOAT8 -> {
                    out.writeInt(8);
                    out.writeLong(Double.doubleToLongBits(row.x(c)));
                }
                case BOOL -> {
                    out.writeInt(1);
                    out.write(row.longValue(c) != 0 ? 1 : 0);
                }
                case TEXT -> text(row.text(c), false, out);
                case JSON -> text(row.text(c), jsonb[i], out);
                case DATE -> {
                    out.writeInt(4);
                    out.writeInt((int) (row.longValue(c) - PG_EPOCH_DAYS));
                }
                case TIMESTAMPTZ -> {
                    out.writeInt(8);
                    out.writeLong(row.longValue(c) - PG_EPOCH_MICROS);
                }
                case UUID -> {
                    out.writeInt(16);
                    out.writeLong(row.longValue(c));
                    out.writeLong(row.secondLong(c));
                }
                case POINT -> {
                    out.writeInt(16);
                    out.writeLong(Double.doubleToLongBits(row.x(c)));
                    out.writeLong(Double.doubleToLongBits(row.y(c)));
                }
                case ARRAY -> array(row.object(c), elementOids[i], out);
                case RANGE -> throw new IllegalStateException("ranges are loaded as text: " + column.name());
            }
        }
    }

    /** A length-prefixed UTF-8 value; jsonb values start with the format version 1. */
    private static void text(CharSequence s, boolean jsonbVersion, ByteSink out) {
        int lengthAt = out.size();
        out.writeInt(0);
        if (jsonbVersion) {
            out.write(1);
        }
        out.writeUtf8(s);
        out.patchInt(lengthAt, out.size() - lengthAt - 4);
    }

    /**
     * numeric_recv's form: digit count, weight (of the first base-10000 digit), sign, display
     * scale, then the base-10000 digits.
     */
    static void numeric(long unscaled, int scale, ByteSink out) {
        // Without allocation (it runs for every money value): groups are computed twice, once to
        // find the first and last non-zero ones, once to write them.
        long abs = Math.abs(unscaled);
        long pow = pow10(scale);
        long integer = abs / pow;
        long fraction = abs % pow;
        int ni = 0;
        for (long v = integer; v > 0; v /= 10_000) {
            ni++;
        }
        int total = ni + (scale + 3) / 4;
        int first = -1;
        int last = -1;
        for (int k = 0; k < total; k++) {
            if (group(k, ni, integer, fraction, scale) != 0) {
                if (first < 0) {
                    first = k;
                }
                last = k;
            }
        }
        int n = first < 0 ? 0 : last - first + 1;
        out.writeInt(8 + 2 * n);
        out.writeShort(n);
        out.writeShort(n == 0 ? 0 : ni - 1 - first);
        out.writeShort(unscaled < 0 && n > 0 ? NUMERIC_NEG : 0);
        out.writeShort(scale);
        for (int k = first; k >= 0 && k <= last; k++) {
            out.writeShort((int) group(k, ni, integer, fraction, scale));
        }
    }

    /**
     * Base-10000 group {@code k} of a number: the {@code ni} groups of its integer part, most
     * significant first, then those of its fraction (of {@code scale} decimal digits, padded).
     */
    private static long group(int k, int ni, long integer, long fraction, int scale) {
        if (k < ni) {
            long v = integer;
            for (int i = ni - 1; i > k; i--) {
                v /= 10_000;
            }
            return v % 10_000;
        }
        int fractionGroups = (scale + 3) / 4;
        int pad = fractionGroups * 4 - scale;
        int shift = (fractionGroups - 1 - (k - ni)) * 4 - pad;
        return shift >= 0 ? fraction / pow10(shift) % 10_000 : fraction * pow10(-shift) % 10_000;
    }

    private static void array(Object value, int elementOid, ByteSink out) {
        int lengthAt = out.size();
        out.writeInt(0);
        int count = value instanceof String[] s ? s.length : ((long[]) value).length;
        out.writeInt(count == 0 ? 0 : 1);
        out.writeInt(0);
        out.writeInt(elementOid);
        if (count > 0) {
            out.writeInt(count);
            out.writeInt(1);
        }
        if (value instanceof String[] strings) {
            for (String s : strings) {
                text(s, false, out);
            }
        } else {
            for (long v : (long[]) value) {
                if (elementOid == Oids.INT4) {
                    out.writeInt(4);
                    out.writeInt((int) v);
                } else {
                    out.writeInt(8);
                    out.writeLong(v);
                }
            }
        }
        out.patchInt(lengthAt, out.size() - lengthAt - 4);
    }

    /** The element type of an array column, when it has a binary form here. */
    private static Optional<Integer> elementOid(SeedColumn c) {
        String base = c.sqlType().toLowerCase(Locale.ROOT).replace("[]", "").strip();
        int paren = base.indexOf('(');
        if (paren >= 0) {
            base = base.substring(0, paren).strip();
        }
        return switch (base) {
            case "text" -> Optional.of(Oids.TEXT);
            case "varchar", "character varying" -> Optional.of(Oids.VARCHAR);
            case "integer", "int", "int4" -> Optional.of(Oids.INT4);
            case "bigint", "int8" -> Optional.of(Oids.INT8);
            default -> Optional.empty();
        };
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    /** Type OIDs of array elements (fixed in PostgreSQL's catalog). */
    private static final class Oids {
        static final int INT8 = 20;
        static final int INT4 = 23;
        static final int TEXT = 25;
        static final int VARCHAR = 1043;

        private Oids() {
        }
    }
}
