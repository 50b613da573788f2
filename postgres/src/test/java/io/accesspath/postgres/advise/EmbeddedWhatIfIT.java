package io.accesspath.postgres.advise;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.advise.WhatIf;
import io.accesspath.postgres.PgEmbeddedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rolled-back fallback on the embedded PostgreSQL (17, no HypoPG), which is what
 * {@code advise --spec} uses: real indexes inside a transaction that is rolled back, generic plans
 * through EXPLAIN (GENERIC_PLAN) on PostgreSQL 16+.
 */
class EmbeddedWhatIfIT {
    @Test
    void realIndexesInARolledBackTransactionAndGenericPlansOnPostgres16Plus() throws Exception {
        try (PgEmbeddedDatabase db = PgEmbeddedDatabase.start()) {
            assertThat(db.serverVersion().major()).isGreaterThanOrEqualTo(16);
            try (Connection c = db.open(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (id bigint PRIMARY KEY, a int NOT NULL, c text NOT NULL)");
                st.execute("INSERT INTO t SELECT g, g % 5000, md5(g::text) FROM generate_series(1, 100000) g");
                st.execute("CREATE INDEX t_c_idx ON t (c)");
                st.execute("ANALYZE t");
            }
            List<String> before = indexes(db);
            List<WorkloadStatement> w = List.of(WorkloadStatement.of("by_a", 1, "SELECT id FROM t WHERE a = $1"),
                    WorkloadStatement.of("by_c", 1, "SELECT * FROM t WHERE c = ?"));
            PgWhatIf.Settings rollback = new PgWhatIf.Settings(PgWhatIf.Mode.ROLLBACK, d -> 0, false, m -> { });
            try (PgWhatIf what = PgWhatIf.forWorkload(db, rollback, w)) {
                assertThat(what.warnings()).isEmpty();
                assertThat(what.candidates()).extracting(WhatIf.IndexCandidate::id)
                        .containsExactlyInAnyOrder("t_a_idx", "t_a_incl_idx", "t_c_idx");
                // a built index has its real size: 100k entries of an int, deduplicated (20 rows per value)
                assertThat(what.candidates()).filteredOn(x -> x.id().equals("t_a_idx")).singleElement()
                        .extracting(WhatIf.IndexCandidate::sizeBytes).asInstanceOf(
                                org.assertj.core.api.InstanceOfAssertFactories.LONG).isBetween(500_000L, 4_000_000L);
                assertThat(what.cost("by_a", Set.of("t_a_idx"))).isLessThan(what.cost("by_a", Set.of()) / 5);
                assertThat(what.cost("by_a", Set.of("t_a_incl_idx"))).isLessThan(what.cost("by_a", Set.of()) / 5);
                assertThat(what.cost("by_c", Set.of())).isGreaterThan(what.cost("by_c", Set.of("t_c_idx")) * 10);
                // questions after one another do not leak: the first answer again
                assertThat(what.cost("by_a", Set.of("t_c_idx"))).isEqualTo(what.cost("by_a", Set.of()));
            }
            assertThat(indexes(db)).isEqualTo(before);
        }
    }

    private static List<String> indexes(PgEmbeddedDatabase db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
