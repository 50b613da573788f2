package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/**
 * The tenant column of a tenant-scoped table: the tenant its grouping chain leads to, so every
 * composite foreign key (tenant, parent) of the row names a parent of the same tenant.
 */
final class TenantGen implements ColumnGen {
    private final TableModel tenant;
    private final int[] slots;

    TenantGen(TableModel tenant, int slot) {
        this.tenant = tenant;
        this.slots = new int[] {slot};
    }

    @Override
    public int[] slots() {
        return slots;
    }

    @Override
    public void fill(RowContext ctx, Row row) {
        tenant.writeKey(ctx, ctx.tenant, row, slots);
    }
}
