package io.accesspath.postgres.advise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Candidate indexes read from SQL, against a catalog made by hand (exact expected lists). */
class CandidatesTest {
    private static Catalog.Column col(String name, String type, String category, double distinct) {
        return new Catalog.Column(name, type, category, distinct, 0);
    }

    private static Catalog catalog() {
        Map<String, Catalog.Table> tables = new LinkedHashMap<>();
        Map<String, Catalog.Column> orders = new LinkedHashMap<>();
        orders.put("id", col("id", "bigint", "N", 1_000_000));
        orders.put("customer_id", col("customer_id", "bigint", "N", 50_000));
        orders.put("status", col("status", "text", "S", 4));
        orders.put("placed_at", col("placed_at", "timestamp with time zone", "D", 900_000));
        orders.put("total", col("total", "numeric(14,2)", "N", 10_000));
        orders.put("tags", col("tags", "text[]", "A", 100));
        orders.put("deleted", col("deleted", "boolean", "B", 2));
        Map<String, Catalog.Column> customers = new LinkedHashMap<>();
        customers.put("id", col("id", "bigint", "N", 50_000));
        customers.put("email", col("email", "text", "S", 50_000));
        customers.put("country", col("country", "text", "S", 60));
        customers.put("doc", col("doc", "jsonb", "U", 0));
        customers.put("loc", col("loc", "point", "G", 0));
        Catalog.Table o = new Catalog.Table("public", "orders", 1_000_000, orders);
        Catalog.Table c = new Catalog.Table("public", "customers", 50_000, customers);
        tables.put("public.orders", o);
        tables.put("orders", o);
        tables.put("public.customers", c);
        tables.put("customers", c);
        IndexDef existing = new IndexDef("orders_status_idx", "public", "orders", "btree", List.of("status"), List.of(),
                Optional.empty(), true);
        return new Catalog(tables, List.of(new Catalog.Existing(existing, false, 8192)));
    }

    private static Map<String, String> ordered(String... idSql) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < idSql.length; i += 2) {
            m.put(idSql[i], idSql[i + 1]);
        }
        return m;
    }

    private static List<String> ddl(Map<String, String> statements) {
        return Candidates.generate(catalog(), statements).candidates().stream().map(d -> d.ddl(false)).toList();
    }

    @Test
    void equalityColumnsFirstMostSelectiveFirstThenTheRangeThenTheSortAndCoveringVariants() {
        assertThat(ddl(Map.of("q", "SELECT id, total FROM orders WHERE status = $1 AND customer_id = $2"
                + " AND placed_at >= $3 ORDER BY placed_at DESC LIMIT 50"))).containsExactly(
                "CREATE INDEX orders_customer_id_status_placed_at_idx ON orders (customer_id, status, placed_at)",
                "CREATE INDEX orders_customer_id_status_placed_at_incl_idx ON orders (customer_id, status, placed_at)"
                        + " INCLUDE (id, total)",
                "CREATE INDEX orders_customer_id_status_placed_at_desc_idx ON orders (customer_id, status, placed_at DESC)",
                "CREATE INDEX orders_customer_id_status_placed_at_desc_incl_idx ON orders"
                        + " (customer_id, status, placed_at DESC) INCLUDE (id, total)",
                "CREATE INDEX orders_customer_id_idx ON orders (customer_id)",
                "CREATE INDEX orders_placed_at_idx ON orders (placed_at)");
        // orders (status) exists already: not proposed again; a single column leaves 4 other columns
        // read, more than INCLUDE takes
    }

    @Test
    void eachSideOfAnOrGetsItsOwnIndexForABitmapOr() {
        assertThat(ddl(Map.of("q", "SELECT id FROM orders WHERE (customer_id = $1 OR total > $2)")))
                .contains("CREATE INDEX orders_customer_id_idx ON orders (customer_id)",
                        "CREATE INDEX orders_total_idx ON orders (total)");
    }

    @Test
    void aConstantOnAManyValuedColumnIsAKeyNotAPartialPredicate() {
        // country has 60 values: an index WHERE country = 'NL' would serve this file's literal only
        assertThat(ddl(Map.of("q", "SELECT email FROM customers WHERE country = 'NL' AND email = $1")))
                .noneMatch(d -> d.contains("WHERE"))
                .contains("CREATE INDEX customers_email_country_idx ON customers (email, country)");
    }

    @Test
    void joinColumnsOnBothSidesGroupByAndAPartialIndexForAConstant() {
        assertThat(ddl(Map.of("q", "SELECT c.country, count(*) FROM orders o JOIN customers c ON c.id = o.customer_id"
                + " WHERE o.status = 'paid' AND NOT o.deleted GROUP BY c.country"))).containsExactly(
                "CREATE INDEX orders_customer_id_status_idx ON orders (customer_id, status)",
                "CREATE INDEX orders_customer_id_status_incl_idx ON orders (customer_id, status) INCLUDE (deleted)",
                "CREATE INDEX orders_customer_id_part_idx ON orders (customer_id) WHERE status = 'paid' AND NOT deleted",
                "CREATE INDEX orders_customer_id_idx ON orders (customer_id)",
                "CREATE INDEX orders_customer_id_incl_idx ON orders (customer_id) INCLUDE (deleted, status)",
                "CREATE INDEX orders_status_incl_idx ON orders (status) INCLUDE (customer_id, deleted)",
                "CREATE INDEX customers_id_idx ON customers (id)",
                "CREATE INDEX customers_id_incl_idx ON customers (id) INCLUDE (country)",
                "CREATE INDEX customers_id_country_idx ON customers (id, country)");
    }

    @Test
    void ginAndGistWhereTheOperatorsNeedThemAndExpressionKeys() {
        assertThat(ddl(ordered("a", "SELECT * FROM orders WHERE tags && $1",
                "b", "SELECT * FROM customers WHERE doc @> '{\"vip\": true}' AND lower(email) = lower($1)",
                "c", "SELECT * FROM customers WHERE doc ? 'k'"))).containsExactly(
                "CREATE INDEX orders_tags_gin_idx ON orders USING gin (tags)",
                "CREATE INDEX customers_lower_email_idx ON customers ((lower(email)))",
                "CREATE INDEX customers_doc_gin_idx ON customers USING gin (doc)");
    }

    @Test
    void anExpressionWithAParameterIsNoIndexKey() {
        assertThat(ddl(ordered("q", "SELECT email FROM customers WHERE country = $1"
                + " ORDER BY similarity(email, $2) DESC LIMIT 5"))).containsExactly(
                "CREATE INDEX customers_country_idx ON customers (country)",
                "CREATE INDEX customers_country_incl_idx ON customers (country) INCLUDE (email)");
    }

    @Test
    void anyOfAnArrayAndInListsAreEqualitiesAndDistanceOrderingWantsGist() {
        assertThat(ddl(ordered("q", "SELECT id FROM orders WHERE customer_id = ANY($1) AND status IN ('a', 'b')",
                "near", "SELECT id FROM customers ORDER BY loc <-> point(1, 2) LIMIT 5"))).containsExactly(
                "CREATE INDEX orders_customer_id_status_idx ON orders (customer_id, status)",
                "CREATE INDEX orders_customer_id_status_incl_idx ON orders (customer_id, status) INCLUDE (id)",
                "CREATE INDEX orders_customer_id_idx ON orders (customer_id)",
                "CREATE INDEX orders_customer_id_incl_idx ON orders (customer_id) INCLUDE (id, status)",
                "CREATE INDEX orders_status_incl_idx ON orders (status) INCLUDE (customer_id, id)",
                "CREATE INDEX customers_loc_gist_idx ON customers USING gist (loc)");
    }

    @Test
    void tablesReadAreRecordedAndUnreadableSqlIsAWarningNotAFailure() {
        Candidates.Result r = Candidates.generate(catalog(), ordered(
                "x", "SELECT * FROM orders o WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id)",
                "bad", "SELEC nonsense",
                "insert", "INSERT INTO orders (id, customer_id) VALUES ($1, $2)",
                "insert_select", "INSERT INTO orders (id) SELECT id FROM customers WHERE country = 'NL'"));
        assertThat(r.tablesOf().get("insert")).isEmpty();
        assertThat(r.tablesOf().get("insert_select")).containsExactly("public.customers");
        assertThat(r.tablesOf().get("x")).containsExactlyInAnyOrder("public.orders", "public.customers");
        assertThat(r.tablesOf()).doesNotContainKey("bad");
        assertThat(r.warnings()).singleElement().asString().startsWith("bad: no candidates");
    }

    @Test
    void sqlFileWeightsNamesAndLines() {
        List<WorkloadStatement> w = Workloads.parse("""
                -- weight: 120
                SELECT * FROM t WHERE a = $1;

                -- name: by_b
                -- weight: 0.5
                SELECT ';' FROM t
                WHERE b = ?;
                SELECT 1 -- trailing comment; not a separator
                ;
                """, "w.sql");
        assertThat(w).extracting(WorkloadStatement::id).containsExactly("w.sql:2", "by_b", "w.sql:8");
        assertThat(w).extracting(WorkloadStatement::weight).containsExactly(120.0, 0.5, 1.0);
        assertThat(w.get(1).sql()).isEqualTo("SELECT ';' FROM t\nWHERE b = ?");
    }

    @Test
    void placeholdersBecomeDollarParametersButJsonbOperatorsSurvive() {
        assertThat(Placeholders.toDollar("SELECT '?' FROM t WHERE a = ? AND d ?? 'k' AND b = ?"))
                .isEqualTo(new Placeholders.Converted("SELECT '?' FROM t WHERE a = $1 AND d ? 'k' AND b = $2", 2));
        assertThat(Placeholders.toDollar("SELECT * FROM t WHERE d ? 'k' AND a = $2"))
                .isEqualTo(new Placeholders.Converted("SELECT * FROM t WHERE d ? 'k' AND a = $2", 2));
    }
}
