package io.accesspath.core.seed;

import io.accesspath.core.design.Design;
import io.accesspath.core.error.UserError;
import io.accesspath.core.seed.internal.SeedModel;
import io.accesspath.core.seed.internal.SeedPlanner;
import io.accesspath.core.seed.internal.TableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a seed generates: every table of a design with its rows, in an order that satisfies the
 * foreign keys. Planning checks every request first; nothing is generated until it passes.
 *
 * <pre>{@code
 * SeedPlan plan = SeedPlan.of(design, SeedOptions.defaults().withScale(0.01));
 * for (TableSeed t : plan.tables()) { ... t.encode(chunk, encoder, sink) ... }
 * }</pre>
 */
public final class SeedPlan {
    private final Design design;
    private final SeedOptions options;
    private final List<TableSeed> tables;
    private final List<DeferredReference> deferred;

    private SeedPlan(Design design, SeedOptions options, List<TableSeed> tables, List<DeferredReference> deferred) {
        this.design = design;
        this.options = options;
        this.tables = List.copyOf(tables);
        this.deferred = List.copyOf(deferred);
    }

    /**
     * Plans the seed of a design.
     *
     * @throws UserError ({@link UserError#INVALID_INPUT}) listing every impossible request, each
     *                   naming the entity and attribute: a unique attribute with fewer possible values
     *                   than rows, a required parent without rows, a check no value satisfies, a
     *                   {@code --rows} entity the spec does not have, a scale of 0 or less
     */
    public static SeedPlan of(Design design, SeedOptions options) {
        SeedModel model = SeedPlanner.plan(design, options);
        List<TableSeed> tables = new ArrayList<>();
        for (TableModel t : model.tables()) {
            tables.add(new TableSeed(t, model.dependsOn().getOrDefault(t.name(), List.of())));
        }
        return new SeedPlan(design, options, tables, model.deferred());
    }

    public Design design() {
        return design;
    }

    public SeedOptions options() {
        return options;
    }

    /** Every table, referenced tables first. */
    public List<TableSeed> tables() {
        return tables;
    }

    public Optional<TableSeed> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** References loaded after their table to break cycles; usually none. */
    public List<DeferredReference> deferred() {
        return deferred;
    }

    /** Rows planned over all tables. */
    public long totalRows() {
        return tables.stream().mapToLong(TableSeed::rows).sum();
    }
}
