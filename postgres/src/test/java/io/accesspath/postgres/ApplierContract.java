package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.accesspath.core.db.ApplyMode;
import io.accesspath.core.db.ApplyResult;
import io.accesspath.core.db.ConnectOptions;
import io.accesspath.core.db.Statement;
import io.accesspath.core.db.StatementError;
import io.accesspath.core.error.UserError;
import io.accesspath.core.schema.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@link SchemaApplier} through {@link PgUrlDatabase}: one transaction, clear failures, nothing left behind. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApplierContract {
    private TestDatabases.Scratch scratch;
    private PgUrlDatabase db;

    abstract TestDatabases.Target target();

    @BeforeAll
    void createDatabase() {
        scratch = TestDatabases.create(target(), "applier");
        db = scratch.database();
    }

    @AfterAll
    void dropDatabase() {
        scratch.close();
    }

    @BeforeEach
    void emptyPublicSchema() throws SQLException {
        execute(db, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
    }

    @Test
    void commitKeepsTheSchemaAndTimesEachStatement() {
        List<Statement> statements = PgDdl.render(GoldenSchemas.cycle());

        ApplyResult result = db.apply(statements, ApplyMode.COMMIT);

        assertThat(result.mode()).isEqualTo(ApplyMode.COMMIT);
        assertThat(result.statements()).extracting(ApplyResult.Timing::statement).containsExactlyElementsOf(statements);
        Duration sum = result.statements().stream().map(ApplyResult.Timing::elapsed).reduce(Duration.ZERO, Duration::plus);
        assertThat(result.total()).isGreaterThanOrEqualTo(sum);
        assertThat(db.introspect("public").tables()).extracting(t -> t.name()).containsExactly("departments", "employees");
    }

    @Test
    void aFailingStatementIsNamedAndNothingIsLeftBehind() {
        List<Statement> statements = new ArrayList<>(PgDdl.render(GoldenSchemas.cycle()));
        String bad = "CREATE INDEX bad_idx ON employees USING btree (id) WHERE nope > 0";
        statements.add(2, new Statement(bad, Statement.INDEX, "bad_idx"));

        StatementError error = catchThrowableOfType(StatementError.class, () -> db.apply(statements, ApplyMode.COMMIT));

        assertThat(error.number()).isEqualTo(3);
        assertThat(error.statement().subject()).isEqualTo("bad_idx");
        assertThat(error.sqlState()).isEqualTo("42703");
        assertThat(error.position()).isEqualTo(bad.indexOf("nope") + 1);
        assertThat(error.exitCode()).isEqualTo(UserError.DATABASE);
        assertThat(error.problems()).singleElement().satisfies(p -> assertThat(p.render()).isEqualTo(
                "statement 3 of 6 (index bad_idx) failed on " + db.target() + ": column \"nope\" does not exist"
                        + " [SQLSTATE 42703] at line 1, column " + (bad.indexOf("nope") + 1) + " in: " + bad
                        + "; the transaction was rolled back; nothing was changed"));
        assertThat(db.introspect("public").tables()).isEmpty();
    }

    @Test
    void theErrorPositionIsALineAndColumnOfTheStatement() {
        Statement table = new Statement("CREATE TABLE t (\n    a integer,\n    b no_such_type\n)", Statement.TABLE, "t");

        StatementError error = catchThrowableOfType(StatementError.class,
                () -> db.apply(List.of(table), ApplyMode.COMMIT));

        assertThat(error.getMessage()).contains("type \"no_such_type\" does not exist", "at line 3, column 7",
                "in: CREATE TABLE t (");
    }

    @Test
    void rollbackProvesTheDdlWithoutChangingAnything() throws SQLException {
        execute(db, "CREATE TABLE employees (x text)");
        Schema before = db.introspect("public");

        ApplyResult result = db.apply(PgDdl.render(GoldenSchemas.shop()), ApplyMode.ROLLBACK);

        assertThat(result.mode()).isEqualTo(ApplyMode.ROLLBACK);
        assertThat(db.introspect("public")).isEqualTo(before);
        assertThat(db.introspect("public").extensions()).isEmpty();
        assertThat(query(db, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'accesspath_probe_%'")).isEqualTo("0");
    }

    @Test
    void aReadOnlyDatabaseRefusesToCommitButCanProve() throws SQLException {
        try (PgUrlDatabase readOnly = PgUrlDatabase.connect(scratch.url(), ConnectOptions.DEFAULT)) {
            List<Statement> statements = PgDdl.render(GoldenSchemas.cycle());

            assertThatThrownBy(() -> readOnly.apply(statements, ApplyMode.COMMIT))
                    .isInstanceOf(UserError.class)
                    .hasMessageContaining("refusing to commit DDL to " + readOnly.target());
            assertThat(readOnly.apply(statements, ApplyMode.ROLLBACK).statements()).hasSameSizeAs(statements);
            assertThat(db.introspect("public").tables()).isEmpty();
        }
    }

    @Test
    void concurrentlyCannotRunInTheTransactionAndSaysSo() {
        Statement concurrently = new Statement("CREATE INDEX CONCURRENTLY i ON t (a)", Statement.INDEX, "i");
        Statement table = new Statement("CREATE TABLE t (a integer)", Statement.TABLE, "t");

        assertThatThrownBy(() -> db.apply(List.of(table, concurrently), ApplyMode.COMMIT))
                .isInstanceOf(StatementError.class)
                .hasMessageContaining("cannot run inside a transaction block")
                .hasMessageContaining("[SQLSTATE 25001]");
        assertThat(db.introspect("public").tables()).isEmpty();
    }

    static void execute(PgUrlDatabase database, String... sql) throws SQLException {
        try (Connection connection = database.open(); java.sql.Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    static String query(PgUrlDatabase database, String sql) throws SQLException {
        try (Connection connection = database.open(); java.sql.Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
