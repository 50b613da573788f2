package io.accesspath.postgres.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accesspath.core.advise.WhatIf;
import io.accesspath.core.error.UserError;
import io.accesspath.postgres.PgUrlDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What-if costs on the PostgreSQL 15 server with HypoPG, and the rolled-back fallback. */
class PgWhatIfIT {
    static LiveDb db;
    static final List<String> LOG = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        LiveDb.requireHypoPg();
        db = LiveDb.create("whatif");
        db.exec("CREATE EXTENSION hypopg",
                "CREATE TABLE t (id bigint PRIMARY KEY, a int NOT NULL, b int NOT NULL, c text NOT NULL)",
                "CREATE TABLE u (id bigint PRIMARY KEY, t_id bigint NOT NULL, v int NOT NULL)",
                "INSERT INTO t SELECT g, g % 5000, g % 7, md5(g::text) FROM generate_series(1, 200000) g",
                "INSERT INTO u SELECT g, g % 200000 + 1, g % 100 FROM generate_series(1, 50000) g",
                "CREATE INDEX t_c_idx ON t (c)",
                "ANALYZE");
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static List<WorkloadStatement> workload() {
        return List.of(WorkloadStatement.of("by_a", 10, "SELECT id, c FROM t WHERE a = $1"),
                WorkloadStatement.of("by_a_literal", 1, "SELECT * FROM t WHERE a = 42 ORDER BY id"),
                WorkloadStatement.of("by_c", 5, "SELECT * FROM t WHERE c = ?"),
                WorkloadStatement.of("by_v", 1, "SELECT * FROM u WHERE v = 3"),
                WorkloadStatement.of("ins", 1, "INSERT INTO u (id, t_id, v) VALUES ($1, $2, $3)"));
    }

    @Test
    void aUsefulHypotheticalIndexLowersTheCostAndNothingIsWritten() {
        List<String> before = db.fingerprint();
        try (PgUrlDatabase ro = db.readOnly();
             PgWhatIf w = PgWhatIf.forWorkload(ro, PgWhatIf.Settings.hypoPg(LOG::add), workload())) {
            assertThat(w.mode()).isEqualTo(PgWhatIf.Mode.HYPOPG);
            assertThat(w.queries()).extracting(WhatIf.WorkloadQuery::id)
                    .containsExactly("by_a", "by_a_literal", "by_c", "by_v", "ins");
            assertThat(w.candidates()).extracting(WhatIf.IndexCandidate::id).contains("t_a_idx", "u_v_idx");
            WhatIf.IndexCandidate ta = w.candidates().stream().filter(c -> c.id().equals("t_a_idx")).findFirst()
                    .orElseThrow();
            assertThat(ta.sizeBytes()).isBetween(1_000_000L, 20_000_000L); // ~200k entries
            assertThat(ta.ddl()).isEqualTo("CREATE INDEX CONCURRENTLY t_a_idx ON t (a)");
            double without = w.cost("by_a", Set.of());
            double with = w.cost("by_a", Set.of("t_a_idx"));
            assertThat(with).isLessThan(without / 10);
            assertThat(w.cost("by_v", Set.of("u_v_idx"))).isLessThan(w.cost("by_v", Set.of()));
        }
        assertThat(db.fingerprint()).isEqualTo(before);
    }

    @Test
    void costsAreCachedPerQueryAndTheIndexesOnItsTables() {
        try (PgUrlDatabase ro = db.readOnly();
             PgWhatIf w = PgWhatIf.forWorkload(ro, PgWhatIf.Settings.hypoPg(LOG::add), workload())) {
            long calls = w.calls();
            double first = w.cost("by_a", Set.of("t_a_idx"));
            assertThat(w.calls()).isEqualTo(calls + 1);
            // the same question, and one that differs only on another table: no new EXPLAIN
            assertThat(w.cost("by_a", Set.of("t_a_idx"))).isEqualTo(first);
            assertThat(w.cost("by_a", Set.of("t_a_idx", "u_v_idx"))).isEqualTo(first);
            assertThat(w.calls()).isEqualTo(calls + 1);
            assertThat(w.cacheHits()).isEqualTo(2);
            w.cost("by_a", Set.of());
            assertThat(w.calls()).isEqualTo(calls + 2);
            // an INSERT ... VALUES reads no table: no candidate is relevant, one EXPLAIN answers all
            assertThat(w.relevant("ins")).isEmpty();
            assertThat(w.relevant("by_a")).contains("t_a_idx").doesNotContain("u_v_idx");
            w.cost("ins", Set.of());
            w.cost("ins", Set.of("t_a_idx", "u_v_idx"));
            assertThat(w.calls()).isEqualTo(calls + 3);
        }
    }

    @Test
    void hypoPg13KeepsExistingIndexesAndSaysSo() {
        try (PgUrlDatabase ro = db.readOnly();
             PgWhatIf w = PgWhatIf.forWorkload(ro, PgWhatIf.Settings.hypoPg(LOG::add), workload())) {
            if (db.column("SELECT 1 FROM pg_proc WHERE proname = 'hypopg_hide_index'").isEmpty()) {
                assertThat(w.candidates()).noneMatch(WhatIf.IndexCandidate::existing);
                assertThat(w.warnings()).anyMatch(s -> s.contains("no hypopg_hide_index"));
            } else {
                assertThat(w.candidates()).filteredOn(WhatIf.IndexCandidate::existing)
                        .extracting(WhatIf.IndexCandidate::id).containsExactly("t_c_idx");
                assertThat(w.cost("by_c", Set.of())).isGreaterThan(w.cost("by_c", w.current()) * 10);
            }
        }
    }

    @Test
    void hidingAnExistingIndexRaisesTheCostInTheRolledBackFallback() {
        List<String> before = db.fingerprint();
        PgWhatIf.Settings rollback = new PgWhatIf.Settings(PgWhatIf.Mode.ROLLBACK, d -> 0, false, LOG::add);
        try (PgUrlDatabase rw = db.writable(); PgWhatIf w = PgWhatIf.forWorkload(rw, rollback, workload())) {
            assertThat(w.candidates()).filteredOn(WhatIf.IndexCandidate::existing)
                    .extracting(WhatIf.IndexCandidate::id).containsExactly("t_c_idx");
            assertThat(w.current()).containsExactly("t_c_idx");
            double kept = w.cost("by_c", w.current());
            double hidden = w.cost("by_c", Set.of());
            assertThat(hidden).isGreaterThan(kept * 10);
            // real indexes, real sizes
            assertThat(w.cost("by_a", Set.of("t_a_idx"))).isLessThan(w.cost("by_a", Set.of()) / 10);
        }
        assertThat(db.fingerprint()).isEqualTo(before);
    }

    @Test
    void theRolledBackFallbackIsRefusedOnAReadOnlyDatabase() {
        PgWhatIf.Settings rollback = new PgWhatIf.Settings(PgWhatIf.Mode.ROLLBACK, d -> 0, false, LOG::add);
        try (PgUrlDatabase ro = db.readOnly()) {
            assertThatThrownBy(() -> PgWhatIf.forWorkload(ro, rollback, workload()))
                    .isInstanceOf(UserError.class).hasMessageContaining("throwaway");
        }
    }

    @Test
    void pg15CostsParameterizedStatementsByTheirGenericPlan() throws Exception {
        try (Connection c = db.jdbc(); Statement st = c.createStatement()) {
            st.execute("SET plan_cache_mode = force_generic_plan");
            var plan = PgWhatIf.explainGenericPg15(st, Placeholders.toDollar("SELECT * FROM t WHERE c = ? AND a = ?"));
            String text = plan.toString();
            // a custom plan for NULL would fold the condition away ("One-Time Filter: false")
            assertThat(text).contains("$1").contains("$2").doesNotContain("One-Time Filter");
        }
    }

    @Test
    void aDatabaseWithoutHypoPgGetsTheOneLineFixAndIsLeftAlone() {
        try (LiveDb bare = LiveDb.create("bare")) {
            bare.exec("CREATE TABLE t (id int PRIMARY KEY)");
            List<String> before = bare.fingerprint();
            try (PgUrlDatabase ro = bare.readOnly()) {
                assertThatThrownBy(() -> PgWhatIf.forWorkload(ro, PgWhatIf.Settings.hypoPg(LOG::add),
                        List.of(WorkloadStatement.of("q", 1, "SELECT * FROM t WHERE id = 1"))))
                        .isInstanceOf(UserError.class)
                        .hasMessageContaining("HypoPG is not installed")
                        .hasMessageContaining("CREATE EXTENSION hypopg")
                        .hasMessageContaining("--create-hypopg");
            }
            assertThat(bare.fingerprint()).isEqualTo(before);
            try (PgUrlDatabase ro = bare.readOnly();
                 PgWhatIf w = PgWhatIf.forWorkload(ro, new PgWhatIf.Settings(PgWhatIf.Mode.HYPOPG, d -> 0, true,
                         LOG::add), List.of(WorkloadStatement.of("q", 1, "SELECT * FROM t WHERE id = 1")))) {
                assertThat(w.queries()).hasSize(1);
            }
            assertThat(bare.column("SELECT extname FROM pg_extension")).contains("hypopg");
        }
    }
}
