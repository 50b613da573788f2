package io.accesspath.core.engine.internal;

import io.accesspath.core.seed.DeferredReference;
import io.accesspath.core.seed.SeedColumn;
import io.accesspath.core.seed.SeedPlan;
import io.accesspath.core.seed.TableSeed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Which columns of a table's rows are written, as slot indexes. */
public final class Projections {
    private Projections() {
    }

    /** The table's columns minus the deferred references' columns and {@code leftOut}. */
    public static int[] main(SeedPlan plan, TableSeed table, Collection<String> leftOut) {
        List<String> skip = new ArrayList<>(leftOut);
        for (DeferredReference d : plan.deferred()) {
            if (d.table().equals(table.name())) {
                skip.addAll(d.columns());
            }
        }
        List<Integer> out = new ArrayList<>();
        List<SeedColumn> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (!skip.contains(columns.get(i).name())) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The key columns, then the reference's columns. */
    public static int[] deferred(TableSeed table, DeferredReference reference) {
        List<String> wanted = new ArrayList<>(reference.key());
        wanted.addAll(reference.columns());
        return wanted.stream().mapToInt(name -> slot(table, name)).toArray();
    }

    /** The names of projected columns. */
    public static List<String> names(TableSeed table, int[] projection) {
        List<String> out = new ArrayList<>();
        for (int slot : projection) {
            out.add(table.columns().get(slot).name());
        }
        return out;
    }

    private static int slot(TableSeed table, String column) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException("table " + table.name() + " writes no column " + column);
    }
}
