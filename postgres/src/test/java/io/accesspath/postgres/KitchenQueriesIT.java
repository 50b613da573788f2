package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.db.ApplyMode;
import io.accesspath.core.design.Design;
import io.accesspath.core.query.Query;
import io.accesspath.core.query.QuerySql;
import io.accesspath.core.query.QueryWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every statement the writer makes for the kitchen spec (every operator, paging style and fetch
 * shape) parses, has its parameter types resolved by the server from the SQL alone, and plans, on
 * the embedded PostgreSQL and on the server.
 */
class KitchenQueriesIT {

    @ParameterizedTest
    @EnumSource(TestDatabases.Target.class)
    void everyStatementParsesAndPlans(TestDatabases.Target target) throws SQLException {
        Design d = KitchenQueriesTest.design();
        List<Query> queries = new QueryWriter(PgDialect.INSTANCE).write(d);
        try (TestDatabases.Scratch scratch = TestDatabases.create(target, "kitchen")) {
            scratch.database().apply(PgDialect.INSTANCE.renderDdl(d.schema()), ApplyMode.COMMIT);
            try (Connection c = scratch.database().open()) {
                for (Query q : queries) {
                    explain(c, q, q.firstPage());
                    if (q.nextPage().isPresent()) {
                        explain(c, q, q.nextPage().get());
                    }
                }
            }
        }
    }

    /** EXPLAIN with every parameter bound as an untyped NULL: the server must infer each type. */
    private static void explain(Connection c, Query q, QuerySql sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql.jdbcSql())) {
            for (int i = 1; i <= sql.parameters().size(); i++) {
                ps.setNull(i, Types.OTHER);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(q.name()).isTrue();
            }
        } catch (SQLException e) {
            throw new AssertionError(q.name() + ": " + e.getMessage() + "\n" + sql.jdbcSql(), e);
        }
    }
}
