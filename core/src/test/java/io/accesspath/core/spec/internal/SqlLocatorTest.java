package io.accesspath.core.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.error.Loc;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Positions inside a scalar's value map back to the file, whatever the scalar's style. */
class SqlLocatorTest {

    /** The file location of {@code word} in the value of the spec's only key {@code sql}. */
    private static Loc locate(String yaml, String word) {
        Source source = new Source("f.yaml", yaml);
        Node.Mapping root = (Node.Mapping) TreeReader.read(source, new Problems());
        Node.Scalar sql = (Node.Scalar) root.get("sql").orElseThrow();
        return SqlLocator.of(source, sql.loc(), sql.text()).locAt(sql.text().indexOf(word));
    }

    @Test
    void literalBlocks() {
        assertThat(locate("sql: |\n  SELECT *\n    FROM t\n", "FROM")).isEqualTo(Loc.of("f.yaml", 3, 5));
    }

    @Test
    void foldedBlocks() {
        assertThat(locate("sql: >-\n  SELECT *\n  FROM t\n  WHERE x = 1\n", "WHERE")).isEqualTo(Loc.of("f.yaml", 4, 3));
    }

    @Test
    void plainScalarsOverSeveralLines() {
        assertThat(locate("sql: SELECT *\n  FROM t\n  WHERE x = 1\n", "x")).isEqualTo(Loc.of("f.yaml", 3, 9));
    }

    @Test
    void quotedScalarsWithEscapes() {
        assertThat(locate("sql: \"SELECT \\\"a\\\" FROM t WHERE b = 1\"\n", "b =")).isEqualTo(Loc.of("f.yaml", 1, 33));
        assertThat(locate("sql: 'it''s FROM t'\n", "FROM")).isEqualTo(Loc.of("f.yaml", 1, 13));
    }

    @Test
    void linesAndColumnsAsTheSqlParserCountsThem() {
        Source source = new Source("f.yaml", "sql: |\n  SELECT *\n  FROM t\n");
        Node.Scalar sql = (Node.Scalar) ((Node.Mapping) TreeReader.read(source, new Problems())).get("sql").orElseThrow();
        SqlLocator locator = SqlLocator.of(source, sql.loc(), sql.text());
        assertThat(List.of(locator.loc(1, 1), locator.loc(2, 6), locator.end()))
                .containsExactly(Loc.of("f.yaml", 2, 3), Loc.of("f.yaml", 3, 8), Loc.of("f.yaml", 3, 8));
    }
}
