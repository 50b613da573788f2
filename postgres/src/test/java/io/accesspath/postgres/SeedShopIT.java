package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import io.accesspath.core.design.Design;
import io.accesspath.core.design.internal.Skews;
import io.accesspath.core.engine.SeedListener;
import io.accesspath.core.engine.SeedReport;
import io.accesspath.core.engine.SeedTarget;
import io.accesspath.core.engine.Seeding;
import io.accesspath.core.schema.Table;
import io.accesspath.core.seed.SeedOptions;
import io.accesspath.core.spec.Relationship;
import io.accesspath.postgres.seed.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * shop.yaml loaded into the embedded PostgreSQL with every constraint enforced, then checked with
 * SQL: counts, foreign keys, unique and check constraints, the declared skew and weights within
 * stated tolerances, sums, dependent timestamps, trees and identity sequences.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedShopIT {
    private static final Map<String, Long> ROWS = Map.of("customer", 5_000L, "category", 400L, "product", 2_000L,
            "order", 50_000L);
    private TestDatabases.Scratch scratch;
    private Design design;
    private SeedReport report;
    private SeedQueries q;

    @BeforeAll
    void load() {
        scratch = TestDatabases.create(TestDatabases.Target.EMBEDDED, "seed_shop");
        design = Specs.example("shop");
        report = Seeding.run(design, SeedOptions.defaults().withRows(ROWS).withThreads(2),
                new SeedTarget.Load(scratch.database(), true, false, true), SeedListener.NONE);
        q = new SeedQueries(scratch.database());
    }

    @AfterAll
    void drop() {
        scratch.close();
    }

    @Test
    void rowCountsAreAsRequestedAndReported() {
        Map<String, Long> expected = Map.of("customer", 5_000L, "category", 400L, "product", 2_000L, "orders", 50_000L,
                "order_line", 150_000L, "product_category", 4_000L);
        for (SeedReport.TableReport t : report.tables()) {
            assertThat(t.status()).isEqualTo(SeedReport.Status.LOADED);
            assertThat(t.rows()).as(t.table()).isEqualTo(expected.get(t.table()));
            assertThat(q.count("SELECT count(*) FROM " + PgIdentifiers.quote(t.table()))).isEqualTo(t.rows());
        }
        assertThat(report.tables()).hasSize(6);
        assertThat(report.indexes()).hasValueSatisfying(p -> assertThat(p.count()).isEqualTo(6));
    }

    @Test
    void noOrphansAndEveryConstraintValidated() {
        assertThat(q.orphans(design.schema())).isEmpty();
        assertThat(q.unvalidatedConstraints()).isZero();
        long constraints = design.schema().tables().stream().mapToLong(t -> t.checks().size() + t.uniques().size()
                + t.foreignKeys().size() + (t.primaryKey().isPresent() ? 1 : 0)).sum();
        assertThat(q.count("SELECT count(*) FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = k.connamespace WHERE n.nspname = 'public' AND k.contype IN ('p', 'u', 'c', 'f')"))
                .isEqualTo(constraints);
        assertThat(q.count("SELECT count(*) - count(DISTINCT lower(email)) FROM customer")).isZero();
        assertThat(q.count("SELECT count(*) FROM (SELECT order_id, product_id FROM order_line"
                + " GROUP BY 1, 2 HAVING count(*) > 1) d")).isZero();
        assertThat(q.count("SELECT count(*) FROM order_line WHERE quantity NOT BETWEEN 1 AND 10")).isZero();
    }

    /** Zipf(1.1) over 5,000 customers: the top one holds 1/H(5000, 1.1) of the orders, within 2%. */
    @Test
    void customerSkewIsTheDeclaredZipf() {
        double top = q.number("SELECT max(n)::float8 / sum(n) FROM (SELECT count(*) AS n FROM orders"
                + " GROUP BY customer_id) c");
        assertThat(top).isCloseTo(Skews.topShare(Relationship.Skew.zipf(1.1), 5_000, 10), withPercentage(2));
        double hottestId = q.number("SELECT customer_id FROM orders GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1");
        assertThat(hottestId).as("the hottest customer is not simply the first id").isGreaterThan(1);
    }

    /**
     * Zipf(1.0) over 2,000 products, drawn for each line but never twice in one order (the unique
     * (order, product) rule): an order of n lines holds the top product with probability
     * 1 - (1 - p)^n, p = 1/H(2000, 1). The top product's share is within 5% of that.
     */
    @Test
    void productSkewIsTheDeclaredZipfWithoutRepeatsInAnOrder() {
        double p = Skews.topShare(Relationship.Skew.zipf(1.0), 2_000, 75);
        double top = q.number("SELECT max(n)::float8 / sum(n) FROM (SELECT count(*) AS n FROM order_line"
                + " GROUP BY product_id) c");
        double expected = q.number("SELECT sum(1 - power(1 - " + p + ", n)) / sum(n) FROM (SELECT count(*) AS n"
                + " FROM order_line GROUP BY order_id) o");
        assertThat(top).isCloseTo(expected, withPercentage(5));
    }

    /** Status weights 2:3:5:85:5 over 50,000 orders: chi-square with 4 degrees of freedom below 18.47 (p = 0.001). */
    @Test
    void enumWeightsFollowTheSpec() {
        Map<String, Double> counts = q.pairs("SELECT status, count(*) FROM orders GROUP BY status");
        Map<String, Double> weights = Map.of("pending", 2.0, "paid", 3.0, "shipped", 5.0, "delivered", 85.0,
                "cancelled", 5.0);
        double chi2 = 0;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            double expected = 50_000 * w.getValue() / 100;
            double actual = counts.getOrDefault(w.getKey(), 0.0);
            chi2 += (actual - expected) * (actual - expected) / expected;
        }
        assertThat(chi2).isLessThan(18.47);
    }

    @Test
    void linesPerOrderAreAsDeclared() {
        assertThat(q.number("SELECT count(*)::float8 / count(DISTINCT order_id) FROM order_line")).isEqualTo(3.0);
        assertThat(q.count("SELECT max(n) FROM (SELECT count(*) AS n FROM order_line GROUP BY order_id) c"))
                .isBetween(4L, 40L);
        assertThat(q.count("SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_line l"
                + " WHERE l.order_id = o.id)")).as("orders without lines").isZero();
    }

    @Test
    void dependentValuesAreConsistent() {
        assertThat(q.count("SELECT count(*) FROM orders o JOIN (SELECT order_id, sum(amount) AS s FROM order_line"
                + " GROUP BY order_id) l ON l.order_id = o.id WHERE o.total_amount <> l.s")).as("total = sum of lines")
                .isZero();
        assertThat(q.count("SELECT count(*) FROM order_line WHERE amount <> quantity * unit_price")).isZero();
        assertThat(q.count("SELECT count(*) FROM orders WHERE shipped_at <= placed_at")).isZero();
        assertThat(q.count("SELECT count(*) FROM orders WHERE shipped_at >= '2026-01-01' OR placed_at >= '2026-01-01'"))
                .as("nothing after the reference instant").isZero();
        double nulls = q.number("SELECT avg((shipped_at IS NULL)::int) FROM orders");
        assertThat(nulls).as("null_ratio 0.1, plus recent orders not shipped yet").isBetween(0.095, 0.13);
    }

    /** Orders grow over time: the last year of the history holds more orders than the first. */
    @Test
    void timestampsGrowAndKeepSeasonality() {
        double firstYear = q.number("SELECT count(*) FROM orders WHERE placed_at < (SELECT min(placed_at) FROM orders)"
                + " + interval '365 days'");
        double lastYear = q.number("SELECT count(*) FROM orders WHERE placed_at >= '2025-01-01'");
        assertThat(lastYear).isGreaterThan(firstYear * 1.5);
        double night = q.number("SELECT count(*) FROM orders WHERE extract(hour FROM placed_at AT TIME ZONE 'UTC') = 3");
        double evening = q.number("SELECT count(*) FROM orders WHERE extract(hour FROM placed_at AT TIME ZONE 'UTC') = 19");
        assertThat(evening).isGreaterThan(night * 4);
        assertThat(q.count("SELECT count(*) FROM (SELECT created_at < lag(created_at) OVER (ORDER BY id) AS back"
                + " FROM customer) c WHERE back")).as("customers are created in id order").isZero();
    }

    @Test
    void categoriesFormTreesOfTheDeclaredDepth() {
        long depth = q.count("WITH RECURSIVE t(id, depth) AS (SELECT id, 1 FROM category WHERE parent_id IS NULL"
                + " UNION ALL SELECT c.id, t.depth + 1 FROM category c JOIN t ON c.parent_id = t.id)"
                + " SELECT max(depth) FROM t");
        assertThat(depth).isEqualTo(3);
        assertThat(q.count("WITH RECURSIVE t(id) AS (SELECT id FROM category WHERE parent_id IS NULL"
                + " UNION ALL SELECT c.id FROM category c JOIN t ON c.parent_id = t.id) SELECT count(*) FROM t"))
                .as("every category reachable from a root").isEqualTo(400);
        assertThat(q.number("SELECT count(*)::float8 / (SELECT count(*) FROM product) FROM product_category"))
                .as("categories per product").isCloseTo(2.0, offset(0.001));
    }

    @Test
    void identitySequencesContinueAfterTheSeededIds() {
        assertThat(q.count("INSERT INTO customer (email, full_name, country) VALUES ('new@example.com', 'New One', 'NL')"
                + " RETURNING id")).isEqualTo(5_001);
        q.execute("DELETE FROM customer WHERE id = 5001");
    }

    @Test
    void valuesLookReal() {
        assertThat(q.count("SELECT count(*) FROM customer WHERE email !~ '^[a-z0-9._]+@[a-z0-9.-]+$'")).isZero();
        assertThat(q.count("SELECT count(*) FROM customer WHERE full_name !~ '^[^ ]+ [^ ]'")).isZero();
        assertThat(q.count("SELECT count(DISTINCT country) FROM customer")).isGreaterThan(100);
        assertThat(q.number("SELECT avg(price) FROM product")).isBetween(30.0, 50.0);
        assertThat(q.count("SELECT count(*) FROM product WHERE search_vector IS NULL AND description IS NOT NULL"))
                .as("the generated column is left to the database").isZero();
        assertThat(q.number("SELECT avg(length(description)) FROM product")).isBetween(40.0, 400.0);
        List<Table> tables = design.schema().tables();
        assertThat(tables).isNotEmpty();
    }
}
