package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;
import io.accesspath.core.seed.SeedColumn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How every column of every row of one table is computed: a pure function of the seed and the
 * row's index. Built by {@link SeedPlanner}; immutable once planned, shared by all threads.
 */
public final class TableModel {
    /** How the table's rows are identified, for the tables that reference it. */
    enum KeyKind { IDENTITY, UUID, NATURAL, NONE }

    final String name;
    final long rows;
    final List<SeedColumn> columns;
    final long seed;
    private final StateSlots slots;
    private final int rangeSlot;
    private final int keySlot;
    Optional<Grouping> grouping = Optional.empty();
    boolean isTenant;
    boolean tenantScoped;
    KeyKind keyKind = KeyKind.NONE;
    /** The slots of the key columns (one for identity and UUID keys). */
    int[] keySlots = new int[0];
    /** The identity column, whose sequence is set past the generated ids after loading. */
    Optional<String> identityColumn = Optional.empty();
    /** The primary key's columns. */
    List<String> primaryKey = List.of();
    private ColumnGen[] gens = new ColumnGen[0];
    private ColumnGen[] keyGens = new ColumnGen[0];
    private final Permutation uuidBits;

    TableModel(String name, long rows, List<SeedColumn> columns, long seed, StateSlots slots) {
        this.name = name;
        this.rows = rows;
        this.columns = List.copyOf(columns);
        this.seed = seed;
        this.slots = slots;
        this.rangeSlot = slots.next();
        this.keySlot = slots.next();
        this.uuidBits = new Permutation(1L << 62, seed);
    }

    public String name() {
        return name;
    }

    public long rows() {
        return rows;
    }

    public List<SeedColumn> columns() {
        return columns;
    }

    public Optional<String> identityColumn() {
        return identityColumn;
    }

    public List<String> primaryKey() {
        return primaryKey;
    }

    /** A new context for one pass over this table. */
    public RowContext newContext() {
        return new RowContext(slots.count());
    }

    /** Positions the context on row {@code i}: its seed, group and tenant. */
    public void prepare(RowContext ctx, long i) {
        ctx.row = i;
        ctx.rowSeed = Hashing.combine(seed, i);
        ctx.skip = false;
        if (grouping.isPresent()) {
            Fanout.Cursor c = grouping.get().cursor(ctx);
            ctx.parent = c.seekChild(i);
            ctx.first = c.first();
            ctx.count = c.count();
            ctx.index = i - ctx.first;
        }
        ctx.tenant = isTenant ? i : !tenantScoped || grouping.isEmpty() ? -1
                : grouping.get().parent().tenantOf(ctx, ctx.parent);
    }

    /** Computes every column of the prepared row; false if the row is to be left out. */
    public boolean fill(RowContext ctx, Row row) {
        for (ColumnGen g : gens) {
            g.fill(ctx, row);
            if (ctx.skip) {
                return false;
            }
        }
        return true;
    }

    void setGenerators(List<ColumnGen> ordered) {
        gens = ordered.toArray(new ColumnGen[0]);
        keyGens = keyKind == KeyKind.NATURAL ? closure(keySlots) : new ColumnGen[0];
    }

    List<ColumnGen> generators() {
        return List.of(gens);
    }

    /** The generators that compute {@code targets} and what they read, in evaluation order. */
    ColumnGen[] closure(int... targets) {
        Set<Integer> needed = new LinkedHashSet<>();
        for (int t : targets) {
            needed.add(t);
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ColumnGen g : gens) {
                if (writesAny(g, needed)) {
                    for (int r : g.reads()) {
                        grew |= needed.add(r);
                    }
                }
            }
        }
        List<ColumnGen> out = new ArrayList<>();
        for (ColumnGen g : gens) {
            if (writesAny(g, needed)) {
                out.add(g);
            }
        }
        return out.toArray(new ColumnGen[0]);
    }

    private static boolean writesAny(ColumnGen g, Set<Integer> slotSet) {
        for (int s : g.slots()) {
            if (slotSet.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** The tenant row of row {@code i}, -1 when the table is not tenant-scoped. */
    long tenantOf(RowContext ctx, long i) {
        if (isTenant) {
            return i;
        }
        if (!tenantScoped || grouping.isEmpty()) {
            return -1;
        }
        Grouping g = grouping.get();
        return g.parent().tenantOf(ctx, g.cursor(ctx).seekChild(i));
    }

    /** This table's rows that belong to tenant {@code t}: [start, end). */
    long[] tenantRange(RowContext ctx, long t) {
        long[] cached = ctx.state(rangeSlot, () -> new long[] {-1, 0, 0});
        if (cached[0] == t) {
            return cached;
        }
        long start;
        long end;
        if (isTenant) {
            start = t;
            end = t + 1;
        } else {
            Grouping g = grouping.orElseThrow(() -> new IllegalStateException(name + " is not laid out by tenant"));
            long[] parentRange = g.parent().tenantRange(ctx, t);
            long parentStart = parentRange[1];
            long parentEnd = parentRange[2];
            start = g.fanout().start(parentStart);
            end = g.fanout().start(parentEnd);
        }
        cached[0] = t;
        cached[1] = start;
        cached[2] = end;
        return cached;
    }

    /** Writes the key of row {@code p} of this table into {@code slots} of {@code into}. */
    void writeKey(RowContext ctx, long p, Row into, int[] intoSlots) {
        switch (keyKind) {
            case IDENTITY -> into.setLong(intoSlots[0], p + 1);
            case UUID -> into.setLongs(intoSlots[0], uuidHigh(p), uuidLow(p));
            case NATURAL -> {
                KeyScratch k = ctx.state(keySlot, () -> new KeyScratch(newContext(), new Row(columns.size())));
                prepare(k.ctx, p);
                for (ColumnGen g : keyGens) {
                    g.fill(k.ctx, k.row);
                }
                for (int i = 0; i < keySlots.length; i++) {
                    into.copy(intoSlots[i], k.row, keySlots[i]);
                }
            }
            case NONE -> throw new IllegalStateException("table " + name + " has no key to reference");
        }
    }

    /** The high half of row {@code p}'s UUID key (version 4). */
    long uuidHigh(long p) {
        long hi = Hashing.combine(seed ^ 0x5555_5555_5555_5555L, p);
        return (hi & 0xFFFF_FFFF_FFFF_0FFFL) | 0x0000_0000_0000_4000L;
    }

    /** The low half of row {@code p}'s UUID key: the variant bits, then a bijection of {@code p}. */
    long uuidLow(long p) {
        return 0x8000_0000_0000_0000L | uuidBits.apply(p);
    }

    private record KeyScratch(RowContext ctx, Row row) {}
}
