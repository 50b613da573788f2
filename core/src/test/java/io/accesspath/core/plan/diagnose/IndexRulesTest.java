package io.accesspath.core.plan.diagnose;

import io.accesspath.core.plan.diagnose.SchemaFacts.IndexFact;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.accesspath.core.plan.diagnose.Fixtures.fact;
import static io.accesspath.core.plan.diagnose.Fixtures.one;
import static io.accesspath.core.plan.diagnose.Fixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** missing-index, inefficient-index, order-by-limit-wrong-index and non-sargable in detail. */
class IndexRulesTest {

    @Test
    void missingIndexPutsEqualityColumnsBeforeTheRange() {
        Diagnosis d = one("pg15/missing_index.json", Kind.MISSING_INDEX);

        assertThat(d.node().orElseThrow().label()).isEqualTo("Seq Scan on payments");
        assertThat(fact(d, "Rows Removed by Filter")).isEqualTo(298_252);
        assertThat(fact(d, "Actual Rows")).isEqualTo(1_748);
        assertThat(fact(d, "Removed Share")).isCloseTo(298_252.0 / 300_000, within(1e-9));
        assertThat(sql(d)).isEqualTo("CREATE INDEX ON payments (method, paid_at);");
        assertThat(d.effect().rowsAvoided()).hasValue(298_252);
        assertThat(d.severity()).isEqualTo(Severity.HIGH);
        assertThat(d.evidence().summary()).isEqualTo(
                "The scan read 300,000 rows and its filter removed 298,252 of them (99.4%), keeping 1,748.");
    }

    @Test
    void inefficientIndexAddsTheFilteredColumnToTheIndexCondition() {
        Diagnosis d = one("pg15/inefficient_index_filter.json", Kind.INEFFICIENT_INDEX);

        assertThat(d.node().orElseThrow().nodeType()).isEqualTo("Bitmap Heap Scan");
        assertThat(fact(d, "Rows Removed by Filter")).isEqualTo(6_360);
        assertThat(fact(d, "Actual Rows")).isEqualTo(252);
        assertThat(d.cause()).contains("(status = 'pending'::text)", "(customer_id = 1)");
        assertThat(sql(d)).isEqualTo("CREATE INDEX ON orders (customer_id, status);");
    }

    @Test
    void anIndexConditionThatDoesNotNarrowTheScanIsFoundFromBuffersAlone() {
        Diagnosis d = one("pg15/inefficient_index_second_column.json", Kind.INEFFICIENT_INDEX);

        assertThat(fact(d, "Shared Blocks")).isEqualTo(1_561);
        assertThat(d.evidence().summary()).isEqualTo("The scan touched 1,561 blocks for 120 rows.");
        assertThat(d.cause()).contains("not the index's first");
        assertThat(sql(d)).isEqualTo("CREATE INDEX ON visits (visited_at);");
    }

    @Test
    void withTheIndexColumnsKnownTheUnconstrainedLeadingColumnIsNamed() {
        SchemaFacts facts = new SchemaFacts(List.of(new IndexFact("visits_site_visited_idx", "visits",
                List.of("site_id", "visited_at"))), List.of());
        Diagnosis d = Fixtures.analyze("pg15/inefficient_index_second_column.json", facts).diagnoses().get(0);

        assertThat(d.kind()).isEqualTo(Kind.INEFFICIENT_INDEX);
        assertThat(d.cause()).startsWith("The index condition does not constrain site_id, the first column of "
                + "visits_site_visited_idx (site_id, visited_at)");
        assertThat(d.fixes().get(0).action()).contains("It can replace visits_site_visited_idx (site_id, visited_at)");
    }

    @Test
    void withTheIndexColumnsKnownARangeBeforeAnEqualityIsReported() {
        SchemaFacts facts = new SchemaFacts(List.of(new IndexFact("tickets_opened_queue_idx", "tickets",
                List.of("opened_at", "queue_id"))), List.of());
        List<Diagnosis> found = Fixtures.analyze("pg15/inefficient_index_range_first.json", facts).diagnoses();

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.INEFFICIENT_INDEX);
            assertThat(d.cause()).contains("the range on opened_at comes before the equality on queue_id");
            assertThat(sql(d)).isEqualTo("CREATE INDEX ON tickets (queue_id, opened_at);");
        });
    }

    @Test
    void aWellOrderedKnownIndexIsNotReported() {
        SchemaFacts facts = new SchemaFacts(List.of(new IndexFact("visits_site_visited_idx", "visits",
                List.of("site_id", "visited_at"))), List.of());
        assertThat(Fixtures.analyze("pg15/inefficient_index_leading_column_near_miss.json", facts).diagnoses()
                .stream().map(Diagnosis::kind)).doesNotContain(Kind.INEFFICIENT_INDEX);
    }

    @Test
    void orderByLimitSuggestsTheFilteredColumnsBeforeTheOrder() {
        Diagnosis plain = one("pg15/order_by_limit.json", Kind.ORDER_BY_LIMIT_WRONG_INDEX);
        assertThat(fact(plain, "Rows Removed by Filter")).isEqualTo(495_000);
        assertThat(plain.effect().rowsAvoided()).hasValue(495_000);
        assertThat(plain.fixes()).singleElement().satisfies(f -> {
            assertThat(f.sql()).isEmpty();
            assertThat(f.action()).startsWith("Create an index on (status) followed by the columns "
                    + "orders_created_at_idx is ordered by");
        });

        SchemaFacts facts = new SchemaFacts(List.of(new IndexFact("orders_created_at_idx", "orders",
                List.of("created_at"))), List.of());
        Diagnosis known = Fixtures.analyze("pg15/order_by_limit.json", facts).diagnoses().stream()
                .filter(d -> d.kind() == Kind.ORDER_BY_LIMIT_WRONG_INDEX).findFirst().orElseThrow();
        assertThat(sql(known)).isEqualTo("CREATE INDEX ON orders (status, created_at);");
    }

    @Test
    void aFunctionOnAnIndexableColumnGetsAnExpressionIndex() {
        Diagnosis d = one("pg15/non_sargable_lower.json", Kind.NON_SARGABLE);
        assertThat(d.cause()).contains("applies lower() to email");
        assertThat(sql(d)).isEqualTo("CREATE INDEX ON customers ((lower(email)));");
    }

    @Test
    void dateTruncIsRewrittenAsARange() {
        Diagnosis d = one("pg15/non_sargable_date_trunc.json", Kind.NON_SARGABLE);
        assertThat(sql(d)).isEqualTo("created_at >= '2023-03-05 00:00:00+00'::timestamp with time zone AND "
                + "created_at < '2023-03-05 00:00:00+00'::timestamp with time zone + interval '1 day'");
    }

    @Test
    void castsOfTheColumnAreRewrittenToCompareWithItsOwnType() {
        Diagnosis numeric = one("pg15/non_sargable_implicit_cast.json", Kind.NON_SARGABLE);
        assertThat(numeric.cause()).contains("converts customer_id to numeric");
        assertThat(sql(numeric)).isEqualTo("customer_id = 4242");

        Diagnosis text = one("pg15/non_sargable_text_cast.json", Kind.NON_SARGABLE);
        assertThat(sql(text)).isEqualTo("id = 4242");
    }

    @Test
    void aLeadingWildcardGetsATrigramIndex() {
        Diagnosis d = one("pg15/non_sargable_like.json", Kind.NON_SARGABLE);
        assertThat(sql(d)).isEqualTo("CREATE EXTENSION IF NOT EXISTS pg_trgm;\n"
                + "CREATE INDEX ON customers USING gin (email gin_trgm_ops);");
        // the sargable part of the same filter still gets its plain index
        assertThat(sql(one("pg15/non_sargable_like.json", Kind.MISSING_INDEX)))
                .isEqualTo("CREATE INDEX ON customers (created_at);");
    }

    @Test
    void anOrAcrossColumnsGetsAnIndexPerColumnOrAUnion() {
        Diagnosis d = one("pg15/non_sargable_or_columns.json", Kind.NON_SARGABLE);
        assertThat(sql(d)).isEqualTo("CREATE INDEX ON orders (customer_id);\nCREATE INDEX ON orders (total);");
        assertThat(d.fixes().get(1).action()).contains("UNION", "customer_id = 4242; total > 999.9");
    }

    @Test
    void anOrAcrossAJoinIsSplitIntoAUnion() {
        Diagnosis d = one("pg15/non_sargable_or_join.json", Kind.NON_SARGABLE);
        assertThat(d.node().orElseThrow().nodeType()).isEqualTo("Hash Join");
        assertThat(fact(d, "Rows Removed by Filter")).isEqualTo(494_982);
        assertThat(d.cause()).contains("different relations");
        assertThat(d.fixes()).singleElement().satisfies(f -> assertThat(f.action())
                .contains("c.email = 'user4242@mail.test'::text; o.status = 'cancelled'::text"));
    }
}
