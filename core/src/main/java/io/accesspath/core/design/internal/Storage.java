package io.accesspath.core.design.internal;

import io.accesspath.core.design.Decision;
import io.accesspath.core.spec.Spec;
import io.accesspath.core.spec.WritePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Storage parameters. An update that changes no indexed column can be a HOT update (no index
 * entry written, the old version pruned in place) only if the new version fits on the same page;
 * a table filled to 100% (the default, and what a bulk load leaves) has no room, so such updates
 * write every index after all. Tables whose write patterns make HOT-able updates get free space.
 */
public final class Storage {
    /** HOT-able updates at least this frequent (per second, per million rows) earn fillfactor 80 rather than 90. */
    public static final double BUSY = 10;

    private final Spec spec;
    private final Map<String, TableInfo> tables;
    private final IndexPlanner planner;
    private final List<Decision> decisions;

    public Storage(Spec spec, Map<String, TableInfo> tables, IndexPlanner planner, List<Decision> decisions) {
        this.spec = spec;
        this.tables = tables;
        this.planner = planner;
        this.decisions = decisions;
    }

    public void fillfactors() {
        for (TableInfo t : tables.values()) {
            if (t.entity.isEmpty()) {
                continue;
            }
            Set<String> indexed = planner.indexedColumns(t);
            double hotable = 0;
            double total = 0;
            List<String> which = new ArrayList<>();
            for (WritePattern w : spec.writesOf(t.entity.get().name())) {
                for (WritePattern.Update u : w.updates()) {
                    total += u.rate().perSecond();
                    boolean touches = false;
                    for (String a : u.attributes()) {
                        for (String c : t.columnsOf.getOrDefault(a, List.of(a))) {
                            touches |= indexed.contains(c);
                        }
                    }
                    if (!touches) {
                        hotable += u.rate().perSecond();
                        which.add(String.join("/", u.attributes()));
                    }
                }
            }
            if (hotable <= 0) {
                continue;
            }
            double perMillion = hotable / Math.max(1, t.rows / 1e6);
            int fillfactor = perMillion >= BUSY ? 80 : 90;
            t.options.put("fillfactor", Integer.toString(fillfactor));
            decisions.add(DecisionBuilder.of(Decision.Kind.STORAGE, t.name + ".fillfactor")
                    .choice("fillfactor = " + fillfactor)
                    .rule("storage.fillfactor-for-hot")
                    .reason("Updates of " + String.join(", ", which) + " (" + Fmt.rate(hotable) + " of "
                            + Fmt.rate(total) + " updates) change no indexed column, so they can be HOT: no index"
                            + " entry written, the old version pruned in place. That needs room on the same page; at"
                            + " the default fillfactor 100 (and after any bulk load) pages are full and every such"
                            + " update moves the row and writes every index. Leaving " + (100 - fillfactor)
                            + "% free keeps them HOT.")
                    .alternative("fillfactor 100 (the default)", "about " + (100 - fillfactor) + "% smaller, but"
                            + " HOT-able updates write every index once pages are full")
                    .cost(new Decision.Cost(Math.round(TableBuilder.heapBytes(t) * (100.0 / fillfactor - 1)), 0, 0,
                            "updates stay HOT: no index writes, less vacuum work",
                            "the table is about " + Math.round(100.0 / fillfactor * 100 - 100) + "% larger, so"
                                    + " sequential scans read that much more"))
                    .build());
        }
    }
}
