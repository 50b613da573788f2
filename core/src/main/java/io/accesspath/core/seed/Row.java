package io.accesspath.core.seed;

/**
 * One generated row, as typed slots reused from row to row (no allocation per value for numbers,
 * dates and text). Which accessor holds a column's value depends on its {@link ValueKind}.
 * Written by the generator, read by encoders; not thread-safe.
 */
public final class Row {
    private final boolean[] nulls;
    private final long[] first;
    private final long[] second;
    private final double[] x;
    private final double[] y;
    private final StringBuilder[] texts;
    private final Object[] objects;

    public Row(int columns) {
        nulls = new boolean[columns];
        first = new long[columns];
        second = new long[columns];
        x = new double[columns];
        y = new double[columns];
        texts = new StringBuilder[columns];
        objects = new Object[columns];
        for (int c = 0; c < columns; c++) {
            texts[c] = new StringBuilder(32);
        }
    }

    public int size() {
        return nulls.length;
    }

    public boolean isNull(int column) {
        return nulls[column];
    }

    /** Integers, booleans (1/0), dates, instants, unscaled decimals, UUID high bits, range lower bounds. */
    public long longValue(int column) {
        return first[column];
    }

    /** UUID low bits, range upper bounds. */
    public long secondLong(int column) {
        return second[column];
    }

    /** Doubles and point longitudes. */
    public double x(int column) {
        return x[column];
    }

    /** Point latitudes. */
    public double y(int column) {
        return y[column];
    }

    /** Text and JSON values. */
    public CharSequence text(int column) {
        return texts[column];
    }

    /** Array values: {@code String[]} or {@code long[]}. */
    public Object object(int column) {
        return objects[column];
    }

    public void setNull(int column) {
        nulls[column] = true;
    }

    public void setLong(int column, long value) {
        nulls[column] = false;
        first[column] = value;
    }

    public void setLongs(int column, long value, long secondValue) {
        nulls[column] = false;
        first[column] = value;
        second[column] = secondValue;
    }

    public void setDoubles(int column, double xValue, double yValue) {
        nulls[column] = false;
        x[column] = xValue;
        y[column] = yValue;
    }

    /** The column's text buffer, emptied and marked not null, to append the value to. */
    public StringBuilder textBuffer(int column) {
        nulls[column] = false;
        StringBuilder sb = texts[column];
        sb.setLength(0);
        return sb;
    }

    public void setObject(int column, Object value) {
        nulls[column] = false;
        objects[column] = value;
    }

    /** Copies one column's value from another row (any kind). */
    public void copy(int column, Row from, int fromColumn) {
        nulls[column] = from.nulls[fromColumn];
        first[column] = from.first[fromColumn];
        second[column] = from.second[fromColumn];
        x[column] = from.x[fromColumn];
        y[column] = from.y[fromColumn];
        objects[column] = from.objects[fromColumn];
        StringBuilder sb = texts[column];
        sb.setLength(0);
        sb.append(from.texts[fromColumn]);
    }
}
