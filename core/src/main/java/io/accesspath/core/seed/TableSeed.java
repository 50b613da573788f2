package io.accesspath.core.seed;

import io.accesspath.core.seed.internal.RowContext;
import io.accesspath.core.seed.internal.TableModel;
import java.util.List;
import java.util.Optional;

/**
 * The rows of one table, generated in fixed-size chunks. A chunk's rows depend only on the plan
 * and the chunk's position, never on which thread makes it or what was made before, so chunks
 * are generated in parallel and emitted in order with identical results.
 */
public final class TableSeed {
    private static final int TARGET_CHUNK_BYTES = 1 << 20;
    private static final int MIN_CHUNK_ROWS = 256;
    private static final int MAX_CHUNK_ROWS = 16_384;
    private static final int SAMPLE_ROWS = 32;

    private final TableModel model;
    private final List<String> dependsOn;
    private final int chunkRows;

    TableSeed(TableModel model, List<String> dependsOn) {
        this.model = model;
        this.dependsOn = List.copyOf(dependsOn);
        this.chunkRows = chunkRows(model);
    }

    public String name() {
        return model.name();
    }

    /** Rows planned; a link table may come out a little shorter when a tenant runs out of partners. */
    public long rows() {
        return model.rows();
    }

    /** The columns written, in table order (generated columns are left to the database). */
    public List<SeedColumn> columns() {
        return model.columns();
    }

    /** The tables that must be loaded before this one. */
    public List<String> dependsOn() {
        return dependsOn;
    }

    /** The identity column, whose sequence must be moved past the generated ids after loading. */
    public Optional<String> identityColumn() {
        return model.identityColumn();
    }

    /** The primary key's columns. */
    public List<String> primaryKey() {
        return model.primaryKey();
    }

    /** The number of chunks. */
    public int chunks() {
        return (int) ((model.rows() + chunkRows - 1) / chunkRows);
    }

    /** Rows per chunk (the last may be shorter); sized so that a chunk is about a megabyte. */
    public int chunkRows() {
        return chunkRows;
    }

    /**
     * Generates chunk {@code chunk} and appends its rows to {@code out}.
     *
     * @return the rows written (fewer than the chunk's size only in link tables)
     */
    public long encode(int chunk, RowEncoder encoder, ByteSink out) {
        long first = (long) chunk * chunkRows;
        long end = Math.min(model.rows(), first + chunkRows);
        RowContext ctx = model.newContext();
        Row row = new Row(model.columns().size());
        long written = 0;
        for (long i = first; i < end; i++) {
            model.prepare(ctx, i);
            if (model.fill(ctx, row)) {
                encoder.encode(row, out);
                written++;
            }
        }
        return written;
    }

    /** Rows per chunk from the size of the first rows: about a megabyte a chunk. */
    private static int chunkRows(TableModel model) {
        long sample = Math.min(SAMPLE_ROWS, model.rows());
        if (sample == 0) {
            return MAX_CHUNK_ROWS;
        }
        RowContext ctx = model.newContext();
        Row row = new Row(model.columns().size());
        long bytes = 0;
        for (long i = 0; i < sample; i++) {
            model.prepare(ctx, i);
            model.fill(ctx, row);
            for (int c = 0; c < row.size(); c++) {
                bytes += 8 + row.text(c).length();
            }
        }
        long perRow = Math.max(1, bytes / sample);
        return (int) Math.max(MIN_CHUNK_ROWS, Math.min(MAX_CHUNK_ROWS, TARGET_CHUNK_BYTES / perRow));
    }

    @Override
    public String toString() {
        return name() + " (" + rows() + " rows)";
    }
}
