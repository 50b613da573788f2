package io.accesspath.postgres.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accesspath.core.error.UserError;
import io.accesspath.postgres.PgUrlDatabase;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * pg_stat_statements as a workload source. The errors a user gets are checked on the PostgreSQL
 * server (whose Debian service does not preload the library); reading real statistics runs on an
 * embedded PostgreSQL started with the library preloaded.
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

    /**
     * The service does not preload the library here (that needs postgresql.conf and a restart,
     * which the tests do not do to a shared server), so this reads real statistics from an
     * embedded PostgreSQL started with shared_preload_libraries = pg_stat_statements.
     */
    @Test
    void topStatementsByTotalTimeWithCallsAsWeightsAndNoUtilityStatements() throws Exception {
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("ap_live_pgss");
        try (var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(data).setCleanDataDirectory(true)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("listen_addresses", "localhost").start()) {
            String url = "postgresql://postgres@localhost:" + server.getPort() + "/postgres";
            try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + server.getPort()
                    + "/postgres?user=postgres"); var st = c.createStatement()) {
                st.execute("CREATE EXTENSION pg_stat_statements");
                st.execute("CREATE TABLE t (id int PRIMARY KEY, a int)");
                st.execute("INSERT INTO t SELECT g, g % 10 FROM generate_series(1, 1000) g");
                st.execute("SELECT pg_stat_statements_reset()");
                for (int i = 0; i < 7; i++) {
                    st.execute("SELECT * FROM t WHERE a = " + i);
                    st.execute("SET work_mem = '8MB'");
                }
                st.execute("UPDATE t SET a = a WHERE id = 1");
            }
            try (PgUrlDatabase ro = PgUrlDatabase.connect(url, io.accesspath.core.db.ConnectOptions.DEFAULT)) {
                List<WorkloadStatement> w = Workloads.fromPgStatStatements(ro, 10);
                assertThat(w).extracting(WorkloadStatement::sql)
                        .contains("SELECT * FROM t WHERE a = $1", "UPDATE t SET a = a WHERE id = $1")
                        .noneMatch(s -> s.startsWith("SET") || s.contains("pg_stat_statements"));
                assertThat(w).filteredOn(s -> s.sql().equals("SELECT * FROM t WHERE a = $1"))
                        .singleElement().extracting(WorkloadStatement::weight).isEqualTo(7.0);
                assertThat(Workloads.fromPgStatStatements(ro, 1)).hasSize(1);
            }
        } finally {
            if (java.nio.file.Files.exists(data)) { // the server usually deletes it on close
                try (var files = java.nio.file.Files.walk(data)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }
}
