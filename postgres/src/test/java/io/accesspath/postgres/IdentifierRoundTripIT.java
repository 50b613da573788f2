package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any identifier PostgreSQL can hold (unicode, quotes, spaces, keywords, up to 63 bytes) survives
 * {@link PgIdentifiers#quote}: a table, a column and a check constraint named with it read back
 * from the catalog with exactly that name, on both servers. Each try runs in a transaction that is
 * rolled back.
 */
class IdentifierRoundTripIT {
    private static final Map<TestDatabases.Target, TestDatabases.Scratch> DATABASES =
            new EnumMap<>(TestDatabases.Target.class);
    private static final Map<TestDatabases.Target, Connection> CONNECTIONS = new EnumMap<>(TestDatabases.Target.class);

    @BeforeContainer
    static void createDatabases() throws SQLException {
        for (TestDatabases.Target target : TestDatabases.Target.values()) {
            TestDatabases.Scratch scratch = TestDatabases.create(target, "identifiers");
            DATABASES.put(target, scratch);
            Connection connection = scratch.database().open();
            connection.setAutoCommit(false);
            CONNECTIONS.put(target, connection);
        }
    }

    @AfterContainer
    static void dropDatabases() throws SQLException {
        for (Connection connection : CONNECTIONS.values()) {
            connection.close();
        }
        DATABASES.values().forEach(TestDatabases.Scratch::close);
    }

    @Property(tries = 300)
    void survivesTheEmbeddedServer(@ForAll("identifiers") String identifier) throws SQLException {
        assertRoundTrip(TestDatabases.Target.EMBEDDED, identifier);
    }

    @Property(tries = 300)
    void survivesTheServer(@ForAll("identifiers") String identifier) throws SQLException {
        assertRoundTrip(TestDatabases.Target.SERVER, identifier);
    }

    private static void assertRoundTrip(TestDatabases.Target target, String identifier) throws SQLException {
        String q = PgIdentifiers.quote(identifier);
        Connection connection = CONNECTIONS.get(target);
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + q + " (" + q + " integer CONSTRAINT " + q + " CHECK (" + q + " > 0))");
            try (ResultSet rs = statement.executeQuery(CatalogQuery.SQL)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("table_name")).isEqualTo(identifier);
                assertThat(rs.getString("column_name")).isEqualTo(identifier);
                assertThat(rs.getString("constraint_name")).isEqualTo(identifier);
                assertThat(rs.next()).isFalse();
            }
        } finally {
            connection.rollback();
        }
    }

    /** The only table of the scratch database's public schema, with its column and check constraint. */
    private static final class CatalogQuery {
        static final String SQL = """
                SELECT c.relname AS table_name, a.attname AS column_name, k.conname AS constraint_name
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = 1
                JOIN pg_constraint k ON k.conrelid = c.oid AND k.contype = 'c'
                WHERE c.relkind = 'r'
                """;
    }

    @Provide
    Arbitrary<String> identifiers() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between('a', 'z')),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between('A', 'Z')),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between('0', '9')),
                net.jqwik.api.Tuple.of(3, Arbitraries.of((int) '_', (int) '"', (int) '\'', (int) ' ', (int) '\\',
                        (int) '$', (int) '.', (int) ';', (int) '-', (int) '(', (int) '\t', (int) '\n')),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x01, 0x1f)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0xa0, 0x24f)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x4e00, 0x9fff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x1f600, 0x1f64f)));
        Arbitrary<String> random = codePoints.list().ofMinSize(1).ofMaxSize(63)
                .map(IdentifierRoundTripIT::fromCodePoints)
                .filter(s -> s.getBytes(StandardCharsets.UTF_8).length <= PgIdentifiers.MAX_BYTES);
        Arbitrary<String> keywords = Arbitraries.of(keywords())
                .flatMap(k -> Arbitraries.of(k, k.toUpperCase(Locale.ROOT), k + " ", "\"" + k + "\""));
        Arbitrary<String> edges = Arbitraries.of("a".repeat(63), "é".repeat(31) + "a", "😀".repeat(15) + "abc",
                "\"", "\"\"", " ", "'", "\\", "x\"y", "Ab", "_", "1");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, random),
                net.jqwik.api.Tuple.of(2, keywords),
                net.jqwik.api.Tuple.of(1, edges));
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder sb = new StringBuilder();
        codePoints.forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static List<String> keywords() {
        try (InputStream in = PgIdentifiers.class.getResourceAsStream("keywords.txt")) {
            List<String> words = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.split(" ")[0]);
                }
            }
            words.addAll(List.of("index", "comment", "name", "table"));
            return words;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
