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
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any identifier PostgreSQL can hold (unicode, quotes, spaces, keywords, up to 63 bytes) survives
 * {@link PgIdentifiers#quote}: a table, a column and a check constraint named with it read back
 * from the catalog with exactly that name, on both servers. Each try runs in a transaction that is
 * rolled back. The identifiers are drawn from a seeded generator (random code points weighted
 * toward the troublesome ones, every keyword in several spellings, and edge cases), so a failure
 * names the identifier and reruns the same way.
 */
class IdentifierRoundTripIT {
    private static final Map<TestDatabases.Target, TestDatabases.Scratch> DATABASES =
            new EnumMap<>(TestDatabases.Target.class);
    private static final Map<TestDatabases.Target, Connection> CONNECTIONS = new EnumMap<>(TestDatabases.Target.class);

    @BeforeAll
    static void createDatabases() throws SQLException {
        for (TestDatabases.Target target : TestDatabases.Target.values()) {
            TestDatabases.Scratch scratch = TestDatabases.create(target, "identifiers");
            DATABASES.put(target, scratch);
            Connection connection = scratch.database().open();
            connection.setAutoCommit(false);
            CONNECTIONS.put(target, connection);
        }
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        for (Connection connection : CONNECTIONS.values()) {
            connection.close();
        }
        DATABASES.values().forEach(TestDatabases.Scratch::close);
    }

    @ParameterizedTest
    @MethodSource("identifiers")
    void survivesTheEmbeddedServer(String identifier) throws SQLException {
        assertRoundTrip(TestDatabases.Target.EMBEDDED, identifier);
    }

    @ParameterizedTest
    @MethodSource("identifiers")
    void survivesTheServer(String identifier) throws SQLException {
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

    /** Seeded, so every run checks the same identifiers. */
    static final long SEED = 20261202L;
    static final int RANDOM_TRIES = 300;

    static Stream<String> identifiers() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> out = new ArrayList<>();
        while (out.size() < RANDOM_TRIES) {
            String s = randomIdentifier(random);
            if (s.getBytes(StandardCharsets.UTF_8).length <= PgIdentifiers.MAX_BYTES) {
                out.add(s);
            }
        }
        for (String k : keywords()) {
            out.add(k);
            out.add(k.toUpperCase(Locale.ROOT));
            out.add(k + " ");
            out.add("\"" + k + "\"");
        }
        out.addAll(List.of("a".repeat(63), "é".repeat(31) + "a", "😀".repeat(15) + "abc", "\"", "\"\"", " ", "'", "\\",
                "x\"y", "Ab", "_", "1"));
        return out.stream().distinct();
    }

    private static String randomIdentifier(SplittableRandom random) {
        int length = 1 + random.nextInt(63);
        List<Integer> codePoints = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            codePoints.add(randomCodePoint(random));
        }
        return fromCodePoints(codePoints);
    }

    /** Weighted like the troubles they cause: mostly letters, often symbols, sometimes wide characters. */
    private static int randomCodePoint(SplittableRandom random) {
        int[] symbols = {'_', '"', '\'', ' ', '\\', '$', '.', ';', '-', '(', '\t', '\n'};
        int bucket = random.nextInt(21);
        if (bucket < 8) {
            return random.nextInt('a', 'z' + 1);
        } else if (bucket < 11) {
            return random.nextInt('A', 'Z' + 1);
        } else if (bucket < 13) {
            return random.nextInt('0', '9' + 1);
        } else if (bucket < 16) {
            return symbols[random.nextInt(symbols.length)];
        } else if (bucket < 17) {
            return random.nextInt(0x01, 0x20);
        } else if (bucket < 19) {
            return random.nextInt(0xa0, 0x250);
        } else if (bucket < 20) {
            return random.nextInt(0x4e00, 0xa000);
        }
        return random.nextInt(0x1f600, 0x1f650);
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
