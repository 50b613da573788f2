package io.accesspath.core.seed.internal;

import io.accesspath.core.error.Loc;
import io.accesspath.core.error.Problem;
import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.schema.Table;
import io.accesspath.core.seed.DeferredReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order tables are loaded in with every foreign key enforced: referenced tables first. A
 * cycle of references is broken at a reference whose columns may be NULL: its table is loaded
 * with them NULL and they are set once the table they reference is loaded. A cycle of required
 * references cannot be loaded at all and is reported.
 */
final class LoadOrder {
    final List<String> order = new ArrayList<>();
    final Map<String, List<String>> dependsOn = new LinkedHashMap<>();
    final List<DeferredReference> deferred = new ArrayList<>();

    LoadOrder(Schema schema, Set<String> tables, List<Problem> problems) {
        Map<String, Table> byName = new LinkedHashMap<>();
        for (Table t : schema.tables()) {
            if (tables.contains(t.name())) {
                byName.put(t.name(), t);
            }
        }
        Map<String, Set<ForeignKey>> edges = new LinkedHashMap<>();
        for (Table t : byName.values()) {
            Set<ForeignKey> out = new LinkedHashSet<>();
            for (ForeignKey fk : t.foreignKeys()) {
                if (!fk.referencedTable().equals(t.name()) && byName.containsKey(fk.referencedTable())) {
                    out.add(fk);
                }
            }
            edges.put(t.name(), out);
        }
        Set<String> done = new LinkedHashSet<>();
        while (done.size() < byName.size()) {
            Optional<String> ready = byName.keySet().stream().filter(n -> !done.contains(n))
                    .filter(n -> edges.get(n).stream().allMatch(fk -> done.contains(fk.referencedTable())))
                    .findFirst();
            if (ready.isPresent()) {
                done.add(ready.get());
                order.add(ready.get());
                dependsOn.put(ready.get(), edges.get(ready.get()).stream().map(ForeignKey::referencedTable)
                        .distinct().toList());
                continue;
            }
            if (!breakCycle(byName, edges, done)) {
                List<String> stuck = byName.keySet().stream().filter(n -> !done.contains(n)).toList();
                problems.add(Problem.of(Loc.NONE, "tables " + String.join(", ", stuck) + " reference each other"
                        + " through required references only; no load order satisfies their foreign keys",
                        "make one relationship of the cycle optional (required: false)"));
                return;
            }
        }
    }

    private boolean breakCycle(Map<String, Table> byName, Map<String, Set<ForeignKey>> edges, Set<String> done) {
        for (Table t : byName.values()) {
            if (done.contains(t.name())) {
                continue;
            }
            for (ForeignKey fk : edges.get(t.name())) {
                if (done.contains(fk.referencedTable())) {
                    continue;
                }
                List<String> nullable = fk.columns().stream()
                        .filter(c -> t.column(c).map(Column::nullable).orElse(false)).toList();
                if (!nullable.isEmpty()) {
                    edges.get(t.name()).remove(fk);
                    deferred.add(new DeferredReference(t.name(), fk.name(),
                            t.primaryKey().map(pk -> pk.columns()).orElse(List.of()), nullable, fk.referencedTable()));
                    return true;
                }
            }
        }
        return false;
    }
}
