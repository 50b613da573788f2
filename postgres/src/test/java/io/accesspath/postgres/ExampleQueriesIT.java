package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.db.ApplyMode;
import io.accesspath.core.design.Design;
import io.accesspath.core.query.ParameterRole;
import io.accesspath.core.query.Query;
import io.accesspath.core.query.QuerySql;
import io.accesspath.core.query.QueryWriter;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated query of every example runs on a real PostgreSQL (embedded and the server): the
 * schema is applied, a few hand-written rows are inserted, each parameter gets a value picked from
 * those rows through the query model's description of it, and then each statement must plan and
 * run under EXPLAIN ANALYZE, return rows with the labels the model announces, be able to use the
 * index the design expects, and page: keyset next pages continue exactly where the previous page
 * ended (walked one and two rows at a time, NULL cursors included), offset pages likewise.
 */
class ExampleQueriesIT {
    private static final long ALL = QueryValues.ALL;

    static Stream<Arguments> examplesOnServers() {
        return ExampleDesigns.NAMES.stream().flatMap(n -> Stream.of(TestDatabases.Target.values())
                .map(t -> Arguments.of(n, t)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("examplesOnServers")
    void everyQueryPlansRunsAndPages(String name, TestDatabases.Target target) throws Exception {
        Design d = ExampleDesigns.design(name);
        List<Query> queries = new QueryWriter(PgDialect.INSTANCE).write(d);
        try (TestDatabases.Scratch scratch = TestDatabases.create(target, name)) {
            scratch.database().apply(PgDialect.INSTANCE.renderDdl(d.schema()), ApplyMode.COMMIT);
            try (Connection c = scratch.database().open(); Statement st = c.createStatement()) {
                st.execute(fixture(name));
                st.execute("ANALYZE");
                QueryValues values = new QueryValues(c, d.schema());
                for (Query q : queries) {
                    check(c, values, q, d.schema());
                }
            }
        }
    }

    private static void check(Connection c, QueryValues values, Query q, Schema schema) throws SQLException {
        Map<String, Object> v = values.richest(q);
        explainAnalyze(c, values, q, q.firstPage(), v);
        List<Map<String, Object>> all = run(c, values, q, q.firstPage(), with(v, "limit", ALL));
        assertThat(all).as("%s returns rows for %s", q.name(), v).isNotEmpty();
        assertThat(all.get(0).keySet()).as(q.name()).containsExactlyElementsOf(q.resultColumns());
        if (q.expected().access().index().isPresent()) {
            String index = q.expected().access().index().get();
            Table table = schema.table(q.expected().access().table()).orElseThrow();
            assertThat(planWithOnly(c, values, q, v, table, index)).as("%s can use %s", q.name(), index)
                    .contains("\"Index Name\": \"" + index + "\"");
        }
        if (q.nextPage().isPresent()) {
            explainAnalyze(c, values, q, q.nextPage().get(), with(v, QueryValues.cursor(q, all.get(0))));
            for (long size : new long[] {1, 2}) {
                assertThat(walkKeyset(c, values, q, v, size)).as("%s in keyset pages of %d", q.name(), size)
                        .isEqualTo(all);
            }
        }
        if (!q.parametersWith(ParameterRole.OFFSET).isEmpty()) {
            List<Map<String, Object>> walked = new ArrayList<>();
            for (long offset = 0; offset < all.size(); offset += 2) {
                walked.addAll(run(c, values, q, q.firstPage(), with(with(v, "limit", 2L), "offset", offset)));
            }
            assertThat(walked).as("%s in offset pages", q.name()).isEqualTo(all);
        }
    }

    private static List<Map<String, Object>> walkKeyset(Connection c, QueryValues values, Query q,
                                                        Map<String, Object> v, long size) throws SQLException {
        Map<String, Object> page = with(v, "limit", size);
        List<Map<String, Object>> rows = new ArrayList<>(run(c, values, q, q.firstPage(), page));
        List<Map<String, Object>> last = rows;
        while (!last.isEmpty() && rows.size() <= ALL) {
            Map<String, Object> cursor = QueryValues.cursor(q, last.get(last.size() - 1));
            last = run(c, values, q, q.nextPage().orElseThrow(), with(page, cursor));
            rows.addAll(last);
        }
        return rows;
    }

    /**
     * The plan when the expected index is the only way in: inside a transaction that is rolled back,
     * every other index and key of the table is dropped and sequential scans are priced out. At a
     * few rows the planner's own choice proves nothing; this proves the SQL as written can use the
     * index (partial-index predicates implied, folded expressions matched, seekable conditions).
     */
    private static String planWithOnly(Connection c, QueryValues values, Query q, Map<String, Object> v,
                                       Table table, String index) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (String other : indexesOf(table)) {
                if (other.equals(index)) {
                    continue;
                }
                boolean constraint = table.primaryKey().map(pk -> pk.name().equals(other)).orElse(false)
                        || table.uniques().stream().anyMatch(u -> u.name().equals(other));
                st.execute(constraint
                        ? "ALTER TABLE " + PgIdentifiers.quote(table.name()) + " DROP CONSTRAINT "
                        + PgIdentifiers.quote(other) + " CASCADE"
                        : "DROP INDEX " + PgIdentifiers.quote(other));
            }
            st.execute("SET LOCAL enable_seqscan = off");
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (FORMAT JSON) " + q.firstPage().jdbcSql())) {
                values.bind(ps, q, q.firstPage().parameters(), v);
                return QueryValues.rows(ps).get(0).values().iterator().next().toString();
            }
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private static List<String> indexesOf(Table t) {
        List<String> names = new ArrayList<>();
        t.primaryKey().ifPresent(pk -> names.add(pk.name()));
        t.uniques().forEach(u -> names.add(u.name()));
        t.indexes().forEach(i -> names.add(i.name()));
        return names;
    }

    private static void explainAnalyze(Connection c, QueryValues values, Query q, QuerySql sql, Map<String, Object> v)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql.jdbcSql())) {
            values.bind(ps, q, sql.parameters(), v);
            String plan = QueryValues.rows(ps).get(0).values().iterator().next().toString();
            assertThat(plan).as(q.name()).contains("\"Actual Rows\"");
        }
    }

    private static List<Map<String, Object>> run(Connection c, QueryValues values, Query q, QuerySql sql,
                                                 Map<String, Object> v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.jdbcSql())) {
            values.bind(ps, q, sql.parameters(), v);
            return QueryValues.rows(ps);
        }
    }

    private static Map<String, Object> with(Map<String, Object> v, String name, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(v);
        if (out.containsKey(name)) {
            out.put(name, value);
        }
        return out;
    }

    private static Map<String, Object> with(Map<String, Object> v, Map<String, Object> more) {
        Map<String, Object> out = new LinkedHashMap<>(v);
        out.putAll(more);
        return out;
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ExampleQueriesIT.class.getResourceAsStream("queries/" + name + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
