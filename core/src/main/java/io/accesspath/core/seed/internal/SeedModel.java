package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.DeferredReference;
import java.util.List;
import java.util.Map;

/**
 * A planned seed: every table's model in load order (referenced tables first), what each table
 * waits for, and the references loaded after the fact to break cycles.
 *
 * @param tables    in load order
 * @param dependsOn table name to the tables that must be loaded before it
 * @param deferred  references of a cycle, loaded once the table they point at is loaded
 */
public record SeedModel(List<TableModel> tables, Map<String, List<String>> dependsOn, List<DeferredReference> deferred) {
    public SeedModel {
        tables = List.copyOf(tables);
        dependsOn = Map.copyOf(dependsOn);
        deferred = List.copyOf(deferred);
    }
}
