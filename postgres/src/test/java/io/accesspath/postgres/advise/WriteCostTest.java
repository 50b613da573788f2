package io.accesspath.postgres.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.accesspath.core.spec.Spec;
import io.accesspath.core.spec.SpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** A candidate's write cost from the spec's write patterns (examples/shop.yaml). */
class WriteCostTest {
    private static final Spec SHOP = SpecReader.read(Path.of("..", "examples", "shop.yaml"));
    private static final ToDoubleFunction<IndexDef> COST = SpecWorkload.writeCosts(SHOP);

    private static IndexDef btree(String table, String... keys) {
        return new IndexDef("x", "public", table, "btree", List.of(keys), List.of(), Optional.empty(), false);
    }

    @Test
    void insertsAlwaysAndUpdatesOnlyOfIndexedColumns() {
        double inserts = 20_000 / 86_400.0; // order: 20k/day
        assertThat(COST.applyAsDouble(btree("orders", "customer_id", "placed_at"))).isCloseTo(inserts, within(1e-9));
        // status is updated 1/s: an index holding it pays for those updates too
        assertThat(COST.applyAsDouble(btree("orders", "customer_id", "status"))).isCloseTo(inserts + 1, within(1e-9));
        IndexDef include = new IndexDef("x", "public", "orders", "btree", List.of("customer_id"),
                List.of("shipped_at"), Optional.empty(), false);
        assertThat(COST.applyAsDouble(include)).isCloseTo(inserts + 1, within(1e-9));
        // GIN writes several keys per row
        IndexDef gin = new IndexDef("x", "public", "product", "gin", List.of("search_vector"), List.of(),
                Optional.empty(), false);
        assertThat(COST.applyAsDouble(gin)).isCloseTo(5 * 20 / 86_400.0, within(1e-9));
        // a table no write pattern names costs nothing
        assertThat(COST.applyAsDouble(btree("category", "name"))).isZero();
    }
}
