package io.accesspath.core.seed.internal;

/**
 * The relationship along which a table's rows are laid out: each parent row's children are
 * contiguous, as {@link Fanout} spreads them.
 *
 * @param name   the relationship, for messages ({@code order_line.order})
 * @param parent the parent table
 * @param fanout the layout
 * @param slot   the state slot of the cursor walking it
 */
record Grouping(String name, TableModel parent, Fanout fanout, int slot) {
    Fanout.Cursor cursor(RowContext ctx) {
        return ctx.state(slot, fanout::cursor);
    }
}
