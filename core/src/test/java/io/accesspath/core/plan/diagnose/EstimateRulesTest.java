package io.accesspath.core.plan.diagnose;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.accesspath.core.plan.diagnose.Fixtures.fact;
import static io.accesspath.core.plan.diagnose.Fixtures.one;
import static io.accesspath.core.plan.diagnose.Fixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** misestimate and nested-loop-underestimate in detail. */
class EstimateRulesTest {

    @Test
    void correlatedColumnsGetExtendedStatistics() {
        Diagnosis d = one("pg15/misestimate_correlated.json", Kind.MISESTIMATE);

        assertThat(fact(d, "Plan Rows")).isEqualTo(107);
        assertThat(fact(d, "Actual Rows")).isEqualTo(2_126);
        assertThat(fact(d, "Estimate Factor")).isCloseTo(2_126.0 / 107, within(1e-9));
        assertThat(d.cause()).contains("city, country of customers together");
        assertThat(d.fixes().get(0).sql()).contains("CREATE STATISTICS customers_city_country_stats "
                + "(dependencies, ndistinct, mcv) ON city, country FROM customers;\nANALYZE customers;");
    }

    @Test
    void staleStatisticsGetAnalyzeFirst() {
        Diagnosis d = one("pg15/misestimate_stale.json", Kind.MISESTIMATE);

        assertThat(d.evidence().summary()).isEqualTo("PostgreSQL expected 1 row and got 30,000 (30,000x more).");
        assertThat(d.fixes().get(0).sql()).contains("ANALYZE inbox;");
        assertThat(d.fixes().get(1).sql()).contains("ALTER TABLE inbox ALTER COLUMN state SET STATISTICS 1000;\n"
                + "ANALYZE inbox;");
    }

    @Test
    void anExpressionWithoutStatisticsGetsExpressionStatistics() {
        Diagnosis d = one("pg15/non_sargable_implicit_cast.json", Kind.MISESTIMATE);
        assertThat(d.cause()).contains("(customer_id)::numeric, an expression with no statistics");
        assertThat(d.fixes().get(0).sql()).contains("CREATE STATISTICS orders_customer_id_numeric_stats ON "
                + "((customer_id)::numeric) FROM orders;\nANALYZE orders;");
    }

    @Test
    void aMisestimateIsReportedWhereItStartsAndTimedByThePlanAboveIt() {
        Analysis a = Fixtures.analyze("pg15/nested_loop_underestimate.json");
        List<Diagnosis> misestimates = a.diagnoses().stream().filter(d -> d.kind() == Kind.MISESTIMATE).toList();

        // the Nested Loop is 19x off too, but only because its outer side is
        assertThat(misestimates).singleElement().satisfies(d -> {
            assertThat(d.node().orElseThrow().path()).isEqualTo("0.0");
            assertThat(d.effect().timeMs()).isEqualTo(a.metrics().of(a.plan().root()).inclusiveTime());
        });
    }

    @Test
    void groupsOfSeveralColumnsOfOneTableGetNdistinctStatistics() {
        Diagnosis d = one("handwritten/pg16_group_estimate.txt", Kind.MISESTIMATE);
        assertThat(d.node().orElseThrow().heading()).isEqualTo("HashAggregate");
        assertThat(d.cause()).contains("groups of zip, city");
        assertThat(d.fixes().get(0).sql()).contains("CREATE STATISTICS addresses_zip_city_stats (ndistinct) ON zip, "
                + "city FROM addresses;\nANALYZE addresses;");
    }

    @Test
    void aNestedLoopOverAnUnderestimatedOuterSideIsTimedWithoutItsOuterSide() {
        Analysis a = Fixtures.analyze("pg15/nested_loop_underestimate.json");
        Diagnosis d = a.diagnoses().stream().filter(x -> x.kind() == Kind.NESTED_LOOP_UNDERESTIMATE).findFirst()
                .orElseThrow();

        assertThat(fact(d, "Plan Rows")).isEqualTo(107);
        assertThat(fact(d, "Actual Rows")).isEqualTo(2_126);
        assertThat(sql(d)).contains("CREATE STATISTICS customers_city_country_stats", "SET enable_nestloop = off;");
        double loop = a.metrics().of(a.plan().root()).inclusiveTime().getAsDouble();
        double outer = a.metrics().of(a.plan().root().children().get(0)).inclusiveTime().getAsDouble();
        assertThat(d.effect().timeMs().getAsDouble()).isCloseTo(loop - outer, within(1e-9));
    }
}
