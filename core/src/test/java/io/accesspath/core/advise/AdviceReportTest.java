package io.accesspath.core.advise;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.advise.WhatIf.IndexCandidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdviceReportTest {
    private static IndexCandidate ddl(String id, String ddl) {
        return new IndexCandidate(id, "t", List.of("a"), 1, ddl, 0, false);
    }

    @Test
    void createStatementsBecomeConcurrentOnce() {
        assertThat(AdviceReport.createSql(ddl("i", "CREATE INDEX i ON t (a)")))
                .isEqualTo("CREATE INDEX CONCURRENTLY i ON t (a);");
        assertThat(AdviceReport.createSql(ddl("i", "create unique index i on t (a);")))
                .isEqualTo("create unique index CONCURRENTLY i on t (a);");
        assertThat(AdviceReport.createSql(ddl("i", "CREATE INDEX CONCURRENTLY i ON t USING brin (a)")))
                .isEqualTo("CREATE INDEX CONCURRENTLY i ON t USING brin (a);");
        assertThat(AdviceReport.createSql(ddl("i", null))).isNull();
    }

    @Test
    void dropStatementsQuoteWhatNeedsIt() {
        assertThat(AdviceReport.dropSql(ddl("orders_customer_idx", null)))
                .isEqualTo("DROP INDEX CONCURRENTLY orders_customer_idx;");
        assertThat(AdviceReport.dropSql(ddl("sales.Orders \"x\"", null)))
                .isEqualTo("DROP INDEX CONCURRENTLY sales.\"Orders \"\"x\"\"\";");
    }

    @Test
    void candidatesWithoutDdlAreListedAsComments() {
        CostMatrix m = CostMatrix.builder(List.of(new WhatIf.WorkloadQuery("q", 1, null)),
                        List.of(new IndexCandidate("bare", "t", List.of("a", "b"), 10, null, 0, false)))
                .cost("q", List.of(), 100).cost("q", List.of("bare"), 1).build();
        Advice a = Advisor.advise(m, Budget.storage(10));
        assertThat(AdviceReport.text(a)).contains("-- bare: no DDL recorded (t (a, b))")
                .contains("workload: 1 query; budget 10 B of indexes");
        assertThat(AdviceReport.markdown(a)).contains("| new | `bare` | t | a, b | 10 B | 99.0 | 99.0 | 1.0 |");
        assertThat(AdviceReport.json(a)).contains("\"relativeCost\" : 0.01");
    }
}
