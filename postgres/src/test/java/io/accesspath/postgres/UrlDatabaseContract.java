package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accesspath.core.db.ConnectOptions;
import io.accesspath.core.error.UserError;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The guards of a database named by a URL, enforced by the server itself. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UrlDatabaseContract {
    private TestDatabases.Scratch scratch;

    abstract TestDatabases.Target target();

    @BeforeAll
    void createDatabase() {
        scratch = TestDatabases.create(target(), "url");
    }

    @AfterAll
    void dropDatabase() {
        scratch.close();
    }

    @Test
    void readOnlyByDefaultEvenForRawSql() {
        try (PgUrlDatabase db = PgUrlDatabase.connect(scratch.url(), ConnectOptions.DEFAULT)) {
            assertThat(db.writable()).isFalse();
            assertThatThrownBy(() -> ApplierContract.execute(db, "CREATE TABLE t (a integer)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("read-only transaction")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
        }
    }

    @Test
    void writesNeedTheOptIn() throws SQLException {
        try (PgUrlDatabase db = PgUrlDatabase.connect(scratch.url(), ConnectOptions.DEFAULT.withWrites())) {
            assertThat(db.writable()).isTrue();
            ApplierContract.execute(db, "CREATE TABLE opted_in (a integer)", "DROP TABLE opted_in");
        }
    }

    @Test
    void statementsAreCancelledAfterTheTimeout() {
        ConnectOptions fast = ConnectOptions.DEFAULT.withStatementTimeout(Duration.ofMillis(200));
        try (PgUrlDatabase db = PgUrlDatabase.connect(scratch.url(), fast)) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> ApplierContract.query(db, "SELECT pg_sleep(10)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void bothUrlFormsReachTheSameDatabase() throws SQLException {
        try (PgUrlDatabase db = PgUrlDatabase.connect(scratch.url(), ConnectOptions.DEFAULT)) {
            var url = io.accesspath.postgres.internal.PgUrl.parse(scratch.url());
            String jdbc = url.jdbcUrl() + "?user=" + url.user() + url.password().map(p -> "&password=" + p).orElse("");
            try (PgUrlDatabase viaJdbc = PgUrlDatabase.connect(jdbc, ConnectOptions.DEFAULT)) {
                assertThat(viaJdbc.target()).isEqualTo(db.target());
                assertThat(ApplierContract.query(viaJdbc, "SELECT current_database()")).isEqualTo(scratch.name());
            }
            assertThat(db.serverVersion().major()).isBetween(14, 18);
            assertThat(db.serverVersion().full()).startsWith("PostgreSQL " + db.serverVersion().number());
        }
    }

    @Test
    void aMissingDatabaseIsOneLineWithAHint() {
        String url = TestDatabases.withDatabase(scratch.url(), "no_such_db_here");
        assertThatThrownBy(() -> PgUrlDatabase.connect(url, ConnectOptions.DEFAULT))
                .isInstanceOf(UserError.class)
                .satisfies(e -> {
                    UserError error = (UserError) e;
                    assertThat(error.exitCode()).isEqualTo(UserError.DATABASE);
                    assertThat(error.problems()).singleElement().satisfies(p -> assertThat(p.render())
                            .endsWith("/no_such_db_here: database \"no_such_db_here\" does not exist;"
                                    + " create the database or name one that exists"));
                });
    }

    @Test
    void aMissingSchemaIsNamed() {
        try (PgUrlDatabase db = PgUrlDatabase.connect(scratch.url(), ConnectOptions.DEFAULT)) {
            assertThatThrownBy(() -> db.introspect("nope"))
                    .isInstanceOf(UserError.class)
                    .hasMessageContaining("schema 'nope' does not exist in " + db.target());
        }
    }

    @Test
    void eachOpenIsANewConfiguredConnection() throws SQLException {
        try (PgUrlDatabase db = PgUrlDatabase.connect(scratch.url(), ConnectOptions.DEFAULT);
             Connection a = db.open(); Connection b = db.open()) {
            assertThat(a).isNotSameAs(b);
            assertThat(ApplierContract.query(db, "SHOW default_transaction_read_only")).isEqualTo("on");
            assertThat(ApplierContract.query(db, "SHOW statement_timeout")).isEqualTo("1min");
            assertThat(ApplierContract.query(db, "SHOW lock_timeout")).isEqualTo("5s");
        }
    }
}
