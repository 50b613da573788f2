package io.accesspath.postgres.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accesspath.core.error.UserError;
import io.accesspath.postgres.PgUrlDatabase;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * pg_stat_statements as a workload source, on the PostgreSQL server. Reading real statistics
 * needs the library in shared_preload_libraries (a server restart); when the server does not
 * preload it (the default Debian service here), the positive test is skipped with that reason and
 * the errors a user then gets are checked for real.
 */
class PgStatStatementsIT {
    private static boolean preloaded() {
        try (LiveDb probe = LiveDb.create("pgss_probe")) {
            return probe.column("SHOW shared_preload_libraries").get(0).contains("pg_stat_statements");
        }
    }

    @Test
    void notInstalledSaysHowToInstallIt() {
        try (LiveDb db = LiveDb.create("pgss_none"); PgUrlDatabase ro = db.readOnly()) {
            assertThatThrownBy(() -> Workloads.fromPgStatStatements(ro, 10))
                    .isInstanceOf(UserError.class)
                    .hasMessageContaining("pg_stat_statements is not installed")
                    .hasMessageContaining("shared_preload_libraries")
                    .hasMessageContaining("CREATE EXTENSION pg_stat_statements");
            assertThat(db.column("SELECT extname FROM pg_extension")).doesNotContain("pg_stat_statements");
        }
    }

    @Test
    void installedButNotPreloadedSaysSo() {
        Assumptions.assumeFalse(preloaded(), "the server preloads pg_stat_statements");
        try (LiveDb db = LiveDb.create("pgss_noload")) {
            db.exec("CREATE EXTENSION pg_stat_statements");
            try (PgUrlDatabase ro = db.readOnly()) {
                assertThatThrownBy(() -> Workloads.fromPgStatStatements(ro, 10))
                        .isInstanceOf(UserError.class)
                        .hasMessageContaining("installed in")
                        .hasMessageContaining("not loaded")
                        .hasMessageContaining("shared_preload_libraries");
            }
        }
    }

    @Test
    void topStatementsByTotalTimeWithCallsAsWeightsAndNoUtilityStatements() {
        Assumptions.assumeTrue(preloaded(), "pg_stat_statements is not in the server's shared_preload_libraries:"
                + " reading real statistics needs it there and a restart (not done by the tests)");
        try (LiveDb db = LiveDb.create("pgss")) {
            db.exec("CREATE EXTENSION pg_stat_statements", "CREATE TABLE t (id int PRIMARY KEY, a int)",
                    "INSERT INTO t SELECT g, g % 10 FROM generate_series(1, 1000) g", "SELECT pg_stat_statements_reset()");
            for (int i = 0; i < 7; i++) {
                db.exec("SELECT * FROM t WHERE a = " + i, "SET work_mem = '8MB'");
            }
            try (PgUrlDatabase ro = db.readOnly()) {
                List<WorkloadStatement> w = Workloads.fromPgStatStatements(ro, 10);
                assertThat(w).extracting(WorkloadStatement::sql).contains("SELECT * FROM t WHERE a = $1")
                        .noneMatch(s -> s.startsWith("SET"));
                assertThat(w).filteredOn(s -> s.sql().equals("SELECT * FROM t WHERE a = $1"))
                        .singleElement().extracting(WorkloadStatement::weight).isEqualTo(7.0);
            }
        }
    }
}
